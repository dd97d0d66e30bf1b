package com.bevatel.simulator.model;

/** Message delivery status (app/models/message.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum MessageStatus {
    SENT, DELIVERED, READ, FAILED
}
