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
import java.util.EnumSet;
import java.util.Set;

/** Messages (API.md §3.4, §3.7, §5.6, §5.7): create with its side effects, status update, soft delete. */
public final class Messages {
    private static final int MAX_CONTENT = 150_000;
    private static final Set<ContentType> NEED_ITEMS =
            EnumSet.of(ContentType.INPUT_SELECT, ContentType.CARDS, ContentType.FORM, ContentType.ARTICLE);

    private Messages() {
    }

    /** Creates a message on {@code conversation} written by {@code author} (the token owner). */
    public static Message create(Transaction tx, Conversation conversation, NewMessage spec, Actor author) {
        State state = tx.state();
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
        if (NEED_ITEMS.contains(contentType)) {
            JsonNode items = contentAttributes.get("items");
            if (items == null || !items.isArray() || items.isEmpty()) {
                throw messageError("Validation failed: Content attributes At least one item is required.");
            }
        }
        ObjectNode additional = Json.object();
        if (spec.templateParams() != null) {
            if (!spec.templateParams().hasNonNull("name")) {
                throw messageError("Validation failed: Template params name is required");
            }
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
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), spec.content(), type, contentType, MessageStatus.SENT, contentAttributes,
                spec.isPrivate(), spec.sourceId(), senderType, senderId, additional, tx.now(), tx.now());
        state.messages.put(message);
        state.messagesOfConversation.append(conversation.id(), message.id());
        afterCreate(tx, conversation, contact, message);
        return message;
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
        if (humanReply && (current.firstReplyCreatedAt() == null || current.waitingSince() != null)) {
            Conversation.Builder b = current.toBuilder();
            if (current.firstReplyCreatedAt() == null) {
                b.firstReplyCreatedAt = message.createdAt();
            }
            b.waitingSince = null;
            current = Conversations.save(tx, current, b, null);
        } else if (incoming && current.waitingSince() == null) {
            Conversation.Builder b = current.toBuilder();
            b.waitingSince = message.createdAt();
            current = Conversations.save(tx, current, b, null);
        }
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
