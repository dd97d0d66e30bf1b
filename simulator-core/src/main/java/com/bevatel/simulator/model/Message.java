package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A message of a conversation.
 *
 * <p>The simulator makes these: read them (the JSON bags are {@link JsonBag}s, which cannot change).
 * Components may be added in a later version (which changes the canonical constructor), so build
 * none yourself.
 *
 * @param id                   the message's id
 * @param accountId            the account it belongs to
 * @param inboxId              its conversation's inbox
 * @param conversationId       its conversation's internal key ({@link Conversation#id()}), not the display id
 * @param content              its text, or null
 * @param messageType          incoming, outgoing, activity or template
 * @param contentType          its content type, mostly text
 * @param status               sent, delivered, read or failed
 * @param contentAttributes    Chatwoot's {@code content_attributes}; empty when none
 * @param isPrivate            whether it is a private note
 * @param sourceId             the id it has in the sender's system, or null
 * @param senderType           who sent it, or null for activity messages
 * @param senderId             the sender's id (of the contact, user or bot), or null
 * @param additionalAttributes Chatwoot's {@code additional_attributes}; empty when none
 * @param createdAt            when it was created
 * @param updatedAt            when it last changed
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record Message(
        long id,
        long accountId,
        long inboxId,
        long conversationId,
        String content,
        MessageType messageType,
        ContentType contentType,
        MessageStatus status,
        JsonBag contentAttributes,
        boolean isPrivate,
        String sourceId,
        SenderType senderType,
        Long senderId,
        JsonBag additionalAttributes,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Internal: the simulator stores these; read them, build none (components may be added). A null
     * bag is the empty one.
     *
     * @param id                   as {@link #id()}
     * @param accountId            as {@link #accountId()}
     * @param inboxId              as {@link #inboxId()}
     * @param conversationId       as {@link #conversationId()}
     * @param content              as {@link #content()}
     * @param messageType          as {@link #messageType()}
     * @param contentType          as {@link #contentType()}
     * @param status               as {@link #status()}
     * @param contentAttributes    as {@link #contentAttributes()}
     * @param isPrivate            as {@link #isPrivate()}
     * @param sourceId             as {@link #sourceId()}
     * @param senderType           as {@link #senderType()}
     * @param senderId             as {@link #senderId()}
     * @param additionalAttributes as {@link #additionalAttributes()}
     * @param createdAt            as {@link #createdAt()}
     * @param updatedAt            as {@link #updatedAt()}
     */
    @API(status = INTERNAL)
    public Message {
        contentAttributes = contentAttributes == null ? JsonBag.EMPTY : contentAttributes;
        additionalAttributes = additionalAttributes == null ? JsonBag.EMPTY : additionalAttributes;
    }

    /**
     * Internal: for the simulator's update operations.
     *
     * @return a mutable copy
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A mutable copy for the domain's update operations; {@code build()} freezes it again. Internal.
     *
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public static final class Builder {
        public String content;
        public MessageType messageType;
        public ContentType contentType;
        public MessageStatus status;
        public JsonBag contentAttributes;
        public boolean isPrivate;
        public String sourceId;
        public SenderType senderType;
        public Long senderId;
        public JsonBag additionalAttributes;
        public Instant updatedAt;
        private final Message from;

        private Builder(Message from) {
            this.from = from;
            content = from.content;
            messageType = from.messageType;
            contentType = from.contentType;
            status = from.status;
            contentAttributes = from.contentAttributes;
            isPrivate = from.isPrivate;
            sourceId = from.sourceId;
            senderType = from.senderType;
            senderId = from.senderId;
            additionalAttributes = from.additionalAttributes;
            updatedAt = from.updatedAt;
        }

        public Message build() {
            return new Message(from.id, from.accountId, from.inboxId, from.conversationId, content, messageType, contentType, status, contentAttributes, isPrivate, sourceId, senderType, senderId, additionalAttributes, from.createdAt, updatedAt);
        }
    }
}
