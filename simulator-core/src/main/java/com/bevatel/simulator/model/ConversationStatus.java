package com.bevatel.simulator.model;

/** Conversation status (app/models/conversation.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum ConversationStatus {
    OPEN, RESOLVED, PENDING, SNOOZED
}
