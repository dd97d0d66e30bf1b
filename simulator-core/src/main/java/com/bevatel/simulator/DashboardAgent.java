package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.domain.DashboardActions;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.state.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A member of the account working in the (simulated) Bevatel dashboard, for tests that must react
 * to a human agent:
 *
 * <pre>{@code
 * DashboardAgent sam = sim.agent("Sam Agent");
 * sam.reply(1, "On its way");     // outgoing message + webhooks, as the dashboard would send it
 * sam.resolve(1);                 // status change, activity line, conversation_status_changed …
 * }</pre>
 *
 * Conversations are named by their display id (the {@code id} every payload shows). Each call is
 * one write, with exactly the messages, activity messages and events the real dashboard action
 * produces. A missing conversation, or one the member may not see, throws the
 * {@link ApiException} the API would answer (404, 401), with a stack trace and a message naming what
 * was missing ("conversation 987 not found in account 1 (it has [1, 2])").
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class DashboardAgent {
    private final Store store;
    private final User member;

    DashboardAgent(Store store, User member) {
        this.store = store;
        this.member = member;
    }

    /**
     * The member acting (id, name, role, access token).
     *
     * @return the member as stored when this agent was made
     */
    public User user() {
        return member;
    }

    /**
     * Sends a public reply (outgoing message; Liquid variables are rendered).
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param content the reply's text
     * @return the message as stored
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Message reply(long conversationId, String content) {
        return act(conversationId, tx -> DashboardActions.reply(tx, member, conversationId, content, false));
    }

    /**
     * Writes a private note (outgoing, {@code private: true}; delivered to webhooks as Chatwoot does).
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param content the note's text
     * @return the message as stored
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Message note(long conversationId, String content) {
        return act(conversationId, tx -> DashboardActions.reply(tx, member, conversationId, content, true));
    }

    /**
     * Resolves the conversation, with Chatwoot's activity message and events.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation resolve(long conversationId) {
        return status(conversationId, ConversationStatus.RESOLVED, null);
    }

    /**
     * Reopens; an agent (not an administrator) is then self-assigned, as in Chatwoot.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation reopen(long conversationId) {
        return status(conversationId, ConversationStatus.OPEN, null);
    }

    /**
     * Marks the conversation pending.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation markPending(long conversationId) {
        return status(conversationId, ConversationStatus.PENDING, null);
    }

    /**
     * Snoozes the conversation.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param until when it reopens; null: until the next reply
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation snooze(long conversationId, Instant until) {
        return status(conversationId, ConversationStatus.SNOOZED, until);
    }

    /**
     * Assigns a member; the acting member themself is self-assignment.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param agentNameOrEmail the assignee's name or email
     * @return the conversation as stored after the change
     * @throws IllegalArgumentException when no member has that name or email
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation assign(long conversationId, String agentNameOrEmail) {
        User assignee = store.read(state -> Users.byNameOrEmail(state, member.accountId(), agentNameOrEmail))
                .orElseThrow(() -> new IllegalArgumentException(store.<String>read(state -> Users.unknown(state,
                        member.accountId(), agentNameOrEmail))));
        return act(conversationId, tx -> DashboardActions.assign(tx, member, conversationId, assignee));
    }

    /**
     * Removes the assignee.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation unassign(long conversationId) {
        return act(conversationId, tx -> DashboardActions.assign(tx, member, conversationId, null));
    }

    /**
     * Assigns a team.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param teamName the team's name; null removes the team
     * @return the conversation as stored after the change
     * @throws IllegalArgumentException when no team has that name
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation assignTeam(long conversationId, String teamName) {
        Team team = teamName == null ? null : store.read(state -> Teams.byName(state, member.accountId(), teamName))
                .orElseThrow(() -> new IllegalArgumentException(store.<String>read(state -> Teams.unknown(state,
                        member.accountId(), teamName))));
        return act(conversationId, tx -> DashboardActions.assignTeam(tx, member, conversationId, team));
    }

    /**
     * Sets the priority.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param priority the new priority; null removes it
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation setPriority(long conversationId, Priority priority) {
        return act(conversationId, tx -> DashboardActions.setPriority(tx, member, conversationId, priority));
    }

    /**
     * Replaces the conversation's labels.
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param labels the labels it has afterwards
     * @return the conversation as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public Conversation setLabels(long conversationId, String... labels) {
        return act(conversationId, tx -> DashboardActions.setLabels(tx, member, conversationId, Arrays.asList(labels)));
    }

    /**
     * Starts or stops typing in the reply box ({@code conversation_typing_on} / {@code _off}).
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param on true: starts typing; false: stops
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see
     */
    public void typing(long conversationId, boolean on) {
        act(conversationId, tx -> DashboardActions.typing(tx, member, conversationId, on, false));
    }

    /**
     * Marks a message delivered, read or failed ({@code message_updated} when it changes).
     *
     * @param conversationId the conversation's display id (the {@code id} payloads show)
     * @param messageId the message's id
     * @param status the new status
     * @return the message as stored after the change
     * @throws ApiException as the API would answer: 404 for a missing conversation, 401 for one the member may not see, or for a message not in the conversation
     */
    public Message markMessage(long conversationId, long messageId, MessageStatus status) {
        Objects.requireNonNull(status, "status");
        try {
            return act(conversationId, tx -> DashboardActions.markMessage(tx, member, conversationId, messageId,
                    WireEnum.name(status), null));
        } catch (ApiException e) {
            if (e.status() == 404 && messageMissing(conversationId, messageId)) {
                throw e.forCaller("message " + messageId + " not found in conversation " + conversationId);
            }
            throw e;
        }
    }

    private Conversation status(long conversationId, ConversationStatus status, Instant snoozedUntil) {
        return act(conversationId, tx -> DashboardActions.changeStatus(tx, member, conversationId, status, snoozedUntil));
    }

    /**
     * One write on a conversation. The API's errors are built without a stack trace, for speed on the
     * HTTP path; here they are thrown again with this call's frames (so a failing test shows its line)
     * and a message saying what was missing or refused.
     */
    private <T> T act(long conversationId, Function<Transaction, T> operation) {
        try {
            return store.write(operation);
        } catch (ApiException e) {
            throw e.forCaller(store.read(state -> explain(state, conversationId, e)));
        }
    }

    private String explain(State state, long conversationId, ApiException e) {
        long account = member.accountId();
        Optional<Conversation> conversation = state.conversationByDisplayId
                .find(new State.DisplayKey(account, conversationId)).map(state.conversations::get);
        if (conversation.isEmpty()) {
            List<Long> existing = state.conversations.all().stream().filter(c -> c.accountId() == account)
                    .map(Conversation::displayId).limit(20).toList();
            return "conversation " + conversationId + " not found in account " + account
                    + (existing.isEmpty() ? " (it has no conversations)" : " (it has " + existing + ")");
        }
        if (e.status() == 401) {
            return member.name() + " (" + WireEnum.name(member.role()) + ") may not act on conversation "
                    + conversationId + ": not a member of its inbox " + conversation.get().inboxId() + " or of its team";
        }
        return member.name() + " could not act on conversation " + conversationId + ": " + e.getMessage();
    }

    private boolean messageMissing(long conversationId, long messageId) {
        return store.read(state -> state.conversationByDisplayId
                .find(new State.DisplayKey(member.accountId(), conversationId)).map(state.conversations::get)
                .map(c -> state.messages.find(messageId).filter(m -> m.conversationId() == c.id()).isEmpty())
                .orElse(false));
    }
}
