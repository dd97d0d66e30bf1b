package com.bevatel.simulator.model;

/** Message direction; an integer in REST, a string in webhooks. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum MessageType {
    INCOMING, OUTGOING, ACTIVITY, TEMPLATE
}
