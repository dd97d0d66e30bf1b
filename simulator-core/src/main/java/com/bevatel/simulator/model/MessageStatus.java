package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A message's delivery status.
 * On the wire a constant is its name in lower case or, where Chatwoot sends integers, its position:
 * the order is Chatwoot's.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum MessageStatus {
    /** Sent (the default). */
    SENT,
    /** Delivered to the recipient. */
    DELIVERED,
    /** Read by the recipient. */
    READ,
    /** Could not be delivered. */
    FAILED
}
