package com.bevatel.simulator.model;

/** Message delivery status (API.md §3.2). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum MessageStatus {
    SENT, DELIVERED, READ, FAILED
}
