package com.bevatel.simulator.model;

/** Conversation priority; a conversation without one holds null. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT
}
