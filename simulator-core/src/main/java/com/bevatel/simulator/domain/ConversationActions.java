package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.TranscriptRequest;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The smaller conversation actions of app/controllers/api/v1/accounts/conversations_controller.rb:
 * priority, custom attributes, typing, last seen, mute, unread, transcript.
 * Each goes through {@link Conversations#save} when it changes a column, so events and activity
 * lines are those Chatwoot's callbacks produce.
 */
@API(status = INTERNAL)
public final class ConversationActions {
    /** Chatwoot writes agent_last_seen_at at most hourly while nothing is unread. */
    private static final Duration LAST_SEEN_THROTTLE = Duration.ofHours(1);

    private ConversationActions() {
    }

    /**
     * A priority name, or null for "none" (blank clears, as Ruby's {@code presence}). An unknown
     * name is a 422 here; Chatwoot's enum raises and answers 500.
     */
    public static Priority parsePriority(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return WireEnum.parse(Priority.class, name)
                .orElseThrow(() -> Errors.error(422, "'" + name + "' is not a valid priority"));
    }

    /** {@code toggle_priority} and {@code PATCH /conversations/{id}}: activity line + conversation_updated. */
    public static Conversation setPriority(Transaction tx, Conversation current, Priority priority, Actor actor) {
        Conversation.Builder b = current.toBuilder();
        b.priority = priority;
        return Conversations.save(tx, current, b, actor);
    }

    /** {@code custom_attributes}: replaces the object, or merges into it when {@code merge}. */
    public static Conversation setCustomAttributes(Transaction tx, Conversation current, ObjectNode attributes,
                                                   boolean merge, Actor actor) {
        JsonBag base = merge ? current.customAttributes() : JsonBag.EMPTY;
        Conversation.Builder b = current.toBuilder();
        b.customAttributes = base.withAll(attributes);
        return Conversations.save(tx, current, b, actor);
    }

    /** {@code toggle_typing_status}: "on"/"off" fire the typing event; anything else does nothing. */
    public static boolean typing(Transaction tx, Conversation conversation, String typingStatus, boolean isPrivate,
                                 Actor typist) {
        if (!"on".equals(typingStatus) && !"off".equals(typingStatus)) {
            return false;
        }
        tx.emit(new DomainEvent.ConversationTyping(conversation.accountId(), conversation.id(),
                "on".equals(typingStatus), typist, isPrivate));
        return true;
    }

    /**
     * {@code update_last_seen} by a member: sets {@code agent_last_seen_at} (and, for the assignee,
     * {@code assignee_last_seen_at}) like Chatwoot's {@code update_columns} — no callbacks, so no
     * event and no new {@code updated_at}. With nothing unread it writes at most once an hour.
     */
    public static Conversation updateLastSeen(Transaction tx, Conversation current, long userId) {
        boolean assignee = current.assigneeId() != null && current.assigneeId() == userId;
        Instant now = tx.now();
        boolean unread = assignee ? anyMessageAfter(tx, current, current.assigneeLastSeenAt())
                : anyMessageAfter(tx, current, current.agentLastSeenAt());
        if (!unread) {
            boolean agentStale = stale(current.agentLastSeenAt(), now);
            boolean assigneeStale = assignee && stale(current.assigneeLastSeenAt(), now);
            if (!agentStale && !assigneeStale) {
                return current;
            }
        }
        Conversation.Builder b = current.toBuilder();
        b.agentLastSeenAt = now;
        if (assignee) {
            b.assigneeLastSeenAt = now;
        }
        Conversation updated = b.build();
        tx.state().conversations.put(updated);
        return updated;
    }

    private static boolean stale(Instant seen, Instant now) {
        return seen == null || seen.isBefore(now.minus(LAST_SEEN_THROTTLE));
    }

    /** Chatwoot's {@code unread_messages}: any message (of any type) after the time, or all when unset. */
    private static boolean anyMessageAfter(Transaction tx, Conversation conversation, Instant since) {
        List<Long> ids = tx.state().messagesOfConversation.of(conversation.id());
        if (ids.isEmpty()) {
            return false;
        }
        if (since == null) {
            return true;
        }
        Message last = tx.state().messages.get(ids.get(ids.size() - 1));
        return last.createdAt().isAfter(since);
    }

    /**
     * {@code mute} (app/models/concerns/conversation_mute_helpers.rb#mute!): resolves the conversation
     * (its events and activity line), blocks the contact — {@code contact.update}, so a contact that
     * would not validate is silently left unblocked — then "X has muted the conversation". There is
     * no mute flag of its own: {@code muted} is the contact's {@code blocked}, in all its conversations.
     */
    public static Conversation mute(Transaction tx, Conversation current, Actor actor) {
        Conversation.Builder b = current.toBuilder();
        b.status = ConversationStatus.RESOLVED;
        Conversation resolved = Conversations.save(tx, current, b, actor);
        setBlocked(tx, resolved, true);
        Activities.muteChanged(tx, resolved, actor, true);
        return tx.state().conversations.get(current.id());
    }

    /** {@code unmute} ({@code unmute!}): unblocks the contact and says so; the conversation stays resolved. */
    public static Conversation unmute(Transaction tx, Conversation current, Actor actor) {
        setBlocked(tx, current, false);
        Activities.muteChanged(tx, current, actor, false);
        return tx.state().conversations.get(current.id());
    }

    private static void setBlocked(Transaction tx, Conversation conversation, boolean blocked) {
        Contact contact = tx.state().contacts.get(conversation.contactId());
        try {
            Contacts.update(tx, contact, new ContactFields(null, null, null, null, Change.of(blocked), null, null));
        } catch (ApiException invalid) {
            // contact.update (not update!): a failed validation saves nothing and raises nothing. Contacts.update
            // validates before it writes, so nothing is left to undo.
        }
    }

    /**
     * {@code unread}: {@code agent_last_seen_at} and {@code assignee_last_seen_at} both become a second
     * before the last incoming message (nil when there is none), whoever asks, through
     * {@code update_columns}: no event, no new {@code updated_at}. (Chatwoot's unread-count
     * notifications are behind features that are off by default.)
     */
    public static Conversation markUnread(Transaction tx, Conversation current) {
        List<Long> ids = tx.state().messagesOfConversation.of(current.id());
        Instant lastIncoming = null;
        for (int i = ids.size() - 1; i >= 0 && lastIncoming == null; i--) {
            Message message = tx.state().messages.get(ids.get(i));
            if (message.messageType() == MessageType.INCOMING) {
                lastIncoming = message.createdAt();
            }
        }
        Conversation.Builder b = current.toBuilder();
        b.agentLastSeenAt = lastIncoming == null ? null : lastIncoming.minusSeconds(1);
        b.assigneeLastSeenAt = b.agentLastSeenAt;
        Conversation updated = b.build();
        if (!updated.equals(current)) {
            tx.state().conversations.put(updated);
        }
        return updated;
    }

    /**
     * {@code transcript}: Chatwoot checks only that {@code email} is present and mails the transcript;
     * the simulator sends no mail and records the request ({@link TranscriptRequest}).
     */
    public static TranscriptRequest requestTranscript(Transaction tx, Conversation conversation, String email) {
        if (email == null || email.isBlank()) {
            throw Errors.error(422, "email param missing");
        }
        TranscriptRequest request = new TranscriptRequest(tx.nextId(Sequence.TRANSCRIPT_REQUEST),
                conversation.accountId(), conversation.id(), email, tx.now());
        tx.state().transcriptRequests.put(request);
        return request;
    }
}
