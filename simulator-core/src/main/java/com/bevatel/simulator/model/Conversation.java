package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A conversation; {@code id} is the internal key, {@code displayId} the per-account id every payload
 * shows (and the one the API's paths and {@code DashboardAgent} take).
 *
 * <p>The simulator makes these: read them, and leave the JSON bags as they are (they are the stored
 * ones). Components may be added in a later version (which changes the canonical constructor), so
 * build none yourself.
 *
 * @param id                   the internal key
 * @param accountId            the account it belongs to
 * @param displayId            the id payloads show, counted per account
 * @param inboxId              its inbox
 * @param contactId            its contact
 * @param contactInboxId       the contact's session in the inbox ({@code contact_inbox})
 * @param uuid                 its uuid
 * @param status               open, resolved, pending or snoozed
 * @param priority             its priority, or null
 * @param assigneeId           the assigned member's user id, or null
 * @param assigneeBotId        the assigned agent bot's id, or null
 * @param teamId               the assigned team's id, or null
 * @param snoozedUntil         when a snoozed conversation reopens; null: at the next reply, or not snoozed
 * @param additionalAttributes Chatwoot's {@code additional_attributes}
 * @param customAttributes     Chatwoot's {@code custom_attributes}
 * @param labels               its labels, in the order set
 * @param agentLastSeenAt      when an agent last saw it, or null
 * @param assigneeLastSeenAt   when the assignee last saw it, or null
 * @param contactLastSeenAt    when the contact last saw it, or null
 * @param firstReplyCreatedAt  when the first agent reply was sent, or null
 * @param waitingSince         since when the contact waits for an answer, or null
 * @param lastActivityAt       its last activity
 * @param statusChangedAt      when its status last changed, or null
 * @param createdAt            when it was created
 * @param updatedAt            when it last changed
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
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
        JsonBag additionalAttributes,
        JsonBag customAttributes,
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
        public ConversationStatus status;
        public Priority priority;
        public Long assigneeId;
        public Long assigneeBotId;
        public Long teamId;
        public Instant snoozedUntil;
        public JsonBag additionalAttributes;
        public JsonBag customAttributes;
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
