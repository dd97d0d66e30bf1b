package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * An account member's role.
 * On the wire a constant is its name in lower case or, where Chatwoot sends integers, its position:
 * the order is Chatwoot's.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum Role {
    /** Sees the conversations of their inboxes and teams. */
    AGENT,
    /** Sees everything, may delete, manages inboxes. */
    ADMINISTRATOR
}
