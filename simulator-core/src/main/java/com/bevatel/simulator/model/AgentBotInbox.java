package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The bot that serves an inbox (app/models/agent_bot_inbox.rb): one per inbox, as the inbox's
 * {@code has_one :agent_bot_inbox} and {@code set_agent_bot} keep it. Chatwoot's row has an
 * active/inactive status that no API sets; the simulator's rows are all active.
 *
 * @param inboxId    the inbox
 * @param agentBotId the bot that serves it
 */
@API(status = INTERNAL)
public record AgentBotInbox(long inboxId, long agentBotId) {
}
