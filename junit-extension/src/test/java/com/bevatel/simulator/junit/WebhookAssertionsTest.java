package com.bevatel.simulator.junit;

import static com.bevatel.simulator.junit.WebhookAssertions.assertThat;
import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assertions read well when they pass and, when they fail, show what the journal recorded. */
@BevatelSimulatorTest(apiInboxWebhookSink = "hooks")
class WebhookAssertionsTest {
    private long conversation;

    @BeforeEach
    void aConversationWithAnIncomingMessage(BevatelSimulator sim, WebhookJournal journal) {
        long contact = Api.createContact(sim, "dave");
        Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}");
        Api.post(sim, "/conversations/1/messages", "{\"content\":\"Where is order 42?\",\"message_type\":\"incoming\"}");
        conversation = 1;
        journal.await(2, d -> d.receiver().kind() == com.bevatel.simulator.webhook.Receiver.Kind.API_INBOX, Duration.ofSeconds(5));
    }

    @Test
    void narrowsByEventConversationAndReceiver(BevatelSimulator sim, WebhookJournal journal) {
        assertThat(journal).hasDelivered("message_created").hasDelivered("conversation_created", 1);
        assertThat(journal).toApiInbox().conversation(conversation).hasEvents("conversation_created", "message_created");
        assertThat(journal).event("message_created").single()
                .hasPayloadAt("/message_type", "incoming")
                .hasPayloadAt("/conversation/id", 1)
                .hasPayloadAt("/private", false)
                .hasHeader("Content-Type", "application/json")
                .isSignedWith(sim.apiInbox().secret())
                .payloadAt("/content").startsWith("Where is order");
        assertThat(journal).event("contact_created").hasNoDeliveries();
    }

    @Test
    void aFailedAssertionListsTheRecordedDeliveries(WebhookJournal journal) {
        assertThatThrownBy(() -> assertThat(journal).hasDelivered("message_updated"))
                .hasMessageContaining("Expected a successful message_updated delivery among deliveries")
                .hasMessageContaining("The journal recorded 2:")
                .hasMessageContaining("conversation_created → API_INBOX 1")
                .hasMessageContaining("message_created → API_INBOX 1");
        assertThatThrownBy(() -> assertThat(journal).event("message_created").single().hasPayloadAt("/message_type", "outgoing"))
                .hasMessageContaining("Expected outgoing at /message_type of the message_created payload but found incoming");
        assertThatThrownBy(() -> assertThat(journal).event("message_created").single().isSignedWith("wrong-secret"))
                .hasMessageContaining("Expected a signature made with the given secret");
    }

    @Test
    void awaitThatRetriesUntilTheDeliveryArrives(BevatelSimulator sim, WebhookJournal journal) {
        Api.post(sim, "/conversations/1/messages", "{\"content\":\"On its way\",\"message_type\":\"outgoing\"}");
        awaitThat(journal).event("message_created").hasSize(2);
        // The same check composed with Awaitility directly:
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(journal).event("message_created")
                .last().hasPayloadAt("/message_type", "outgoing"));
    }

    @Test
    void awaitThatTimesOutWithTheLastErrorAndTheJournal(WebhookJournal journal) {
        assertThatThrownBy(() -> awaitThat(journal, Duration.ofMillis(200)).hasDelivered("conversation_status_changed"))
                .hasMessageStartingWith("Still failing after waiting 200 ms: Expected a successful conversation_status_changed")
                .hasMessageContaining("The journal recorded 2:");
    }

    @Test
    void assertionsOnSimulatorState(BevatelSimulator sim) {
        assertThat(sim).hasConversations(1).conversation(1).hasStatus("open").hasContactNamed("dave")
                .hasMessages("Where is order 42?");
        assertThatThrownBy(() -> assertThat(sim).conversation(1).hasStatus("resolved"))
                .hasMessageContaining("Expected conversation 1 to be resolved but it is open")
                .hasMessageContaining("incoming [sent] Where is order 42?");
    }
}
