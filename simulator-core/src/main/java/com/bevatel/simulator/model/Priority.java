package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A conversation's priority; a conversation without one holds null.
 * On the wire a constant is its name in lower case or, where Chatwoot sends integers, its position:
 * the order is Chatwoot's.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum Priority {
    /** Low. */
    LOW,
    /** Medium. */
    MEDIUM,
    /** High. */
    HIGH,
    /** Urgent. */
    URGENT
}
