package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Conversation status (app/models/conversation.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
@API(status = STABLE, since = "0.1.0")
public enum ConversationStatus {
    /** Waiting for an answer (the default). */
    OPEN,
    /** Done; a new incoming message reopens it. */
    RESOLVED,
    /** Parked, e.g. while a bot handles it. */
    PENDING,
    /** Hidden until a time, or until the next reply. */
    SNOOZED
}
