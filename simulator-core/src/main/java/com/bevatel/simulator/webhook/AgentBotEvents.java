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
import java.util.Objects;
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
 * are planned for the bots alone — and the events of a save that a later save of the same request
 * took from its assignee bot, which the bots are sent as that save left the conversation.
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
                joined = conversation(e.name(), e.saved(), state, List.of(), webhooks, plans);
            } else if (event instanceof DomainEvent.ConversationUpdated e) {
                joined = conversation(e.name(), e.saved(), state, e.changes(), webhooks, plans);
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
     * {@code conversation_resolved} when that is where it went. The bots are those of the conversation
     * as this save left it: Chatwoot's listener runs in the save's after-commit callback
     * (app/models/conversation.rb#notify_status_change, app/dispatchers/sync_dispatcher.rb), before a
     * later save of the same request lets the assignee bot go (handle_human_open in
     * app/controllers/api/v1/accounts/conversations_controller.rb, Conversation#bot_handoff!). While the
     * saved row names the committed assignee and status, the bots get the account webhooks' bytes;
     * otherwise their copy shows the conversation as saved, as the listener's object does.
     */
    private static Planned conversation(String name, Conversation saved, State state, List<AttributeChange> changes,
                                        Planned webhooks, List<Planned> plans) {
        Conversation committed = state.conversations.find(saved.id()).orElse(null);
        if (committed == null) {
            return webhooks;
        }
        List<Target> bots = targets(saved, state);
        if (bots.isEmpty()) {
            return webhooks;
        }
        boolean asCommitted = sameAssigneeAndStatus(saved, committed);
        Conversation shown = asCommitted ? committed : saved;
        if (name.equals("conversation_status_changed")) {
            String now = switch (shown.status()) {
                case OPEN -> OPENED;
                case RESOLVED -> RESOLVED;
                default -> null;
            };
            if (now != null) {
                plans.add(new Planned(now, shown.accountId(), shown.displayId(), null,
                        WebhookEvents.conversationPayload(now, shown, state, false, null), bots));
            }
        }
        if (asCommitted) {
            return joined(webhooks, bots, name, shown, null,
                    () -> WebhookEvents.conversationPayload(name, shown, state, true, changes));
        }
        if (webhooks != null) {
            plans.add(webhooks);
        }
        return new Planned(name, shown.accountId(), shown.displayId(), null,
                WebhookEvents.conversationPayload(name, shown, state, true, changes), bots);
    }

    private static boolean sameAssigneeAndStatus(Conversation saved, Conversation committed) {
        return Objects.equals(saved.assigneeBotId(), committed.assigneeBotId())
                && Objects.equals(saved.assigneeId(), committed.assigneeId())
                && saved.status() == committed.status();
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
