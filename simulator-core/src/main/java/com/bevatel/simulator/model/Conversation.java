package com.bevatel.simulator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A conversation; {@code id} is the internal key, {@code displayId} the per-account id every payload shows. */
public record Conversation(
        long id,
        long accountId,
        long displayId,
        long inboxId,
        long contactId,
        long contactInboxId,
        String uuid,
        ConversationStatus status,
        Priority priority,
        Long assigneeId,
        Long assigneeBotId,
        Long teamId,
        Instant snoozedUntil,
        ObjectNode additionalAttributes,
        ObjectNode customAttributes,
        List<String> labels,
        Instant agentLastSeenAt,
        Instant assigneeLastSeenAt,
        Instant contactLastSeenAt,
        Instant firstReplyCreatedAt,
        Instant waitingSince,
        Instant lastActivityAt,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt) {

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for the domain's update operations; {@code build()} freezes it again. */
    public static final class Builder {
        public ConversationStatus status;
        public Priority priority;
        public Long assigneeId;
        public Long assigneeBotId;
        public Long teamId;
        public Instant snoozedUntil;
        public ObjectNode additionalAttributes;
        public ObjectNode customAttributes;
        public List<String> labels;
        public Instant agentLastSeenAt;
        public Instant assigneeLastSeenAt;
        public Instant contactLastSeenAt;
        public Instant firstReplyCreatedAt;
        public Instant waitingSince;
        public Instant lastActivityAt;
        public Instant statusChangedAt;
        public Instant updatedAt;
        private final Conversation from;

        private Builder(Conversation from) {
            this.from = from;
            status = from.status;
            priority = from.priority;
            assigneeId = from.assigneeId;
            assigneeBotId = from.assigneeBotId;
            teamId = from.teamId;
            snoozedUntil = from.snoozedUntil;
            additionalAttributes = from.additionalAttributes;
            customAttributes = from.customAttributes;
            labels = from.labels;
            agentLastSeenAt = from.agentLastSeenAt;
            assigneeLastSeenAt = from.assigneeLastSeenAt;
            contactLastSeenAt = from.contactLastSeenAt;
            firstReplyCreatedAt = from.firstReplyCreatedAt;
            waitingSince = from.waitingSince;
            lastActivityAt = from.lastActivityAt;
            statusChangedAt = from.statusChangedAt;
            updatedAt = from.updatedAt;
        }

        public Conversation build() {
            return new Conversation(from.id, from.accountId, from.displayId, from.inboxId, from.contactId, from.contactInboxId, from.uuid, status, priority, assigneeId, assigneeBotId, teamId, snoozedUntil, additionalAttributes, customAttributes, labels, agentLastSeenAt, assigneeLastSeenAt, contactLastSeenAt, firstReplyCreatedAt, waitingSince, lastActivityAt, statusChangedAt, from.createdAt, updatedAt);
        }
    }
}
