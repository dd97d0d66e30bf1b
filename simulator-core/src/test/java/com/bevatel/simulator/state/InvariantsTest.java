package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.ContactFields;
import com.bevatel.simulator.domain.ContactMerges;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.TeamMember;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link State#checkInvariants}: it passes on a state built through the API, fails naming the index
 * and the key when an entry is stray, points at the wrong row or is missing, and passes again after a
 * rolled-back write (the indexes follow the undo of every row change).
 */
class InvariantsTest {
    private static final State.AccountKey ALICE_EMAIL = new State.AccountKey(1, "alice@example.com");

    private BevatelSimulator sim;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().agent("Sam Agent", "sam@acme.test", "sam-token").team("Support", "Sam Agent")
                .agentBot(AgentBotSetup.named("Echo").accessToken("echo-token").servingApiInbox()).start();
        Http http = new Http(sim);
        http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"Alice@Example.com\","
                + "\"phone_number\":\"+15550001111\",\"identifier\":\"alice-1\"}");
        http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Bob\"}");
        http.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}");
        http.post(Http.account("/conversations/1/messages"), "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        http.post(Http.account("/conversations/1/messages"), "{\"content\":\"hello\"}");
        http.post(Http.account("/contacts/1/notes"), "{\"content\":\"Alice's note\"}");
        http.post(Http.account("/contacts/2/notes"), "{\"content\":\"Bob's note\"}");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aStateBuiltThroughTheApiHoldsThem() {
        check();
        SimulatorAccess.store(sim).read(state -> {
            assertThat(state.contactByEmail.find(ALICE_EMAIL)).contains(1L);
            assertThat(state.messagesOfConversation.of(1)).hasSize(2);
            assertThat(state.membersOfTeam.of(1)).containsExactly(2L);
            return null;
        });
    }

    @Test
    void aStrayEntryIsNamedWithItsKey() {
        corrupt(state -> state.contactByEmail.put(new State.AccountKey(1, "ghost@example.com"), 42));
        assertThatThrownBy(this::check).isInstanceOf(IllegalStateException.class).hasMessageContaining(
                "contactByEmail: key AccountKey[accountId=1, value=ghost@example.com] points at row 42, which does not exist");
    }

    @Test
    void anEntryPointingAtAnotherRowIsNamedWithItsKey() {
        corrupt(state -> state.contactByEmail.put(ALICE_EMAIL, 2));
        assertThatThrownBy(this::check).hasMessageContaining(
                        "contactByEmail: key AccountKey[accountId=1, value=alice@example.com] points at row 2, whose key is null")
                .hasMessageContaining("contactByEmail: row 1 is not indexed under its key AccountKey[accountId=1, value=alice@example.com]");
    }

    @Test
    void aRowMissingFromItsIndexIsNamed() {
        corrupt(state -> state.contactByPhone.remove(new State.AccountKey(1, "+15550001111"), 1));
        assertThatThrownBy(this::check).hasMessageContaining(
                "contactByPhone: row 1 is not indexed under its key AccountKey[accountId=1, value=+15550001111]");
    }

    @Test
    void aChildListThatDiffersFromTheRowsIsNamedWithItsParent() {
        long second = SimulatorAccess.store(sim).read(state -> state.messagesOfConversation.of(1).get(1));
        corrupt(state -> {
            state.messagesOfConversation.remove(1, second);
            state.membersOfInbox.add(1, 99);
        });
        assertThatThrownBy(this::check)
                .hasMessageContaining("messagesOfConversation: child " + second + " is missing from parent 1")
                .hasMessageContaining("membersOfInbox: parent 1 lists child 99, which no row derives");
    }

    @Test
    void aBotsInboxListAndTokenIndexAreChecked() {
        corrupt(state -> {
            state.inboxesOfAgentBot.add(1, 99);
            state.agentBotByToken.put("ghost-token", 1);
        });
        assertThatThrownBy(this::check)
                .hasMessageContaining("inboxesOfAgentBot: parent 1 lists child 99, which no row derives")
                .hasMessageContaining("agentBotByToken: key ghost-token points at row 1");
    }

    @Test
    void conversationListsAndMessageTalliesAreCheckedToo() {
        corrupt(state -> {
            state.conversationIndex.changed(state.conversations.get(1), null);
            state.conversationMessages.changed(state.messages.all().iterator().next(), null);
        });
        assertThatThrownBy(this::check)
                .hasMessageContaining("conversationIndex: account 1, any status: lists [] but the rows derive [1]")
                .hasMessageContaining("conversationMessages: conversation 1 counts 1 messages");
    }

    @Test
    void aRolledBackWriteLeavesEveryIndexAsItWas() {
        String before = SimulatorAccess.store(sim).read(InvariantsTest::lookups);
        assertThatThrownBy(() -> SimulatorAccess.store(sim).write(tx -> {
            State state = tx.state();
            Contact alice = state.contacts.get(1);
            Contacts.update(tx, alice, new ContactFields(null, Change.of("alice@other.example"), Change.of("+15550002222"),
                    Change.of("alice-2"), null, null, null));
            Conversations.delete(tx, state.conversations.get(1));
            Contacts.delete(tx, state.contacts.get(2));
            state.inboxMembers.put(new InboxMember(1, 1));
            state.teamMembers.remove(new TeamMember(1, 2));
            AgentBot echo = AgentBots.resetAccessToken(tx, state.agentBots.get(1));
            AgentBots.serve(tx, state.inboxes.get(1), null);
            AgentBots.destroy(tx, echo);
            assertThat(lookups(state)).isNotEqualTo(before);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(SimulatorAccess.store(sim).read(InvariantsTest::lookups)).isEqualTo(before);
        check();
    }

    /** A merge rolled back puts every moved row back: conversations, sessions, notes, the mergee and its indexes. */
    @Test
    void aRolledBackMergeLeavesEveryIndexAsItWas() {
        String before = SimulatorAccess.store(sim).read(InvariantsTest::lookups);
        assertThatThrownBy(() -> SimulatorAccess.store(sim).write(tx -> {
            ContactMerges.merge(tx, tx.state().contacts.get(2), tx.state().contacts.get(1));
            assertThat(lookups(tx.state())).isNotEqualTo(before);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(SimulatorAccess.store(sim).read(InvariantsTest::lookups)).isEqualTo(before);
        check();
        corrupt(state -> state.notesOfContact.add(2, 99));
        assertThatThrownBy(this::check).hasMessageContaining("notesOfContact: parent 2 lists child 99, which no row derives");
    }

    /** What the indexes answer about the rows the test changes. */
    private static String lookups(State state) {
        return List.of(state.contactByEmail.find(ALICE_EMAIL), state.contactByEmail.find(new State.AccountKey(1, "alice@other.example")),
                state.contactByPhone.find(new State.AccountKey(1, "+15550001111")), state.contactByIdentifier.find(new State.AccountKey(1, "alice-2")),
                state.conversationByDisplayId.find(new State.DisplayKey(1, 1)), state.messagesOfConversation.of(1),
                state.conversationsOfAccount.of(1), state.contactInboxesOfContact.of(2), state.membersOfInbox.of(1),
                state.membersOfTeam.of(1), state.conversationIndex.count(1, null), state.agentBotByToken.find("echo-token"),
                state.inboxesOfAgentBot.of(1), state.notesOfContact.of(1), state.notesOfContact.of(2),
                state.contactInboxesOfContact.of(1)).toString();
    }

    private void corrupt(Consumer<State> change) {
        SimulatorAccess.store(sim).exclusive(state -> {
            change.accept(state);
            return null;
        });
    }

    private void check() {
        SimulatorAccess.store(sim).read(state -> {
            state.checkInvariants();
            return null;
        });
    }
}
