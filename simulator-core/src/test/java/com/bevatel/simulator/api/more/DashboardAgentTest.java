package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.DashboardAgent;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.SenderType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 5 §3 in Java: {@code sim.agent(name)} acts like the dashboard, with the same messages and events. */
@ExtendWith(WorldPerTest.class)
class DashboardAgentTest {
    World world;
    DashboardAgent sam;
    long conversation;

    @BeforeEach
    void start() {
        sam = world.sim.agent("Sam Agent");
        conversation = world.conversation("Alice");
        world.incoming(conversation, "Where is my order?");
        world.events.clear();
    }

    private List<String> changed(int index) {
        return world.events.of(DomainEvent.ConversationUpdated.class).get(index).changes().stream()
                .map(AttributeChange::attribute).toList();
    }

    @Test
    void aReplyIsAnOutgoingMessageFromTheAgentWithFirstReplyBookkeeping() {
        Message reply = sam.reply(conversation, "On its way, {{contact.first_name}}");
        assertThat(reply.messageType()).isEqualTo(MessageType.OUTGOING);
        assertThat(reply.senderType()).isEqualTo(SenderType.USER);
        assertThat(reply.senderId()).isEqualTo(sam.user().id());
        assertThat(reply.content()).isEqualTo("On its way, Alice");
        assertThat(world.delivered()).containsExactly("message_created", "conversation_updated");
        assertThat(changed(0)).containsExactly("updated_at", "first_reply_created_at", "waiting_since");
        JsonNode last = world.admin.get(Http.account("/conversations/" + conversation + "/messages")).json().at("/payload/1");
        assertThat(last.at("/sender/name").asText()).isEqualTo("Sam Agent");
    }

    @Test
    void aNoteIsPrivateAndDeliveredWithoutReplyBookkeeping() {
        Message note = sam.note(conversation, "VIP, be nice");
        assertThat(note.isPrivate()).isTrue();
        assertThat(world.delivered()).containsExactly("message_created");
    }

    @Test
    void statusChangesWithTheirActivityLinesAndEvents() {
        assertThat(sam.resolve(conversation).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(world.delivered()).containsExactly("conversation_status_changed", "conversation_updated");
        Conversation reopened = sam.reopen(conversation);
        assertThat(reopened.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(reopened.assigneeId()).isEqualTo(sam.user().id());
        sam.markPending(conversation);
        Instant until = world.sim.clock().now().plusSeconds(3600);
        Conversation snoozed = sam.snooze(conversation, until);
        assertThat(snoozed.snoozedUntil()).isEqualTo(until);
        assertThat(world.show(conversation).get("snoozed_until").asText()).isEqualTo(Json(until));
        assertThat(world.contents(conversation)).containsSubsequence("Conversation was marked resolved by Sam Agent",
                "Conversation was reopened by Sam Agent", "Sam Agent self-assigned this conversation",
                "Conversation was marked as pending by Sam Agent", "Conversation was snoozed by Sam Agent");
        world.sim.agent("Bevatel Admin").reopen(conversation);
        assertThat(world.show(conversation).at("/meta/assignee/name").asText()).isEqualTo("Sam Agent");
    }

    private static String Json(Instant at) {
        return com.bevatel.simulator.json.Json.isoText(at);
    }

    @Test
    void assignmentsTeamsPriorityAndLabels() {
        sam.assign(conversation, "kim@acme.test");
        sam.assignTeam(conversation, "Support");
        assertThat(world.show(conversation).at("/meta/assignee").isMissingNode()).as("Kim is not in support").isTrue();
        sam.assign(conversation, "Sam Agent");
        sam.unassign(conversation);
        sam.assignTeam(conversation, null);
        sam.setPriority(conversation, Priority.HIGH);
        sam.setPriority(conversation, null);
        Conversation labelled = sam.setLabels(conversation, "vip", "billing");
        assertThat(labelled.labels()).containsExactly("vip", "billing");
        assertThat(world.contents(conversation)).containsSubsequence("Assigned to Kim Agent by Sam Agent",
                "Assigned to support by Sam Agent", "Sam Agent self-assigned this conversation",
                "Conversation unassigned by Sam Agent", "Unassigned from support by Sam Agent",
                "Sam Agent set the priority to high", "Sam Agent removed the priority", "Sam Agent added vip, billing");
        assertThat(world.delivered()).allMatch(name -> name.equals("conversation_updated"));
        assertThat(world.delivered()).hasSize(8);
        assertThatThrownBy(() -> sam.assign(conversation, "Nobody")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sam.assignTeam(conversation, "sales")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typingAndMessageStatus() {
        sam.typing(conversation, true);
        sam.typing(conversation, false);
        Message reply = sam.reply(conversation, "Hi");
        world.events.clear();
        assertThat(sam.markMessage(conversation, reply.id(), MessageStatus.READ).status()).isEqualTo(MessageStatus.READ);
        assertThat(sam.markMessage(conversation, reply.id(), MessageStatus.DELIVERED).status()).isEqualTo(MessageStatus.READ);
        assertThat(world.delivered()).containsExactly("message_updated");
    }

    @Test
    void theAgentMustSeeTheConversation() {
        long inbox = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")
                .json().get("id").asLong();
        long contact = world.contact("{\"name\":\"Zed\"}").get("id").asLong();
        long elsewhere = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + inbox + ",\"contact_id\":"
                + contact + "}").json().get("id").asLong();
        assertThatThrownBy(() -> sam.reply(elsewhere, "hi")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        assertThatThrownBy(() -> sam.resolve(404)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        assertThat(world.sim.agent("admin@bevatel.test").reply(elsewhere, "hi").content()).isEqualTo("hi");
        assertThatThrownBy(() -> world.sim.agent("ghost")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mistakesFailWhereTheTestMadeThemAndSayWhatWasMissing() {
        assertThatThrownBy(() -> sam.reply(987, "hi")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("conversation 987 not found in account 1 (it has [" + conversation + "])")
                .hasMessageContaining("the API answers 404 {\"error\":\"Resource could not be found\"}")
                .satisfies(e -> assertThat(e.getStackTrace()).as("frames down to this test")
                        .anyMatch(frame -> frame.getClassName().equals(DashboardAgentTest.class.getName())));
        assertThatThrownBy(() -> sam.markMessage(conversation, 4242, MessageStatus.READ))
                .hasMessageStartingWith("message 4242 not found in conversation " + conversation)
                .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
        assertThatThrownBy(() -> world.sim.agent("Alice Agent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no member named Alice Agent in account 1; its members: Bevatel Admin <")
                .hasMessageContaining("Sam Agent <sam@acme.test>, Kim Agent <kim@acme.test>");
        assertThatThrownBy(() -> sam.assign(conversation, "Nobody")).hasMessageStartingWith("no member named Nobody");
        assertThatThrownBy(() -> sam.assignTeam(conversation, "ghosts")).hasMessage("no team named ghosts in account 1; its teams: support");
        assertThatThrownBy(() -> world.sim.agentBot("ghost-bot")).hasMessage("no agent bot named ghost-bot; the bots: [Helper Bot]");
    }
}
