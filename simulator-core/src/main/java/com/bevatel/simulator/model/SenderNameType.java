package com.bevatel.simulator.model;

/** How outgoing senders are named to the contact. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum SenderNameType {
    FRIENDLY, PROFESSIONAL
}
