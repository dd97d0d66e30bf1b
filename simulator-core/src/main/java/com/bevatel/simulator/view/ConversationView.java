package com.bevatel.simulator.view;

import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Messages;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The REST conversation (app/views/api/v1/conversations/partials/_conversation.json.jbuilder): show, create, update,
 * list items, contact conversations.
 */
public final class ConversationView {
    private static final int UNREAD_CAP = 10;

    private ConversationView() {
    }

    public static ObjectNode rest(Conversation c, State state) {
        return rest(c, state, null);
    }

    /**
     * As {@link #rest(Conversation, State)} for a known viewer: {@code meta.team.is_member} tells
     * whether {@code viewerUserId} belongs to the team (false when null, e.g. a bot).
     */
    public static ObjectNode rest(Conversation c, State state, Long viewerUserId) {
        Contact contact = state.contacts.get(c.contactId());
        ContactInbox contactInbox = state.contactInboxes.get(c.contactInboxId());
        ObjectNode o = Json.object();
        ObjectNode meta = o.putObject("meta");
        meta.set("sender", ContactView.rest(contact, state, false));
        meta.put("channel", "Channel::Api");
        if (c.assigneeBotId() != null && state.agentBots.find(c.assigneeBotId()).isPresent()) {
            meta.set("assignee", AgentBotView.slim(state.agentBots.get(c.assigneeBotId())));
            meta.put("assignee_type", "AgentBot");
        } else if (c.assigneeId() != null) {
            state.users.find(c.assigneeId()).ifPresent(user -> {
                meta.set("assignee", UserView.agent(user));
                meta.put("assignee_type", "User");
            });
        }
        if (c.teamId() != null) {
            state.teams.find(c.teamId()).ifPresent(team -> meta.set("team", TeamView.rest(team,
                    viewerUserId != null && state.membersOfTeam.of(team.id()).contains(viewerUserId))));
        }
        meta.put("hmac_verified", contactInbox.hmacVerified());
        o.put("id", c.displayId());
        ArrayNode messages = o.putArray("messages");
        Message last = lastMessage(c, state, false);
        if (last != null) {
            messages.add(MessageView.embedded(last, state));
        }
        o.put("account_id", c.accountId());
        o.put("uuid", c.uuid());
        o.set("additional_attributes", c.additionalAttributes().toObjectNode());
        o.put("agent_last_seen_at", Json.unix(c.agentLastSeenAt()));
        o.put("assignee_last_seen_at", Json.unix(c.assigneeLastSeenAt()));
        o.put("can_reply", canReply(c, state));
        o.put("contact_last_seen_at", Json.unix(c.contactLastSeenAt()));
        o.set("custom_attributes", c.customAttributes().toObjectNode());
        o.put("inbox_id", c.inboxId());
        ArrayNode labels = o.putArray("labels");
        c.labels().forEach(labels::add);
        o.put("muted", contact.blocked());
        o.set("snoozed_until", Json.iso(c.snoozedUntil()));
        o.put("status", WireEnum.name(c.status()));
        o.put("created_at", Json.unix(c.createdAt()));
        o.set("updated_at", Json.floatTime(c.updatedAt()));
        o.put("timestamp", Json.unix(c.lastActivityAt()));
        o.put("first_reply_created_at", Json.unix(c.firstReplyCreatedAt()));
        o.put("unread_count", unreadCount(c, state));
        Message lastNonActivity = lastMessage(c, state, true);
        o.set("last_non_activity_message",
                lastNonActivity == null ? Json.text(null) : MessageView.embedded(lastNonActivity, state));
        o.put("last_activity_at", Json.unix(c.lastActivityAt()));
        o.set("priority", Json.text(c.priority() == null ? null : WireEnum.name(c.priority())));
        o.put("waiting_since", Json.unix(c.waitingSince()));
        o.putNull("sla_policy_id");
        return o;
    }

    /** The newest message (any kind), or with {@code skipActivity} the newest non-activity one. */
    static Message lastMessage(Conversation c, State state, boolean skipActivity) {
        List<Long> ids = state.messagesOfConversation.of(c.id());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Message m = state.messages.get(ids.get(i));
            if (!skipActivity || m.messageType() != MessageType.ACTIVITY) {
                return m;
            }
        }
        return null;
    }

    /**
     * Incoming messages newer than {@code agent_last_seen_at}, capped at 10: counted from the newest
     * message back to the first one the agent has seen. Only the incoming ones are visited when the
     * conversation's times run forward (always, unless the clock was set back); otherwise every message.
     */
    public static int unreadCount(Conversation c, State state) {
        Instant seen = c.agentLastSeenAt();
        int incoming = state.conversationMessages.incomingCount(c.id());
        if (seen == null) {
            return Math.min(incoming, UNREAD_CAP);
        }
        if (state.conversationMessages.chronological(c.id())) {
            int count = 0;
            while (count < incoming && count < UNREAD_CAP) {
                Message m = state.messages.get(state.conversationMessages.incomingFromNewest(c.id(), count));
                if (!m.createdAt().isAfter(seen)) {
                    break;
                }
                count++;
            }
            return count;
        }
        List<Long> ids = state.messagesOfConversation.of(c.id());
        int count = 0;
        for (int i = ids.size() - 1; i >= 0 && count < UNREAD_CAP; i--) {
            Message m = state.messages.get(ids.get(i));
            if (!m.createdAt().isAfter(seen)) {
                break;
            }
            if (m.messageType() == MessageType.INCOMING) {
                count++;
            }
        }
        return count;
    }

    /** False only when the channel sets {@code agent_reply_time_window} (hours) and it has passed. */
    public static boolean canReply(Conversation c, State state) {
        Inbox inbox = state.inboxes.get(c.inboxId());
        var window = inbox.channel().additionalAttributes().get("agent_reply_time_window");
        if (!Messages.present(window)) {
            return true;
        }
        long hours = Math.min(Inboxes.rubyToI(window), 1_000_000_000L);
        if (state.conversationMessages.incomingCount(c.id()) == 0) {
            return false;
        }
        Message lastIncoming = state.messages.get(state.conversationMessages.incomingFromNewest(c.id(), 0));
        return state.clock().now().isBefore(lastIncoming.createdAt().plus(Duration.ofHours(hours)));
    }
}
