package com.bevatel.simulator.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A message of a conversation ({@code conversationId} is the internal key, not the display id). */
public record Message(
        long id,
        long accountId,
        long inboxId,
        long conversationId,
        String content,
        MessageType messageType,
        ContentType contentType,
        MessageStatus status,
        ObjectNode contentAttributes,
        boolean isPrivate,
        String sourceId,
        SenderType senderType,
        Long senderId,
        ObjectNode additionalAttributes,
        Instant createdAt,
        Instant updatedAt) {

    /** The simulator's node factory settings (exact decimals), for the empty bags handed out below. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * Most messages have empty attribute bags; an empty bag is stored as null (an ObjectNode and its
     * map are a third of a stored message) and read back as a new empty node, so the bags compare,
     * render and copy as before.
     */
    public Message {
        contentAttributes = contentAttributes == null || contentAttributes.isEmpty() ? null : contentAttributes;
        additionalAttributes = additionalAttributes == null || additionalAttributes.isEmpty() ? null : additionalAttributes;
    }

    @Override
    public ObjectNode contentAttributes() {
        return contentAttributes == null ? NODES.objectNode() : contentAttributes;
    }

    @Override
    public ObjectNode additionalAttributes() {
        return additionalAttributes == null ? NODES.objectNode() : additionalAttributes;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for the domain's update operations; {@code build()} freezes it again. */
    public static final class Builder {
        public String content;
        public MessageType messageType;
        public ContentType contentType;
        public MessageStatus status;
        public ObjectNode contentAttributes;
        public boolean isPrivate;
        public String sourceId;
        public SenderType senderType;
        public Long senderId;
        public ObjectNode additionalAttributes;
        public Instant updatedAt;
        private final Message from;

        private Builder(Message from) {
            this.from = from;
            content = from.content;
            messageType = from.messageType;
            contentType = from.contentType;
            status = from.status;
            contentAttributes = from.contentAttributes();
            isPrivate = from.isPrivate;
            sourceId = from.sourceId;
            senderType = from.senderType;
            senderId = from.senderId;
            additionalAttributes = from.additionalAttributes();
            updatedAt = from.updatedAt;
        }

        public Message build() {
            return new Message(from.id, from.accountId, from.inboxId, from.conversationId, content, messageType, contentType, status, contentAttributes, isPrivate, sourceId, senderType, senderId, additionalAttributes, from.createdAt, updatedAt);
        }
    }
}
