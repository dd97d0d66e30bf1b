package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What a member set as their availability in an account ({@code AccountUser} enum {@code availability},
 * app/models/account_user.rb). On the wire a constant is its name in lower case; the order is
 * Chatwoot's (online 0, offline 1, busy 2).
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum Availability {
    /** Available (Chatwoot's default). */
    ONLINE,
    /** Not available. */
    OFFLINE,
    /** Available but busy. */
    BUSY
}
