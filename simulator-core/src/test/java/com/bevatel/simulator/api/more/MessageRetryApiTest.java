package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /conversations/{id}/messages/{message_id}/retry} (messages_controller.rb#retry and
 * #claim_message_retry): a failed message goes back to sent with its content attributes cleared and its
 * source_id kept (API inbox), in one message_updated — which is the API inbox's new callback delivery.
 */
class MessageRetryApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Receiver CALLBACK = Receiver.apiInbox(1);

    World world;
    long conversation;
    String messages;

    @BeforeEach
    void start() {
        world = new World(World.builder().apiInboxWebhookSink("callback"));
        conversation = world.conversation("Alice");
        messages = Http.account("/conversations/" + conversation + "/messages");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static Predicate<Delivery> callback(String event, long messageId) {
        return d -> d.receiver().equals(CALLBACK) && d.event().equals(event) && d.payload().path("id").asLong() == messageId;
    }

    private JsonNode message(long id) {
        for (JsonNode m : world.admin.get(messages).json().get("payload")) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id);
    }

    @Test
    void aMessageTheCallbackRefusedIsSentAgainByItsMessageUpdated() {
        world.sim.sink("callback").respondWith(500);
        long id = world.admin.post(messages, "{\"content\":\"Your order shipped\",\"source_id\":\"crm-77\","
                + "\"content_attributes\":{\"source\":\"crm\"}}").json().get("id").asLong();
        world.sim.webhooks().await(1, callback("message_updated", id), WAIT);
        JsonNode failed = message(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("content_attributes").toString())
                .isEqualTo("{\"source\":\"crm\",\"external_error\":\"500 Internal Server Error\"}");

        world.sim.sink("callback").reset();
        int before = world.sim.webhooks().byReceiver(CALLBACK).size();
        world.events.clear();
        Http.Result retried = world.sam.post(messages + "/" + id + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        JsonNode body = retried.json();
        assertThat(body.get("id").asLong()).isEqualTo(id);
        assertThat(body.get("status").asText()).isEqualTo("sent");
        assertThat(body.get("content_attributes").toString()).as("every attribute cleared").isEqualTo("{}");
        assertThat(body.get("source_id").asText()).as("kept for an API inbox").isEqualTo("crm-77");
        assertThat(body.has("echo_id")).isFalse();
        assertThat(world.events.names()).containsExactly("message_updated");

        Delivery resent = world.sim.webhooks().await(1, callback("message_updated", id).and(Delivery::succeeded), WAIT).get(0);
        // Message#webhook_data has no status: the cleared content attributes say the error is gone.
        assertThat(resent.payload().get("content_attributes").toString()).isEqualTo("{}");
        assertThat(resent.payload().get("content").asText()).isEqualTo("Your order shipped");
        assertThat(world.sim.webhooks().byReceiver(CALLBACK).subList(before, world.sim.webhooks().byReceiver(CALLBACK).size()))
                .extracting(Delivery::event).containsExactly("message_updated");
        assertThat(message(id).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void retryingWhileTheCallbackStillFailsMarksItFailedAgain() {
        world.sim.sink("callback").respondWith(503);
        long id = world.admin.post(messages, "{\"content\":\"Still down?\"}").json().get("id").asLong();
        world.sim.webhooks().await(1, callback("message_updated", id), WAIT);
        int before = world.sim.webhooks().byReceiver(CALLBACK).size();

        assertThat(world.admin.post(messages + "/" + id + "/retry", "{}").json().get("status").asText()).isEqualTo("sent");
        // The retry's message_updated fails, which marks the message failed: a second message_updated, failing the same way.
        world.sim.webhooks().await(before + 2, d -> d.receiver().equals(CALLBACK), WAIT);
        assertThat(message(id).get("status").asText()).isEqualTo("failed");
        assertThat(message(id).at("/content_attributes/external_error").asText()).isEqualTo("503 Service Unavailable");
    }

    @Test
    void aMessageThatIsNotFailedIsAnsweredAsItIs() {
        long id = world.incoming(conversation, "Hi").json().get("id").asLong();
        world.admin.patch(messages + "/" + id, "{\"status\":\"read\"}");
        world.events.clear();
        JsonNode answered = world.admin.post(messages + "/" + id + "/retry", null).json();
        assertThat(answered).isEqualTo(message(id));
        assertThat(answered.get("status").asText()).isEqualTo("read");
        assertThat(world.events.list()).isEmpty();

        // Any kind of message may be retried once failed: here an incoming one failed through the API.
        world.admin.patch(messages + "/" + id, "{\"status\":\"failed\",\"external_error\":\"bounced\"}");
        world.events.clear();
        JsonNode retried = world.admin.post(messages + "/" + id + "/retry", null).json();
        assertThat(retried.get("status").asText()).isEqualTo("sent");
        assertThat(retried.get("content_attributes").toString()).isEqualTo("{}");
        assertThat(world.events.of(DomainEvent.MessageUpdated.class)).hasSize(1);
    }

    @Test
    void anUnknownMessageIsChatwoots422WithTheRecordNotFoundText() {
        long elsewhere = world.incoming(world.conversation("Bob"), "Not here").json().get("id").asLong();
        for (String id : List.of("99999", "abc", String.valueOf(elsewhere))) {
            Http.Result r = world.admin.post(messages + "/" + id + "/retry", null);
            assertThat(r.status()).as(id).isEqualTo(422);
            assertThat(r.body()).isEqualTo("{\"error\":\"Couldn't find Message with 'id'=" + id
                    + " [WHERE \\\"messages\\\".\\\"conversation_id\\\" = $1]\"}");
        }
        assertThat(world.admin.post(Http.account("/conversations/999/messages/1/retry"), null).body())
                .isEqualTo(RolesAndBotsTest.NOT_FOUND);
    }

    @Test
    void botsAndAgentsOutsideTheInboxAreRefused() {
        long id = world.incoming(conversation, "Hi").json().get("id").asLong();
        assertThat(world.bot.post(messages + "/" + id + "/retry", null).body()).isEqualTo(RolesAndBotsTest.BOTS);
        long hidden = world.conversationInUnstaffedInbox();
        assertThat(world.sam.post(Http.account("/conversations/" + hidden + "/messages/1/retry"), null).body())
                .isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
    }
}
