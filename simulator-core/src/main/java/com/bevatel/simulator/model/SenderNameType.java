package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How outgoing senders are named to the contact. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
@API(status = INTERNAL)
public enum SenderNameType {
    FRIENDLY, PROFESSIONAL
}
