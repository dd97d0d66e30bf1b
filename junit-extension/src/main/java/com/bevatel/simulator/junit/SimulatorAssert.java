package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what the simulator holds: a conversation's status, assignee and messages.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class SimulatorAssert extends AbstractAssert<SimulatorAssert, BevatelSimulator> {
    SimulatorAssert(BevatelSimulator simulator) {
        super(simulator, SimulatorAssert.class);
    }

    /**
     * The simulator holds this many conversations (all accounts).
     *
     * @param count how many
     * @return this assertion
     */
    public SimulatorAssert hasConversations(int count) {
        isNotNull();
        int found = SimulatorAccess.store(actual).read(state -> state.conversations.size());
        if (found != count) {
            failWithMessage("Expected %s conversations but the simulator holds %s:%n%s", count, found,
                    Diagnostics.describe(actual));
        }
        return this;
    }

    /**
     * The conversation with this display id (the id every payload shows); fails when there is none.
     *
     * @param displayId the conversation's display id
     * @return assertions on that conversation
     */
    public ConversationState conversation(long displayId) {
        isNotNull();
        Optional<Conversation> found = SimulatorAccess.store(actual).read(state -> find(state, displayId));
        if (found.isEmpty()) {
            failWithMessage("Expected conversation %s but the simulator holds:%n%s", displayId, Diagnostics.describe(actual));
        }
        return new ConversationState(actual, displayId);
    }

    private static Optional<Conversation> find(State state, long displayId) {
        return state.conversations.all().stream().filter(c -> c.displayId() == displayId).findFirst();
    }

    /**
     * Assertions on one conversation, read afresh at each call.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public static final class ConversationState extends AbstractAssert<ConversationState, BevatelSimulator> {
        private final long displayId;

        ConversationState(BevatelSimulator simulator, long displayId) {
            super(simulator, ConversationState.class);
            this.displayId = displayId;
        }

        /**
         * The conversation has this status.
         *
         * @param status {@code open}, {@code resolved}, {@code pending} or {@code snoozed}
         * @return this assertion
         */
        public ConversationState hasStatus(String status) {
            Conversation c = current();
            if (!WireEnum.name(c.status()).equals(status)) {
                failWithMessage("Expected conversation %s to be %s but it is %s:%n%s", displayId, status,
                        WireEnum.name(c.status()), Diagnostics.describe(actual));
            }
            return this;
        }

        /**
         * The contents of its messages, oldest first, activity lines included.
         *
         * @param contents the expected contents, in order
         * @return this assertion
         */
        public ConversationState hasMessages(String... contents) {
            List<String> found = messages(false);
            if (!found.equals(Arrays.asList(contents))) {
                failWithMessage("Expected conversation %s to hold the messages%n  %s%nbut it holds%n  %s", displayId,
                        Arrays.asList(contents), found);
            }
            return this;
        }

        /**
         * Like {@link #hasMessages} without activity lines ("Conversation was marked resolved by …").
         *
         * @param contents the expected contents, in order
         * @return this assertion
         */
        public ConversationState hasConversationMessages(String... contents) {
            List<String> found = messages(true);
            if (!found.equals(Arrays.asList(contents))) {
                failWithMessage("Expected conversation %s to hold the messages%n  %s%nbut it holds%n  %s", displayId,
                        Arrays.asList(contents), found);
            }
            return this;
        }

        /**
         * The conversation is assigned to this member.
         *
         * @param agentName the member's name
         * @return this assertion
         */
        public ConversationState isAssignedTo(String agentName) {
            String assignee = SimulatorAccess.store(actual).read(state -> {
                Conversation c = find(state, displayId).orElseThrow();
                return c.assigneeId() == null ? null : state.users.find(c.assigneeId()).map(u -> u.name()).orElse(null);
            });
            if (!agentName.equals(assignee)) {
                failWithMessage("Expected conversation %s to be assigned to %s but its assignee is %s", displayId,
                        agentName, assignee);
            }
            return this;
        }

        /**
         * The conversation's contact has this name.
         *
         * @param name the contact's name
         * @return this assertion
         */
        public ConversationState hasContactNamed(String name) {
            String contactName = SimulatorAccess.store(actual).read(state -> {
                Contact contact = state.contacts.get(find(state, displayId).orElseThrow().contactId());
                return contact.name();
            });
            if (!name.equals(contactName)) {
                failWithMessage("Expected conversation %s to be with %s but it is with %s", displayId, name, contactName);
            }
            return this;
        }

        private Conversation current() {
            return SimulatorAccess.store(actual).read(state -> find(state, displayId)).orElseThrow(
                    () -> new AssertionError("conversation " + displayId + " no longer exists"));
        }

        private List<String> messages(boolean skipActivity) {
            return SimulatorAccess.store(actual).read(state -> {
                Conversation c = find(state, displayId).orElseThrow();
                return state.messagesOfConversation.of(c.id()).stream().map(state.messages::get)
                        .filter(m -> !skipActivity || m.messageType() != MessageType.ACTIVITY)
                        .map(Message::content).toList();
            });
        }
    }
}
