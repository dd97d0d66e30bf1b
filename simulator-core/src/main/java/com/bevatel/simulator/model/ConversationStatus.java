package com.bevatel.simulator.model;

/** Conversation status (API.md §3.2). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum ConversationStatus {
    OPEN, RESOLVED, PENDING, SNOOZED
}
