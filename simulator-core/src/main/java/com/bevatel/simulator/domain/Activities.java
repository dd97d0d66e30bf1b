package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The activity messages of app/models/concerns/activity_message_handler.rb and its siblings
 * (type 2, no sender, never delivered to webhooks). Chatwoot
 * writes them from a background job; here they are written in the same transaction, deterministically.
 */
@API(status = INTERNAL)
public final class Activities {
    public static final String SYSTEM_REOPENED = "System reopened the conversation due to a new incoming message.";
    /** {@code conversations.activity.agent_bot.error_moved_to_open} (config/locales/en.yml). */
    public static final String AGENT_BOT_ERROR = "Conversation was marked open by system due to an error with the agent bot.";

    private Activities() {
    }

    /**
     * The activity lines a saved change produces, named after the acting user (none when unknown). A
     * contact (Client API) only ever produces "Conversation was resolved by …": Chatwoot names users only.
     */
    static void forChange(Transaction tx, Conversation before, Conversation after, Actor actor) {
        String who = actorName(tx.state(), actor);
        if (who == null) {
            return;
        }
        if (actor.type() == SenderType.CONTACT) {
            if (before.status() != after.status() && after.status() == ConversationStatus.RESOLVED) {
                post(tx, after, "Conversation was resolved by " + who, statusAttributes(after.status()));
            }
            return;
        }
        if (before.status() != after.status()) {
            String text = switch (after.status()) {
                case RESOLVED -> "Conversation was marked resolved by " + who;
                case OPEN -> "Conversation was reopened by " + who;
                case PENDING -> "Conversation was marked as pending by " + who;
                case SNOOZED -> "Conversation was snoozed by " + who;
            };
            post(tx, after, text, statusAttributes(after.status()));
        }
        if (!Objects.equals(before.teamId(), after.teamId())) {
            postTeamChange(tx, before, after, who);
        } else if (!Objects.equals(before.assigneeId(), after.assigneeId())) {
            if (after.assigneeId() == null) {
                post(tx, after, "Conversation unassigned by " + who, Json.object());
            } else if (actor.type() == SenderType.USER && actor.id() == after.assigneeId()) {
                post(tx, after, who + " self-assigned this conversation", Json.object());
            } else {
                String assignee = tx.state().users.find(after.assigneeId()).map(u -> u.name()).orElse("");
                post(tx, after, "Assigned to " + assignee + " by " + who, Json.object());
            }
        }
        if (before.priority() != after.priority()) {
            String text;
            if (before.priority() == null) {
                text = who + " set the priority to " + WireEnum.name(after.priority());
            } else if (after.priority() == null) {
                text = who + " removed the priority";
            } else {
                text = who + " changed the priority from " + WireEnum.name(before.priority()) + " to "
                        + WireEnum.name(after.priority());
            }
            post(tx, after, text, Json.object());
        }
        List<String> added = new ArrayList<>(after.labels());
        added.removeAll(before.labels());
        List<String> removed = new ArrayList<>(before.labels());
        removed.removeAll(after.labels());
        if (!added.isEmpty()) {
            post(tx, after, who + " added " + String.join(", ", added), Json.object());
        }
        if (!removed.isEmpty()) {
            post(tx, after, who + " removed " + String.join(", ", removed), Json.object());
        }
    }

    /**
     * Chatwoot's TeamActivityMessageHandler: a team change is reported instead of an assignee change
     * made in the same save ("Assigned to {agent} via {team} …" when both changed).
     */
    private static void postTeamChange(Transaction tx, Conversation before, Conversation after, String who) {
        State state = tx.state();
        if (after.teamId() == null) {
            String previous = before.teamId() == null ? "" : state.teams.find(before.teamId()).map(t -> t.name()).orElse("");
            post(tx, after, "Unassigned from " + previous + " by " + who, Json.object());
            return;
        }
        String team = state.teams.find(after.teamId()).map(t -> t.name()).orElse("");
        String assignee = after.assigneeId() == null ? null : state.users.find(after.assigneeId()).map(u -> u.name()).orElse(null);
        if (assignee != null && !Objects.equals(before.assigneeId(), after.assigneeId())) {
            post(tx, after, "Assigned to " + assignee + " via " + team + " by " + who, Json.object());
        } else {
            post(tx, after, "Assigned to " + team + " by " + who, Json.object());
        }
    }

    /** "System reopened …": a resolved conversation reopened by an incoming message. */
    static void systemReopened(Transaction tx, Conversation conversation) {
        post(tx, conversation, SYSTEM_REOPENED, statusAttributes(ConversationStatus.OPEN));
    }

    /**
     * "Conversation was marked open by system …": a bot's message delivery failed for good
     * (lib/webhooks/trigger.rb#create_agent_bot_error_activity; content only, no content attributes).
     */
    static void agentBotError(Transaction tx, Conversation conversation) {
        post(tx, conversation, AGENT_BOT_ERROR, Json.object());
    }

    /**
     * "X has muted the conversation" / "… unmuted …" ({@code conversations.activity.muted}/{@code unmuted},
     * config/locales/en.yml; content only), only when a user acts (Chatwoot: {@code return unless Current.user}).
     */
    static void muteChanged(Transaction tx, Conversation conversation, Actor actor, boolean muted) {
        String who = actor != null && actor.type() == SenderType.USER ? actorName(tx.state(), actor) : null;
        if (who != null) {
            post(tx, conversation, who + (muted ? " has muted the conversation" : " has unmuted the conversation"),
                    Json.object());
        }
    }

    private static ObjectNode statusAttributes(ConversationStatus status) {
        ObjectNode attributes = Json.object();
        ObjectNode activity = attributes.putObject("activity");
        activity.put("type", "conversation_status_changed");
        activity.put("status", WireEnum.name(status));
        return attributes;
    }

    /** Writes an activity message; like any new message it moves the conversation's last activity. */
    private static void post(Transaction tx, Conversation conversation, String content, ObjectNode contentAttributes) {
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), content, MessageType.ACTIVITY, ContentType.TEXT, MessageStatus.SENT,
                JsonBag.of(contentAttributes), false, null, null, null, JsonBag.EMPTY, tx.now(), tx.now());
        tx.state().messages.put(message);
        Conversations.touchActivity(tx, conversation.id(), message.createdAt());
        tx.emit(new DomainEvent.MessageCreated(message.accountId(), message.id()));
    }

    /** A user's name; a contact's with the first letter upper-case and the rest lower-case. */
    static String actorName(State state, Actor actor) {
        if (actor == null) {
            return null;
        }
        return switch (actor.type()) {
            case USER -> state.users.find(actor.id()).map(u -> u.name()).orElse(null);
            case CONTACT -> state.contacts.find(actor.id()).map(c -> capitalize(c.name())).orElse(null);
            case AGENT_BOT -> state.agentBots.find(actor.id()).map(b -> b.name()).orElse(null);
        };
    }

    private static String capitalize(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
