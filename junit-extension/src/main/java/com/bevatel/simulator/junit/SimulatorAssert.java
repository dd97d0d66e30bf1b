package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what the simulator holds: a conversation's status, assignee and messages. Built by
 * {@link WebhookAssertions}: {@code assertThat(sim)} checks the state as it is now; {@code awaitThat(sim)}
 * retries each check until it holds or the wait is over (for what happens asynchronously, such as an
 * agent bot's answer), then fails with the last failure, which shows what the simulator holds.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class SimulatorAssert extends AbstractAssert<SimulatorAssert, BevatelSimulator> {
    private final Duration wait;

    SimulatorAssert(BevatelSimulator simulator, Duration wait) {
        super(simulator, SimulatorAssert.class);
        this.wait = wait;
    }

    /**
     * The simulator holds this many conversations (all accounts).
     *
     * @param count how many
     * @return this assertion
     */
    public SimulatorAssert hasConversations(int count) {
        isNotNull();
        Retrying.check(wait, () -> {
            int found = SimulatorAccess.store(actual).read(state -> state.conversations.size());
            if (found != count) {
                failWithMessage("Expected %s conversations but the simulator holds %s:%n%s", count, found,
                        Diagnostics.describe(actual));
            }
        });
        return this;
    }

    /**
     * The conversation with this display id (the id every payload shows); fails when there is none
     * (with {@code awaitThat}: when there is none by the end of the wait).
     *
     * @param displayId the conversation's display id
     * @return assertions on that conversation, waiting as this one does
     */
    public ConversationState conversation(long displayId) {
        isNotNull();
        Retrying.check(wait, () -> {
            if (SimulatorAccess.store(actual).read(state -> find(state, displayId)).isEmpty()) {
                failWithMessage("Expected conversation %s but the simulator holds:%n%s", displayId, Diagnostics.describe(actual));
            }
        });
        return new ConversationState(actual, displayId, wait);
    }

    private static Optional<Conversation> find(State state, long displayId) {
        return state.conversations.all().stream().filter(c -> c.displayId() == displayId).findFirst();
    }

    /**
     * Assertions on one conversation, read afresh at each call (and, with {@code awaitThat}, at each retry).
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public static final class ConversationState extends AbstractAssert<ConversationState, BevatelSimulator> {
        private final long displayId;
        private final Duration wait;

        ConversationState(BevatelSimulator simulator, long displayId, Duration wait) {
            super(simulator, ConversationState.class);
            this.displayId = displayId;
            this.wait = wait;
        }

        /**
         * The conversation has this status.
         *
         * @param status {@code open}, {@code resolved}, {@code pending} or {@code snoozed}
         * @return this assertion
         */
        public ConversationState hasStatus(String status) {
            return check((state, c) -> {
                if (!WireEnum.name(c.status()).equals(status)) {
                    return String.format("Expected conversation %s to be %s but it is %s:%n%s", displayId, status,
                            WireEnum.name(c.status()), Diagnostics.conversation(state, c, "  "));
                }
                return null;
            });
        }

        /**
         * The contents of its messages, oldest first, activity lines included.
         *
         * @param contents the expected contents, in order
         * @return this assertion
         */
        public ConversationState hasMessages(String... contents) {
            return hasContents(false, contents);
        }

        /**
         * Like {@link #hasMessages} without activity lines ("Conversation was marked resolved by …").
         *
         * @param contents the expected contents, in order
         * @return this assertion
         */
        public ConversationState hasConversationMessages(String... contents) {
            return hasContents(true, contents);
        }

        private ConversationState hasContents(boolean skipActivity, String... contents) {
            return check((state, c) -> {
                List<String> found = state.messagesOfConversation.of(c.id()).stream().map(state.messages::get)
                        .filter(m -> !skipActivity || m.messageType() != MessageType.ACTIVITY)
                        .map(Message::content).toList();
                if (!found.equals(Arrays.asList(contents))) {
                    return String.format("Expected conversation %s to hold the messages%n  %s%nbut it holds%n  %s",
                            displayId, Arrays.asList(contents), found);
                }
                return null;
            });
        }

        /**
         * Among its messages (private notes included) is one with this content from this sender.
         *
         * @param sender the name of the contact, member or agent bot who sent it, e.g. {@code "Echo Bot"}
         * @param content the message's content
         * @return this assertion
         */
        public ConversationState hasMessageFrom(String sender, String content) {
            return check((state, c) -> {
                boolean found = state.messagesOfConversation.of(c.id()).stream().map(state.messages::get)
                        .anyMatch(m -> content.equals(m.content()) && sender.equals(Diagnostics.senderName(state, m)));
                if (!found) {
                    return String.format("Expected conversation %s to hold \"%s\" from %s but it is:%n%s", displayId, content,
                            sender, Diagnostics.conversation(state, c, "  "));
                }
                return null;
            });
        }

        /**
         * The conversation is assigned to this member or agent bot (Chatwoot's {@code assigned_entity}).
         *
         * @param name the member's or the bot's name
         * @return this assertion
         */
        public ConversationState isAssignedTo(String name) {
            return check((state, c) -> {
                if (!name.equals(Diagnostics.assigneeName(state, c))) {
                    return String.format("Expected conversation %s to be assigned to %s but it is:%n%s", displayId, name,
                            Diagnostics.conversation(state, c, "  "));
                }
                return null;
            });
        }

        /**
         * The conversation is assigned to nobody: no member, no agent bot.
         *
         * @return this assertion
         */
        public ConversationState isUnassigned() {
            return check((state, c) -> {
                if (c.assigneeId() != null || c.assigneeBotId() != null) {
                    return String.format("Expected conversation %s to be unassigned but it is:%n%s", displayId,
                            Diagnostics.conversation(state, c, "  "));
                }
                return null;
            });
        }

        /**
         * The conversation's contact has this name.
         *
         * @param name the contact's name
         * @return this assertion
         */
        public ConversationState hasContactNamed(String name) {
            return check((state, c) -> {
                String contactName = state.contacts.get(c.contactId()).name();
                if (!name.equals(contactName)) {
                    return String.format("Expected conversation %s to be with %s but it is with %s", displayId, name, contactName);
                }
                return null;
            });
        }

        /**
         * Runs {@code check} on the conversation as the store holds it now (and again, while waiting); the
         * check returns what is wrong, or null. The failure is raised outside the store's lock.
         */
        private ConversationState check(BiFunction<State, Conversation, String> check) {
            isNotNull();
            Retrying.check(wait, () -> {
                String failure = SimulatorAccess.store(actual).read(state -> {
                    Optional<Conversation> c = find(state, displayId);
                    return c.isEmpty() ? "Conversation " + displayId + " no longer exists" : check.apply(state, c.get());
                });
                if (failure != null) {
                    failWithMessage("%s", failure);
                }
            });
            return this;
        }
    }
}
