package com.bevatel.simulator.domain;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Messages (API.md §3.4, §3.7, §5.6, §5.7): create with its side effects, status update, soft delete. */
public final class Messages {
    private static final int MAX_CONTENT = 150_000;

    private Messages() {
    }

    /** Creates a message on {@code conversation} written by {@code author} (the token owner). */
    public static Message create(Transaction tx, Conversation conversation, NewMessage spec, Actor author) {
        return create(tx, conversation, spec, author, List.of());
    }

    /** As above, with the files of a multipart {@code attachments[]} (at most 15). */
    public static Message create(Transaction tx, Conversation conversation, NewMessage spec, Actor author,
                                 List<Upload> uploads) {
        State state = tx.state();
        MessageValidation.checkFlood(state, conversation, tx.now());
        Attachments.checkCount(uploads);
        MessageType type = MessageType.OUTGOING;
        boolean typeAsInteger = false;
        JsonNode rawType = spec.messageType();
        if (rawType != null && !rawType.isNull()) {
            if (rawType.isIntegralNumber()) {
                int code = rawType.asInt();
                if (code < 0 || code >= MessageType.values().length) {
                    throw messageError("'" + code + "' is not a valid message_type");
                }
                type = MessageType.values()[code];
                typeAsInteger = true;
            } else {
                String name = rawType.asText();
                type = WireEnum.parse(MessageType.class, name)
                        .orElseThrow(() -> messageError("'" + name + "' is not a valid message_type"));
            }
        }
        ContentType contentType = ContentType.TEXT;
        if (spec.contentType() != null) {
            contentType = WireEnum.parse(ContentType.class, spec.contentType())
                    .orElseThrow(() -> messageError("'" + spec.contentType() + "' is not a valid content_type"));
        }
        if (spec.content() != null && spec.content().length() > MAX_CONTENT) {
            throw messageError("Validation failed: Content is too long (maximum is 150000 characters)");
        }
        ObjectNode contentAttributes = Json.copy(spec.contentAttributes());
        if (spec.externalCreatedAt() != null && !spec.externalCreatedAt().isNull()) {
            contentAttributes.set("external_created_at", spec.externalCreatedAt().deepCopy());
        }
        List<String> invalid = new ArrayList<>(MessageValidation.itemErrors(contentType, contentAttributes));
        invalid.addAll(MessageValidation.templateParamErrors(spec.templateParams()));
        MessageValidation.failIfAny(invalid);
        ObjectNode additional = Json.object();
        if (spec.templateParams() != null) {
            additional.set("template_params", spec.templateParams().deepCopy());
        }
        if (spec.campaignId() != null && !spec.campaignId().isNull()) {
            additional.set("campaign_id", spec.campaignId().deepCopy());
        }
        Contact contact = state.contacts.get(conversation.contactId());
        // Chatwoot compares the raw parameter with strings: an integer type skips the rules and the contact sends.
        SenderType senderType;
        long senderId;
        if (type == MessageType.OUTGOING && !typeAsInteger) {
            senderType = author.type();
            senderId = author.id();
        } else {
            senderType = SenderType.CONTACT;
            senderId = contact.id();
        }
        String content = spec.content();
        if (type == MessageType.OUTGOING || type == MessageType.TEMPLATE) {
            Map<String, Object> drops = LiquidDrops.forMessage(state, conversation, senderType, senderId);
            content = Liquid.render(content, drops);
            renderTemplateParams(additional, drops);
        }
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), content, type, contentType, MessageStatus.SENT, contentAttributes,
                spec.isPrivate(), spec.sourceId(), senderType, senderId, additional, tx.now(), tx.now());
        state.messages.put(message);
        state.messagesOfConversation.append(conversation.id(), message.id());
        Attachments.attach(tx, message, uploads);
        afterCreate(tx, conversation, contact, message);
        return message;
    }

    /** A template message (greeting, out of office): no sender, Liquid rendered, delivered like any message. */
    static Message createTemplate(Transaction tx, Conversation conversation, String text) {
        State state = tx.state();
        String content = Liquid.render(text, LiquidDrops.forMessage(state, conversation, null, null));
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), content, MessageType.TEMPLATE, ContentType.TEXT, MessageStatus.SENT, Json.object(),
                false, null, null, null, Json.object(), tx.now(), tx.now());
        state.messages.put(message);
        state.messagesOfConversation.append(conversation.id(), message.id());
        afterCreate(tx, conversation, state.contacts.get(conversation.contactId()), message);
        return message;
    }

    /** Liquid in {@code template_params.processed_params} string values, for outgoing and template messages. */
    private static void renderTemplateParams(ObjectNode additional, Map<String, Object> drops) {
        JsonNode processed = additional.path("template_params").get("processed_params");
        if (processed instanceof ObjectNode params && !params.isEmpty()) {
            ((ObjectNode) additional.get("template_params")).set("processed_params", renderStrings(params, drops));
        }
    }

    private static JsonNode renderStrings(JsonNode node, Map<String, Object> drops) {
        if (node.isTextual()) {
            return Json.text(node.asText().isBlank() ? node.asText() : Liquid.render(node.asText(), drops));
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), renderStrings(e.getValue(), drops)));
            return out;
        }
        if (node.isArray()) {
            var out = Json.array();
            node.forEach(item -> out.add(renderStrings(item, drops)));
            return out;
        }
        return node;
    }

    /** The side effects of §3.7, in order. */
    private static void afterCreate(Transaction tx, Conversation conversation, Contact contact, Message message) {
        Conversation current = conversation;
        boolean incoming = message.messageType() == MessageType.INCOMING;
        if (incoming && !contact.blocked()) {
            if (current.status() == ConversationStatus.RESOLVED || current.status() == ConversationStatus.SNOOZED) {
                boolean wasResolved = current.status() == ConversationStatus.RESOLVED;
                Conversation.Builder b = current.toBuilder();
                b.status = ConversationStatus.OPEN;
                current = Conversations.save(tx, current, b, null);
                if (wasResolved) {
                    Activities.systemReopened(tx, current);
                }
            }
        }
        if (message.messageType() != MessageType.ACTIVITY) {
            Conversation.Builder b = current.toBuilder();
            b.lastActivityAt = message.createdAt();
            current = b.build();
            tx.state().conversations.put(current);
        }
        tx.emit(new DomainEvent.MessageCreated(message.accountId(), message.id()));
        boolean humanReply = message.messageType() == MessageType.OUTGOING && !message.isPrivate()
                && message.senderType() == SenderType.USER;
        boolean botReply = message.messageType() == MessageType.OUTGOING && !message.isPrivate()
                && message.senderType() == SenderType.AGENT_BOT;
        if (humanReply && (current.firstReplyCreatedAt() == null || current.waitingSince() != null)) {
            Conversation.Builder b = current.toBuilder();
            if (current.firstReplyCreatedAt() == null) {
                b.firstReplyCreatedAt = message.createdAt();
            }
            b.waitingSince = null;
            current = Conversations.save(tx, current, b, null);
        } else if (botReply && current.waitingSince() != null) {
            // Chatwoot: "Bot responses also clear waiting_since".
            Conversation.Builder b = current.toBuilder();
            b.waitingSince = null;
            current = Conversations.save(tx, current, b, null);
        } else if (incoming && current.waitingSince() == null) {
            Conversation.Builder b = current.toBuilder();
            b.waitingSince = message.createdAt();
            current = Conversations.save(tx, current, b, null);
        }
        TemplateMessages.afterMessage(tx, message.conversationId(), message);
        if (incoming) {
            Contacts.touchActivity(tx, tx.state().contacts.get(contact.id()));
        }
    }

    public static Message find(State state, Conversation conversation, long messageId) {
        return state.messages.find(messageId).filter(m -> m.conversationId() == conversation.id())
                .orElseThrow(Errors::notFound);
    }

    /**
     * {@code PATCH …/messages/{id}} (API inboxes): unknown statuses and read → delivered are ignored;
     * {@code external_error} is kept only for failed.
     */
    public static Message updateStatus(Transaction tx, Message current, String statusName, String externalError) {
        MessageStatus status = statusName == null ? null : WireEnum.parse(MessageStatus.class, statusName).orElse(null);
        if (status == null || (current.status() == MessageStatus.READ && status == MessageStatus.DELIVERED)) {
            return current;
        }
        Message.Builder b = current.toBuilder();
        b.status = status;
        if (status == MessageStatus.FAILED && externalError != null) {
            ObjectNode attributes = Json.copy(current.contentAttributes());
            attributes.put("external_error", externalError);
            b.contentAttributes = attributes;
        }
        return saveIfChanged(tx, current, b);
    }

    /** Soft delete: the text Chatwoot leaves behind, {@code deleted: true}, attachments gone. */
    public static Message delete(Transaction tx, Message current) {
        Attachments.removeAll(tx, current.id());
        Message.Builder b = current.toBuilder();
        b.content = "This message was deleted";
        b.contentType = ContentType.TEXT;
        ObjectNode attributes = Json.object();
        attributes.put("deleted", true);
        b.contentAttributes = attributes;
        return saveIfChanged(tx, current, b);
    }

    /** A failed API-inbox delivery marks the message failed with the error text (§7.3). */
    public static Message markFailed(Transaction tx, Message current, String error) {
        return updateStatus(tx, current, WireEnum.name(MessageStatus.FAILED), error);
    }

    private static Message saveIfChanged(Transaction tx, Message current, Message.Builder b) {
        Message candidate = b.build();
        if (candidate.equals(current)) {
            return current;
        }
        b.updatedAt = tx.now();
        Message updated = b.build();
        tx.state().messages.put(updated);
        tx.emit(new DomainEvent.MessageUpdated(updated.accountId(), updated.id()));
        return updated;
    }

    private static ApiException messageError(String text) {
        return Errors.error(422, text);
    }
}
