package com.bevatel.simulator.webhook;

import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.webhook.WebhookEvents.Planned;
import com.bevatel.simulator.webhook.WebhookEvents.Target;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Chatwoot's {@code AgentBotListener} (app/listeners/agent_bot_listener.rb): which agent bots are
 * sent a domain event, and what. A conversation's bots are its assignee bot, then the bot serving
 * its inbox, each once, and only those with an {@code outgoing_url}. They get
 * {@code message_created}/{@code message_updated} (never an activity message), and for a status
 * change {@code conversation_opened} or {@code conversation_resolved}, then
 * {@code conversation_status_changed}, then {@code conversation_updated} (the order of
 * app/models/conversation.rb#execute_after_update_commit_callbacks) — never
 * {@code conversation_created}, typing, contact or inbox events. Every payload a bot shares with
 * account webhooks is the same bytes, so the bots join the webhooks' plan; only opened/resolved
 * are planned for the bots alone.
 */
final class AgentBotEvents {
    private static final String OPENED = "conversation_opened";
    private static final String RESOLVED = "conversation_resolved";

    private AgentBotEvents() {
    }

    /**
     * Adds {@code event}'s deliveries to {@code plans}, in the order its receivers get them.
     *
     * @param webhooks what account webhooks and the API inbox are sent ({@link WebhookEvents#plan}), or null
     */
    static void plan(DomainEvent event, State state, Planned webhooks, List<Planned> plans) {
        Planned joined = webhooks;
        if (state.agentBots.size() > 0) {
            if (event instanceof DomainEvent.MessageCreated e) {
                joined = message(e.name(), e.messageId(), state, webhooks);
            } else if (event instanceof DomainEvent.MessageUpdated e) {
                joined = message(e.name(), e.messageId(), state, webhooks);
            } else if (event instanceof DomainEvent.ConversationStatusChanged e) {
                // Chatwoot reads the changes after the commit, when Rails no longer has any: always null.
                joined = conversation(e.name(), e.conversationId(), state, List.of(), webhooks, plans);
            } else if (event instanceof DomainEvent.ConversationUpdated e) {
                joined = conversation(e.name(), e.conversationId(), state, e.changes(), webhooks, plans);
            }
        }
        if (joined != null) {
            plans.add(joined);
        }
    }

    /** {@code webhook_sendable?}: incoming, outgoing (private notes and the bot's own included) and template messages. */
    private static Planned message(String name, long messageId, State state, Planned webhooks) {
        Message message = WebhookEvents.sendable(state, messageId);
        if (message == null) {
            return webhooks;
        }
        Conversation conversation = state.conversations.find(message.conversationId()).orElse(null);
        if (conversation == null) {
            return webhooks;
        }
        return joined(webhooks, targets(conversation, state), name, conversation, message.id(),
                () -> WebhookEvents.messagePayload(name, message, state));
    }

    /**
     * {@code conversation_status_changed} is preceded by {@code conversation_opened} or
     * {@code conversation_resolved} when that is where it went.
     */
    private static Planned conversation(String name, long conversationId, State state, List<AttributeChange> changes,
                                        Planned webhooks, List<Planned> plans) {
        Conversation conversation = state.conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return webhooks;
        }
        List<Target> bots = targets(conversation, state);
        if (bots.isEmpty()) {
            return webhooks;
        }
        if (name.equals("conversation_status_changed")) {
            String now = switch (conversation.status()) {
                case OPEN -> OPENED;
                case RESOLVED -> RESOLVED;
                default -> null;
            };
            if (now != null) {
                plans.add(new Planned(now, conversation.accountId(), conversation.displayId(), null,
                        WebhookEvents.conversationPayload(now, conversation, state, false, null), bots));
            }
        }
        return joined(webhooks, bots, name, conversation, null,
                () -> WebhookEvents.conversationPayload(name, conversation, state, true, changes));
    }

    /** The webhooks' plan, sent to the bots too; or one for the bots alone when there is none. */
    private static Planned joined(Planned webhooks, List<Target> bots, String name, Conversation conversation,
                                  Long messageId, Supplier<ObjectNode> payload) {
        if (bots.isEmpty()) {
            return webhooks;
        }
        if (webhooks != null) {
            return webhooks.alsoFor(bots);
        }
        return new Planned(name, conversation.accountId(), conversation.displayId(), messageId, payload.get(), bots);
    }

    /** {@code agent_bots_for}: the assignee bot, then the inbox's, de-duplicated; none without an outgoing URL. */
    private static List<Target> targets(Conversation conversation, State state) {
        List<Target> targets = new ArrayList<>(2);
        if (conversation.assigneeBotId() != null) {
            state.agentBots.find(conversation.assigneeBotId()).ifPresent(bot -> add(targets, bot));
        }
        AgentBots.ofInbox(state, conversation.inboxId()).ifPresent(bot -> add(targets, bot));
        return targets;
    }

    private static void add(List<Target> targets, AgentBot bot) {
        Receiver receiver = Receiver.agentBot(bot.id());
        if (bot.receivesEvents() && targets.stream().noneMatch(t -> t.receiver().equals(receiver))) {
            targets.add(new Target(receiver, bot.outgoingUrl(), bot.secret()));
        }
    }
}
