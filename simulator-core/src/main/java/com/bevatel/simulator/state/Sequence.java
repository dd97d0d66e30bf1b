package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The global id sequences: like Postgres primary keys they start at 1 and only grow. */
@API(status = INTERNAL)
public enum Sequence {
    ACCOUNT, USER, INBOX, CHANNEL, CONTACT, CONTACT_INBOX, CONVERSATION, MESSAGE, WEBHOOK, ATTACHMENT, TEAM, AGENT_BOT, NOTE,
    CONVERSATION_PARTICIPANT, TRANSCRIPT_REQUEST, LABEL, CANNED_RESPONSE, CUSTOM_ATTRIBUTE_DEFINITION;

    /**
     * The largest id (and conversation display id) given or accepted: 2^53 − 1, the largest integer a
     * JavaScript client reads exactly from JSON, and far enough below {@code Long.MAX_VALUE} that a
     * sequence never overflows into negative ids.
     */
    public static final long MAX_ID = (1L << 53) - 1;
}
