package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guide's flow (inbox to reopen) against a real local receiver: an account webhook with the default
 * subscriptions and the inbox callback get exactly the deliveries of app/listeners/webhook_listener.rb, each signed and recorded.
 */
class GuideFlowWebhooksTest {
    private static final List<String> CALLBACK_EVENTS = List.of(
            "conversation_created",                                   // 3
            "message_created",                                        // 4 incoming
            "message_created", "conversation_updated",                // 5 first reply
            "message_updated",                                        // 6 delivered
            "conversation_status_changed", "conversation_updated",    // 7 resolved
            "conversation_status_changed", "conversation_updated",    // 8 reopened by an incoming message …
            "message_created", "conversation_updated",                //   … which also sets waiting_since
            "message_created");                                       // end marker (a private note)
    private static final List<String> ACCOUNT_EVENTS = List.of(
            "contact_created",                                        // 2
            "conversation_created",                                   // 3
            "message_created", "contact_updated",                     // 4
            "message_created", "conversation_updated",                // 5
            "message_updated",                                        // 6
            "conversation_status_changed", "conversation_updated",    // 7
            "conversation_status_changed", "conversation_updated",    // 8
            "message_created", "conversation_updated", "contact_updated",
            "message_created");                                       // end marker

    @Test
    void guideFlowDeliversExactlyTheListedEventsSignedAndJournaled() {
        try (TestReceiver receiver = new TestReceiver();
             BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            JsonNode webhook = WebhookTestSupport.addWebhook(http, receiver.url("/account"));

            // 1. an API inbox whose callback is the receiver
            Http.Result inbox = http.post(Http.account("/inboxes"), "{\"name\":\"Bevatel API\",\"channel\":"
                    + "{\"type\":\"api\",\"webhook_url\":\"" + receiver.url("/callback") + "\"}}");
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            long inboxId = inbox.json().get("id").asLong();
            // 2. contact  3. conversation
            Http.Result contact = http.post(Http.account("/contacts"),
                    "{\"inbox_id\":" + inboxId + ",\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
            String sourceId = contact.json().at("/payload/contact_inbox/source_id").asText();
            Http.Result conversation = http.post(Http.account("/conversations"),
                    "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":" + inboxId + "}");
            long id = conversation.json().get("id").asLong();
            String messages = "/conversations/" + id + "/messages";
            // 4. incoming  5. agent reply  6. delivery acknowledged
            WebhookTestSupport.message(http, id, "{\"content\":\"Hi, my order is late\",\"message_type\":\"incoming\"}");
            long reply = WebhookTestSupport.message(http, id,
                    "{\"content\":\"On its way\",\"message_type\":\"outgoing\"}").get("id").asLong();
            assertThat(http.patch(Http.account(messages + "/" + reply), "{\"status\":\"delivered\"}").status()).isEqualTo(200);
            // 7. resolve  8. a new incoming message reopens
            assertThat(http.post(Http.account("/conversations/" + id + "/toggle_status"), "{\"status\":\"resolved\"}")
                    .status()).isEqualTo(200);
            WebhookTestSupport.message(http, id, "{\"content\":\"Still there?\",\"message_type\":\"incoming\"}");
            WebhookTestSupport.message(http, id, "{\"content\":\"end of flow\",\"private\":true}");

            Receiver account = Receiver.accountWebhook(webhook.get("id").asLong());
            Receiver callback = Receiver.apiInbox(inboxId);
            // Each receiver gets its deliveries in order, so once the marker arrived nothing earlier is missing.
            sim.webhooks().await(2, d -> d.event().equals("message_created")
                    && d.payload().path("content").asText().equals("end of flow"), WAIT);

            List<Delivery> toCallback = sim.webhooks().byReceiver(callback);
            List<Delivery> toAccount = sim.webhooks().byReceiver(account);
            assertThat(toCallback).extracting(Delivery::event).containsExactlyElementsOf(CALLBACK_EVENTS);
            assertThat(toAccount).extracting(Delivery::event).containsExactlyElementsOf(ACCOUNT_EVENTS);
            assertThat(sim.webhooks().all()).hasSize(CALLBACK_EVENTS.size() + ACCOUNT_EVENTS.size())
                    .allMatch(Delivery::succeeded);

            // What the receiver got is what the journal shows, and every request is signed with its receiver's secret.
            assertThat(receiver.received("/callback")).extracting(TestReceiver.Received::body)
                    .containsExactlyElementsOf(toCallback.stream().map(Delivery::requestBody).toList());
            assertThat(receiver.received("/account")).extracting(TestReceiver.Received::body)
                    .containsExactlyElementsOf(toAccount.stream().map(Delivery::requestBody).toList());
            assertSigned(receiver.received("/callback"), inbox.json().get("secret").asText());
            assertSigned(receiver.received("/account"), webhook.get("secret").asText());

            // What individual steps' payloads must show.
            assertThat(toCallback.get(1).payload().get("message_type").asText()).isEqualTo("incoming");
            JsonNode agentReply = toCallback.get(2).payload();
            assertThat(agentReply.get("message_type").asText()).isEqualTo("outgoing");
            assertThat(agentReply.get("sender").toString())
                    .isEqualTo("{\"id\":1,\"name\":\"Bevatel Admin\",\"email\":\"admin@bevatel.test\",\"type\":\"user\"}");
            assertThat(changedKeys(toCallback.get(3).payload())).containsExactly("updated_at", "first_reply_created_at", "waiting_since");
            assertThat(toCallback.get(5).payload().get("changed_attributes").isNull()).isTrue();
            assertThat(changedKeys(toCallback.get(6).payload())).containsExactly("status", "updated_at", "status_changed_at");
            assertThat(toCallback.get(6).payload().get("status").asText()).isEqualTo("resolved");
            assertThat(toCallback.get(8).payload().get("status").asText()).isEqualTo("open");
            // A second save in the reopen's write: updated_at moves by a microsecond, as Rails' would.
            assertThat(changedKeys(toCallback.get(10).payload())).containsExactly("updated_at", "waiting_since");
            assertThat(toCallback).allMatch(d -> d.conversationId() == id);
        }
    }

    private static List<String> changedKeys(JsonNode payload) {
        return java.util.stream.StreamSupport.stream(payload.get("changed_attributes").spliterator(), false)
                .map(change -> change.fieldNames().next()).toList();
    }

    private static void assertSigned(List<TestReceiver.Received> requests, String secret) {
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            String timestamp = request.header("X-Chatwoot-Timestamp");
            assertThat(request.header("X-Chatwoot-Signature"))
                    .isEqualTo(Signatures.expected(secret, timestamp, request.body()));
        });
    }
}
