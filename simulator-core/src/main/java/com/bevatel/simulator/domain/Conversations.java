package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.time.SimulatedClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/** Conversations (app/models/conversation.rb): create, status changes, and saving with Chatwoot's events. */
@API(status = INTERNAL)
public final class Conversations {
    /** Attributes whose change fires {@code conversation_updated} (Chatwoot's allow-list). */
    private static final Set<String> UPDATE_EVENT_ATTRIBUTES = Set.of("status", "assignee_id",
            "assignee_agent_bot_id", "team_id", "priority", "snoozed_until", "custom_attributes", "label_list",
            "waiting_since", "first_reply_created_at");

    private Conversations() {
    }

    /** What {@code POST /conversations} may set besides the contact-inbox. */
    public record NewConversation(ConversationStatus status, Long assigneeId, Long teamId, Instant snoozedUntil,
                                  ObjectNode additionalAttributes, ObjectNode customAttributes) {
        /** Without a team. */
        public NewConversation(ConversationStatus status, Long assigneeId, Instant snoozedUntil,
                               ObjectNode additionalAttributes, ObjectNode customAttributes) {
            this(status, assigneeId, null, snoozedUntil, additionalAttributes, customAttributes);
        }
    }

    /**
     * How app/controllers/api/v1/accounts/conversations_controller.rb#contact_inbox finds the contact-inbox:
     * (inbox, contact[, source]) or a source id alone.
     */
    public record ContactInboxRef(Long inboxId, Long contactId, String sourceId, boolean hmacVerified) {
    }

    /**
     * Chatwoot's before_actions: a given {@code inbox_id} and {@code contact_id} must exist in the account
     * (404); with both, the (contact, inbox, source_id) session is found or created; otherwise — or when
     * that yields nothing, as with an empty source id — the source id is looked up in every inbox.
     */
    public static ContactInbox resolveContactInbox(Transaction tx, long accountId, ContactInboxRef ref) {
        State state = tx.state();
        Inbox inbox = ref.inboxId() == null ? null : Contacts.findInbox(state, accountId, ref.inboxId());
        Contact contact = ref.contactId() == null ? null : Contacts.find(state, accountId, ref.contactId());
        if (inbox != null && contact != null && !"".equals(ref.sourceId())) {
            if (ref.sourceId() != null && state.contactInboxBySource.find(new State.SourceKey(inbox.id(), ref.sourceId()))
                    .map(state.contactInboxes::get).filter(ci -> ci.contactId() != contact.id()).isPresent()) {
                // The unique index raises RecordNotUnique, which this controller rescues (API inboxes do not rewrite it).
                throw Errors.error(422, "source_id should be unique");
            }
            return Contacts.addContactInbox(tx, contact, inbox, ref.sourceId(), ref.hmacVerified());
        }
        if (ref.sourceId() == null || ref.sourceId().isEmpty()) {
            throw Errors.notFound();
        }
        ContactInbox found = findBySourceId(state, ref.inboxId(), ref.sourceId());
        if (found == null) {
            throw Errors.notFound();
        }
        if (state.inboxes.get(found.inboxId()).accountId() != accountId) {
            throw Errors.unauthorizedAction();
        }
        return found;
    }

    /** Chatwoot looks the source id up across all inboxes; the given inbox is tried first. */
    private static ContactInbox findBySourceId(State state, Long inboxId, String sourceId) {
        if (inboxId != null) {
            var hit = state.contactInboxBySource.find(new State.SourceKey(inboxId, sourceId));
            if (hit.isPresent()) {
                return state.contactInboxes.get(hit.get());
            }
        }
        for (Inbox inbox : state.inboxes.all()) {
            var hit = state.contactInboxBySource.find(new State.SourceKey(inbox.id(), sourceId));
            if (hit.isPresent()) {
                return state.contactInboxes.get(hit.get());
            }
        }
        return null;
    }

    /**
     * Opens a conversation on the contact-inbox, or returns its latest one when the inbox locks
     * to a single conversation. {@code created} tells which happened.
     */
    public record Opened(Conversation conversation, boolean created) {
    }

    public static Opened open(Transaction tx, ContactInbox ci, NewConversation spec, Actor actor) {
        State state = tx.state();
        Inbox inbox = state.inboxes.get(ci.inboxId());
        if (inbox.lockToSingleConversation()) {
            List<Long> existing = state.conversationsOfContactInbox.of(ci.id());
            if (!existing.isEmpty()) {
                return new Opened(state.conversations.get(existing.get(existing.size() - 1)), false);
            }
        }
        Contact contact = state.contacts.get(ci.contactId());
        Long assigneeId = null;
        if (spec.assigneeId() != null) {
            // Chatwoot: a foreign key error (500) for a user that does not exist.
            User assignee = state.users.find(spec.assigneeId())
                    .filter(u -> u.accountId() == inbox.accountId())
                    .orElseThrow(() -> Errors.validation("assignee", "Assignee must exist"));
            assigneeId = assignee.id();
        }
        Team team = null;
        if (spec.teamId() != null) {
            // Chatwoot stores any team_id (no foreign key): an unknown one shows no team, another account's
            // shows that team. Here both are refused, as an unknown assignee is.
            team = Teams.findInAccount(state, inbox.accountId(), spec.teamId())
                    .orElseThrow(() -> Errors.validation("team", "Team must exist"));
            if (assigneeId != null && !Teams.isMember(state, team.id(), assigneeId)) {
                // AssignmentHandler#ensure_assignee_is_from_team, before the inbox's bot is considered.
                assigneeId = null;
            }
        }
        Instant now = tx.now();
        ConversationStatus status = spec.status() == null ? ConversationStatus.OPEN : spec.status();
        Long assigneeBotId = null;
        AgentBot inboxBot = AgentBots.ofInbox(state, inbox.id()).orElse(null);
        if (contact.blocked()) {
            status = ConversationStatus.RESOLVED;
        } else if (inboxBot != null) {
            // determine_conversation_status → set_active_bot_conversation (app/models/conversation.rb): the bot
            // answers first, whatever status was asked for; it is the assignee unless a person is.
            status = ConversationStatus.PENDING;
            assigneeBotId = assigneeId == null ? inboxBot.id() : null;
        }
        long id = tx.nextId(Sequence.CONVERSATION);
        // waiting_since starts at created_at (Chatwoot's before_create ensure_waiting_since).
        Conversation conversation = new Conversation(id, inbox.accountId(), tx.nextDisplayId(inbox.accountId()),
                inbox.id(), contact.id(), ci.id(), tx.uuid(), status, null, assigneeId, assigneeBotId,
                team == null ? null : team.id(),
                status == ConversationStatus.SNOOZED ? spec.snoozedUntil() : null,
                JsonBag.of(spec.additionalAttributes()), JsonBag.of(spec.customAttributes()), List.of(),
                null, null, null, null, now, now, now, now, now);
        state.conversations.put(conversation);
        tx.emit(new DomainEvent.ConversationCreated(conversation.accountId(), id));
        if (assigneeId != null || team != null) {
            // Assigned at creation: no conversation_updated, only the assignment activity line (the team's,
            // "Assigned to {agent} via {team} by …", when a team is given).
            Conversation.Builder unassigned = conversation.toBuilder();
            unassigned.assigneeId = null;
            unassigned.teamId = null;
            Activities.forChange(tx, unassigned.build(), conversation, actor);
        }
        return new Opened(state.conversations.get(id), true);
    }

    public static Conversation find(State state, long accountId, long displayId) {
        return state.conversationByDisplayId.find(new State.DisplayKey(accountId, displayId))
                .map(state.conversations::get).orElseThrow(Errors::notFound);
    }

    /**
     * {@code toggle_status}: an explicit status, or Conversation#toggle_status when none is given. Then, like
     * Chatwoot's {@code handle_human_open}, an open conversation is self-assigned to an acting agent in a
     * second save (administrators are not assigned).
     */
    public static Conversation changeStatus(Transaction tx, Conversation current, ConversationStatus requested,
                                            Instant snoozedUntil, Actor actor) {
        Conversation.Builder b = current.toBuilder();
        if (requested == null) {
            b.status = current.status() == ConversationStatus.OPEN ? ConversationStatus.RESOLVED : ConversationStatus.OPEN;
        } else {
            b.status = requested;
            if (snoozedUntil != null) {
                b.snoozedUntil = snoozedUntil;
            }
        }
        Conversation saved = save(tx, current, b, actor);
        if (actor != null && actor.type() == SenderType.USER && saved.status() == ConversationStatus.OPEN) {
            // handle_human_open (conversations_controller.rb): a person opening it takes it from the bot,
            // and an agent (not an administrator) takes it for themselves.
            User agent = tx.state().users.find(actor.id()).filter(u -> u.role() == Role.AGENT).orElse(null);
            Conversation.Builder assign = saved.toBuilder();
            assign.assigneeBotId = null;
            if (agent != null) {
                assign.assigneeId = agent.id();
            }
            saved = save(tx, saved, assign, actor);
        }
        return saved;
    }

    /**
     * Saves a changed conversation like ActiveRecord would: bookkeeping columns, then the events
     * (status_changed, then updated with the changed columns) and the activity messages of
     * app/models/concerns/activity_message_handler.rb.
     * Returns the stored row; nothing happens when nothing changed. Resolving also clears
     * {@code waiting_since} the way Chatwoot's {@code update_column} does: no event, no new updated_at.
     */
    public static Conversation save(Transaction tx, Conversation before, Conversation.Builder b, Actor actor) {
        if (b.status != ConversationStatus.SNOOZED) {
            b.snoozedUntil = null;
        }
        if (b.status != before.status()) {
            b.statusChangedAt = tx.now();
        }
        List<AttributeChange> changes = ConversationColumns.changes(before, b.build());
        if (changes.isEmpty()) {
            return before;
        }
        b.updatedAt = nextUpdatedAt(tx, before.updatedAt());
        Conversation after = b.build();
        changes = ConversationColumns.changes(before, after);
        State state = tx.state();
        state.conversations.put(after);
        boolean statusChanged = before.status() != after.status();
        if (statusChanged && after.status() == ConversationStatus.RESOLVED && after.waitingSince() != null) {
            Conversation.Builder cleared = after.toBuilder();
            cleared.waitingSince = null;
            state.conversations.put(cleared.build());
        }
        // What Chatwoot's synchronous listeners read: this save's object, before any later write of the request.
        Conversation saved = state.conversations.get(after.id());
        if (statusChanged) {
            tx.emit(new DomainEvent.ConversationStatusChanged(after.accountId(), after.id(), saved));
        }
        Activities.forChange(tx, before, after, actor);
        if (changes.stream().anyMatch(c -> UPDATE_EVENT_ATTRIBUTES.contains(c.attribute()))) {
            tx.emit(new DomainEvent.ConversationUpdated(after.accountId(), after.id(), changes, saved));
        }
        return state.conversations.get(after.id());
    }

    /**
     * A new message's {@code set_conversation_activity}: last_activity_at and updated_at move, through
     * {@code update_columns}, so no event fires. Activity messages do this too.
     */
    static Conversation touchActivity(Transaction tx, long conversationId, Instant messageCreatedAt) {
        Conversation.Builder b = tx.state().conversations.get(conversationId).toBuilder();
        b.lastActivityAt = messageCreatedAt;
        b.updatedAt = nextUpdatedAt(tx, b.updatedAt);
        Conversation touched = b.build();
        tx.state().conversations.put(touched);
        return touched;
    }

    /**
     * Labels rewritten the way app/services/labels/update_service.rb saves them: the tag list changed in
     * place, so Rails sees only {@code cached_label_list} (and {@code updated_at}) change — no label_list
     * in the changes, hence no conversation_updated and no activity line.
     */
    static Conversation retag(Transaction tx, Conversation current, List<String> labels) {
        if (current.labels().equals(labels)) {
            return current;
        }
        Conversation.Builder b = current.toBuilder();
        b.labels = labels;
        b.updatedAt = nextUpdatedAt(tx, current.updatedAt());
        Conversation saved = b.build();
        tx.state().conversations.put(saved);
        return saved;
    }

    /**
     * The write's instant, or a microsecond after {@code previous} when this write already stamped
     * the row: Rails' successive saves in one request differ by microseconds, so every save shows
     * an {@code updated_at} change — deterministically here.
     */
    private static Instant nextUpdatedAt(Transaction tx, Instant previous) {
        if (previous == null || previous.isBefore(tx.now())) {
            return tx.now();
        }
        // At the end of the clock's range the microseconds stop too: a saved state must hold every stamp.
        Instant later = previous.plusNanos(1_000);
        return later.isAfter(SimulatedClock.LATEST_STAMP) ? SimulatedClock.LATEST_STAMP : later;
    }

    /**
     * Deletes the conversation with its messages, participants and transcript requests (admin
     * {@code DELETE}, contact and inbox deletion).
     */
    public static void delete(Transaction tx, Conversation conversation) {
        State state = tx.state();
        for (long messageId : List.copyOf(state.messagesOfConversation.of(conversation.id()))) {
            Attachments.removeAll(tx, messageId);
            state.messages.remove(messageId);
        }
        List.copyOf(state.participantsOfConversation.of(conversation.id())).forEach(state.conversationParticipants::remove);
        List.copyOf(state.transcriptRequestsOfConversation.of(conversation.id())).forEach(state.transcriptRequests::remove);
        state.conversations.remove(conversation.id());
    }
}
