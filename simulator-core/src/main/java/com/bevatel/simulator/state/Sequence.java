package com.bevatel.simulator.state;

/** The global id sequences: like Postgres primary keys they start at 1 and only grow. */
public enum Sequence {
    ACCOUNT, USER, INBOX, CHANNEL, CONTACT, CONTACT_INBOX, CONVERSATION, MESSAGE, WEBHOOK, ATTACHMENT, TEAM, AGENT_BOT
}
