package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A message's direction: an integer in REST responses, a string in webhooks.
 * On the wire a constant is its name in lower case or, where Chatwoot sends integers, its position:
 * the order is Chatwoot's.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum MessageType {
    /** From the contact. */
    INCOMING,
    /** From an agent, a bot or the API. */
    OUTGOING,
    /** A line the system writes about a change ("Conversation was resolved by …"). */
    ACTIVITY,
    /** An outgoing template message. */
    TEMPLATE
}
