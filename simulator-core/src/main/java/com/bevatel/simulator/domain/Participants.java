package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationParticipant;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A conversation's participants (app/controllers/api/v1/accounts/conversations/participants_controller.rb,
 * app/models/conversation_participant.rb): members taking part besides the assignee. Only the inbox's
 * assignable agents — its members and the account's administrators — may be added; nothing else checks
 * who asks. No webhook and no activity line (Chatwoot's unread-count notification is behind features
 * that are off by default).
 */
@API(status = INTERNAL)
public final class Participants {
    private Participants() {
    }

    /** {@code show}: the participants' users, in the order they were added. */
    public static List<User> of(State state, Conversation conversation) {
        List<User> users = new ArrayList<>();
        for (long id : state.participantsOfConversation.of(conversation.id())) {
            users.add(state.users.get(state.conversationParticipants.get(id).userId()));
        }
        return users;
    }

    /**
     * {@code create}: adds each id that is not yet a participant and answers those only, one per id
     * given (an id given twice is answered twice, as Chatwoot's {@code find_or_create_by!} per id does).
     * Any id that is neither a participant nor an assignable agent: 422, and nothing changes.
     */
    public static List<User> add(Transaction tx, Conversation conversation, List<Long> userIds) {
        List<Long> current = userIdsOf(tx.state(), conversation);
        List<Long> toAdd = userIds.stream().filter(id -> !current.contains(id)).toList();
        requireAssignable(tx.state(), conversation, toAdd);
        List<User> added = new ArrayList<>();
        for (long userId : toAdd) {
            added.add(tx.state().users.get(findOrCreate(tx, conversation, userId).userId()));
        }
        return added;
    }

    /** {@code update}: the participants become exactly {@code userIds} (with the same check); answers them all. */
    public static List<User> replace(Transaction tx, Conversation conversation, List<Long> userIds) {
        List<Long> current = userIdsOf(tx.state(), conversation);
        List<Long> toAdd = userIds.stream().filter(id -> !current.contains(id)).toList();
        requireAssignable(tx.state(), conversation, toAdd);
        toAdd.forEach(userId -> findOrCreate(tx, conversation, userId));
        current.stream().filter(id -> !userIds.contains(id)).forEach(userId -> remove(tx, conversation, userId));
        return of(tx.state(), conversation);
    }

    /** {@code destroy}: removes each id that is a participant; others are ignored, nothing is checked. */
    public static void removeAll(Transaction tx, Conversation conversation, List<Long> userIds) {
        userIds.forEach(userId -> remove(tx, conversation, userId));
    }

    /**
     * {@code params[:user_ids]}: an array, each item as Ruby's {@code to_i} reads it (a number, or a
     * string's leading digits; anything else 0, which names no user). Chatwoot fails with a 500 when
     * it is missing or not an array; 422 here.
     */
    public static List<Long> userIds(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw Errors.paramMissing("user_ids");
        }
        if (!node.isArray()) {
            throw Errors.error(422, "Invalid parameter user_ids: expected an array");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : node) {
            ids.add(RubyCasts.toI(item));
        }
        return ids;
    }

    /** {@code validate_participant_ids}: every id to add is one of the inbox's {@code assignable_agents}. */
    private static void requireAssignable(State state, Conversation conversation, List<Long> userIds) {
        for (long userId : userIds) {
            boolean assignable = state.users.find(userId).filter(u -> u.accountId() == conversation.accountId())
                    .filter(u -> Permissions.administrator(u)
                            || Permissions.isInboxMember(state, conversation.inboxId(), u.id()))
                    .isPresent();
            if (!assignable) {
                throw Errors.error(422, "Invalid participant IDs");
            }
        }
    }

    private static List<Long> userIdsOf(State state, Conversation conversation) {
        return state.participantsOfConversation.of(conversation.id()).stream()
                .map(id -> state.conversationParticipants.get(id).userId()).toList();
    }

    private static Optional<ConversationParticipant> find(State state, Conversation conversation, long userId) {
        return state.participantsOfConversation.of(conversation.id()).stream().map(state.conversationParticipants::get)
                .filter(p -> p.userId() == userId).findFirst();
    }

    private static ConversationParticipant findOrCreate(Transaction tx, Conversation conversation, long userId) {
        return find(tx.state(), conversation, userId).orElseGet(() -> {
            ConversationParticipant created = new ConversationParticipant(tx.nextId(Sequence.CONVERSATION_PARTICIPANT),
                    conversation.accountId(), conversation.id(), userId, tx.now(), tx.now());
            tx.state().conversationParticipants.put(created);
            return created;
        });
    }

    private static void remove(Transaction tx, Conversation conversation, long userId) {
        find(tx.state(), conversation, userId).ifPresent(p -> tx.state().conversationParticipants.remove(p.id()));
    }
}
