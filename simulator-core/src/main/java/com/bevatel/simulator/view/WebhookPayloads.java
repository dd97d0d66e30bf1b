package com.bevatel.simulator.view;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.ApiChannel;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The webhook shapes (app/listeners/webhook_listener.rb, the models' webhook_data), in Chatwoot's key order.
 * They differ from the REST shapes on purpose: {@code message_type} is a string, message
 * {@code created_at} is ISO, the conversation carries its raw contact-inbox and {@code account}.
 */
public final class WebhookPayloads {
    private static final String CHANNEL_TYPE = "Channel::Api";
    private static final Pattern HARD_BREAK = Pattern.compile("\\\\\\r?\\n");
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("(\\r?\\n)+\\z");

    private WebhookPayloads() {
    }

    /** {@code account.webhook_data}. */
    public static ObjectNode account(Account account) {
        ObjectNode o = Json.object();
        o.put("id", account.id());
        o.put("name", account.name());
        return o;
    }

    /** {@code inbox.webhook_data}. */
    public static ObjectNode inbox(Inbox inbox) {
        ObjectNode o = Json.object();
        o.put("id", inbox.id());
        o.put("name", inbox.name());
        return o;
    }

    /** The contact webhook shape: {@code contact_*} payloads, message senders, typists — no {@code type}. */
    public static ObjectNode contact(Contact contact, State state) {
        ObjectNode o = Json.object();
        o.set("account", account(state.accounts.get(contact.accountId())));
        o.set("additional_attributes", contact.additionalAttributes().toObjectNode());
        o.put("avatar", "");
        o.set("custom_attributes", contact.customAttributes().toObjectNode());
        o.set("email", Json.text(contact.email()));
        o.put("id", contact.id());
        o.set("identifier", Json.text(contact.identifier()));
        o.set("name", Json.text(contact.name()));
        o.set("phone_number", Json.text(contact.phoneNumber()));
        o.put("thumbnail", "");
        o.put("blocked", contact.blocked());
        return o;
    }

    /** The user webhook shape. */
    public static ObjectNode user(User user) {
        ObjectNode o = Json.object();
        o.put("id", user.id());
        o.put("name", user.name());
        o.put("email", user.email());
        o.put("type", "user");
        return o;
    }

    /** A polymorphic sender or typist in its webhook shape; JSON null when there is none. */
    public static JsonNode actor(SenderType type, Long id, State state) {
        if (type == null || id == null) {
            return NullNode.instance;
        }
        JsonNode shape = switch (type) {
            case CONTACT -> state.contacts.find(id).map(c -> (JsonNode) contact(c, state)).orElse(null);
            case USER -> state.users.find(id).map(u -> (JsonNode) user(u)).orElse(null);
            case AGENT_BOT -> state.agentBots.find(id).map(b -> (JsonNode) AgentBotView.webhook(b)).orElse(null);
        };
        return shape == null ? NullNode.instance : shape;
    }

    /** Conversation webhook data: {@code conversation_*} payloads and the {@code conversation} of the others. */
    public static ObjectNode conversation(Conversation c, State state) {
        ObjectNode o = Json.object();
        o.set("additional_attributes", c.additionalAttributes().toObjectNode());
        o.put("can_reply", ConversationView.canReply(c, state));
        o.put("channel", CHANNEL_TYPE);
        o.set("contact_inbox", contactInbox(state.contactInboxes.get(c.contactInboxId())));
        o.put("id", c.displayId());
        o.put("inbox_id", c.inboxId());
        ArrayNode messages = o.putArray("messages");
        Message last = lastChatMessage(c, state);
        if (last != null) {
            messages.add(embeddedMessage(last, state));
        }
        ArrayNode labels = o.putArray("labels");
        c.labels().forEach(labels::add);
        o.set("meta", meta(c, state));
        o.put("status", WireEnum.name(c.status()));
        o.set("custom_attributes", c.customAttributes().toObjectNode());
        o.set("snoozed_until", Json.iso(c.snoozedUntil()));
        o.put("unread_count", ConversationView.unreadCount(c, state));
        o.set("first_reply_created_at", Json.iso(c.firstReplyCreatedAt()));
        o.set("priority", Json.text(c.priority() == null ? null : WireEnum.name(c.priority())));
        o.put("waiting_since", Json.unix(c.waitingSince()));
        o.put("agent_last_seen_at", Json.unix(c.agentLastSeenAt()));
        o.put("contact_last_seen_at", Json.unix(c.contactLastSeenAt()));
        o.put("last_activity_at", Json.unix(c.lastActivityAt()));
        o.put("timestamp", Json.unix(c.lastActivityAt()));
        o.put("created_at", Json.unix(c.createdAt()));
        o.set("updated_at", Json.floatTime(c.updatedAt()));
        o.set("account", account(state.accounts.get(c.accountId())));
        return o;
    }

    private static ObjectNode meta(Conversation c, State state) {
        ObjectNode meta = Json.object();
        meta.set("sender", ContactView.push(state.contacts.get(c.contactId())));
        // Conversations::EventDataPresenter: assigned_entity (the bot before the person) in its push shape.
        AgentBot bot = c.assigneeBotId() == null ? null : state.agentBots.find(c.assigneeBotId()).orElse(null);
        User assignee = bot != null || c.assigneeId() == null ? null : state.users.find(c.assigneeId()).orElse(null);
        if (bot != null) {
            meta.set("assignee", AgentBotView.push(bot));
            meta.put("assignee_type", "AgentBot");
        } else {
            meta.set("assignee", assignee == null ? NullNode.instance : UserView.push(assignee));
            meta.set("assignee_type", Json.text(assignee == null ? null : SenderType.USER.wireName()));
        }
        // Team#push_event_data, or null.
        Team team = c.teamId() == null ? null : state.teams.find(c.teamId()).orElse(null);
        meta.set("team", team == null ? NullNode.instance : TeamView.push(team));
        meta.put("hmac_verified", state.contactInboxes.get(c.contactInboxId()).hmacVerified());
        return meta;
    }

    /** The raw contact-inbox record (ISO times, {@code pubsub_token} included). */
    private static ObjectNode contactInbox(ContactInbox ci) {
        ObjectNode o = Json.object();
        o.put("id", ci.id());
        o.put("contact_id", ci.contactId());
        o.put("inbox_id", ci.inboxId());
        o.put("source_id", ci.sourceId());
        o.set("created_at", Json.iso(ci.createdAt()));
        o.set("updated_at", Json.iso(ci.updatedAt()));
        o.put("hmac_verified", ci.hmacVerified());
        o.put("pubsub_token", ci.pubsubToken());
        return o;
    }

    /** Chatwoot's {@code messages.chat.last}: the newest message that is neither activity nor private. */
    private static Message lastChatMessage(Conversation c, State state) {
        List<Long> ids = state.messagesOfConversation.of(c.id());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Message m = state.messages.get(ids.get(i));
            if (m.messageType() != MessageType.ACTIVITY && !m.isPrivate()) {
                return m;
            }
        }
        return null;
    }

    private static ObjectNode embeddedMessage(Message m, State state) {
        ObjectNode o = MessageView.embedded(m, state);
        o.set("content", Json.text(content(m.content())));
        o.set("processed_message_content", Json.text(content(m.content())));
        return o;
    }

    /** Message webhook data (no {@code status}, no {@code echo_id}); the caller appends {@code event}. */
    public static ObjectNode message(Message m, State state) {
        ObjectNode o = Json.object();
        o.set("account", account(state.accounts.get(m.accountId())));
        o.set("additional_attributes", m.additionalAttributes().toObjectNode());
        o.set("content_attributes", m.contentAttributes().toObjectNode());
        o.put("content_type", WireEnum.name(m.contentType()));
        o.set("content", Json.text(content(m.content())));
        o.set("conversation", conversation(state.conversations.get(m.conversationId()), state));
        o.set("created_at", Json.iso(m.createdAt()));
        o.put("id", m.id());
        o.set("inbox", inbox(state.inboxes.get(m.inboxId())));
        o.put("message_type", WireEnum.name(m.messageType()));
        o.put("private", m.isPrivate());
        o.set("sender", actor(m.senderType(), m.senderId(), state));
        o.set("source_id", Json.text(m.sourceId()));
        // Message#webhook_data: attachments are appended after source_id when the message has some.
        if (!state.attachmentsOfMessage.of(m.id()).isEmpty()) {
            o.set("attachments", AttachmentView.list(m.id(), state));
        }
        return o;
    }

    /**
     * {@code Messages::WebhookContentNormalizer}: markdown hard breaks (backslash + newline) become
     * plain newlines and trailing newlines go; blank content is left as it is.
     */
    public static String content(String raw) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String withoutBreaks = HARD_BREAK.matcher(raw).replaceAll("\n");
        return TRAILING_NEWLINES.matcher(withoutBreaks).replaceFirst("");
    }

    /** {@code Inbox::EventDataPresenter} plus {@code account}: the {@code inbox_*} payloads. */
    public static ObjectNode inboxSettings(Inbox inbox, State state) {
        ObjectNode o = Json.object();
        o.put("allow_messages_after_resolved", inbox.allowMessagesAfterResolved());
        o.put("lock_to_single_conversation", inbox.lockToSingleConversation());
        o.set("auto_assignment_config", inbox.autoAssignmentConfig().toObjectNode());
        o.put("enable_auto_assignment", inbox.enableAutoAssignment());
        o.put("enable_email_collect", inbox.enableEmailCollect());
        o.put("greeting_enabled", inbox.greetingEnabled());
        o.set("greeting_message", Json.text(inbox.greetingMessage()));
        o.put("csat_survey_enabled", inbox.csatSurveyEnabled());
        o.set("business_name", Json.text(inbox.businessName()));
        o.put("sender_name_type", WireEnum.name(inbox.senderNameType()));
        o.put("timezone", inbox.timezone());
        o.set("out_of_office_message", Json.text(inbox.outOfOfficeMessage()));
        o.put("working_hours_enabled", inbox.workingHoursEnabled());
        o.set("working_hours", InboxView.workingHours(inbox));
        o.set("created_at", Json.iso(inbox.createdAt()));
        o.set("updated_at", Json.iso(inbox.updatedAt()));
        o.set("channel", channel(inbox.channel(), inbox.accountId()));
        o.set("account", account(state.accounts.get(inbox.accountId())));
        return o;
    }

    /** The raw {@code channel_api} record, in schema column order. */
    private static ObjectNode channel(ApiChannel ch, long accountId) {
        ObjectNode o = Json.object();
        o.put("id", ch.id());
        o.put("account_id", accountId);
        o.set("webhook_url", Json.text(ch.webhookUrl()));
        o.set("created_at", Json.iso(ch.createdAt()));
        o.set("updated_at", Json.iso(ch.updatedAt()));
        o.put("identifier", ch.identifier());
        o.put("hmac_token", ch.hmacToken());
        o.put("hmac_mandatory", ch.hmacMandatory());
        o.set("additional_attributes", ch.additionalAttributes().toObjectNode());
        o.put("secret", ch.secret());
        return o;
    }

    /**
     * {@code changed_attributes}: one {@code {"column": {"previous_value", "current_value"}}} object
     * per change, in the order given; JSON null when nothing changed (Chatwoot's {@code blank?} → nil).
     */
    public static JsonNode changedAttributes(List<AttributeChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode list = Json.array();
        for (AttributeChange change : changes) {
            ObjectNode values = list.addObject().putObject(change.attribute());
            values.set("previous_value", value(change.previousValue()));
            values.set("current_value", value(change.currentValue()));
        }
        return list;
    }

    /** A raw column value as Rails serializes it: times ISO, enums by name, JSON as it is. */
    private static JsonNode value(Object raw) {
        if (raw == null) {
            return NullNode.instance;
        }
        if (raw instanceof JsonBag bag) {
            return bag.toObjectNode();
        }
        if (raw instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (raw instanceof Instant at) {
            return Json.iso(at);
        }
        if (raw instanceof Enum<?> e) {
            return Json.text(WireEnum.name(e));
        }
        if (raw instanceof String s) {
            return Json.text(s);
        }
        if (raw instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (raw instanceof Long || raw instanceof Integer) {
            return Json.NODES.numberNode(((Number) raw).longValue());
        }
        if (raw instanceof Number n) {
            return Json.NODES.numberNode(new BigDecimal(n.toString()));
        }
        if (raw instanceof Collection<?> items) {
            ArrayNode list = Json.array();
            items.forEach(item -> list.add(value(item)));
            return list;
        }
        return Json.text(raw.toString());
    }
}
