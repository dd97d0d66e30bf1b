package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Message delivery status (app/models/message.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
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
