package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP delivery (Chatwoot's lib/webhooks/trigger.rb): headers and signature, failures and their consequences, asynchrony. */
class WebhookDeliveryTest {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static Predicate<Delivery> to(Receiver receiver, String event) {
        return d -> d.receiver().equals(receiver) && d.event().equals(event);
    }

    private static JsonNode messageById(Http http, long conversation, long id) {
        for (JsonNode m : http.get(Http.account("/conversations/" + conversation + "/messages")).json().get("payload")) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id);
    }

    @Test
    void headersAreChatwootsAndBothKindsOfReceiverAreSignedWithTheirOwnSecret() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            String webhookSecret = WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created")
                    .get("secret").asText();
            WebhookTestSupport.setInboxCallback(http, receiver.url("/callback"));
            String inboxSecret = http.get(Http.account("/inboxes/1")).json().get("secret").asText();
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Al", "+15550200001"));
            WebhookTestSupport.message(http, conversation, "{\"content\":\"signed <&> caf\u00e9\",\"message_type\":\"incoming\"}");
            Instant messageTime = sim.clock().now();

            sim.webhooks().await(1, to(Receiver.accountWebhook(1), "message_created"), WAIT);
            sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_created"), WAIT);

            TestReceiver.Received toAccount = receiver.received("/account").get(0);
            TestReceiver.Received toCallback = receiver.received("/callback").get(1);
            assertThat(TestReceiver.Json.event(toCallback.body())).isEqualTo("message_created");
            for (TestReceiver.Received request : List.of(toAccount, toCallback)) {
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("Accept")).isEqualTo("application/json");
                assertThat(request.header("X-Chatwoot-Delivery")).matches(UUID_V4);
                assertThat(request.header("X-Chatwoot-Timestamp")).isEqualTo(Long.toString(messageTime.getEpochSecond()));
                assertThat(request.body()).contains("signed \\u003c\\u0026\\u003e caf\u00e9").doesNotContain("\n");
            }
            assertThat(toAccount.header("X-Chatwoot-Signature"))
                    .isEqualTo(Signatures.expected(webhookSecret, toAccount.header("X-Chatwoot-Timestamp"), toAccount.body()));
            assertThat(toCallback.header("X-Chatwoot-Signature"))
                    .isEqualTo(Signatures.expected(inboxSecret, toCallback.header("X-Chatwoot-Timestamp"), toCallback.body()));
            assertThat(toAccount.body()).isEqualTo(toCallback.body());
            assertThat(toAccount.header("X-Chatwoot-Delivery")).isNotEqualTo(toCallback.header("X-Chatwoot-Delivery"));
            Delivery recorded = sim.webhooks().byReceiver(Receiver.accountWebhook(1)).get(0);
            assertThat(recorded.deliveryId()).isEqualTo(toAccount.header("X-Chatwoot-Delivery"));
            assertThat(recorded.requestBody()).isEqualTo(toAccount.body());
            assertThat(recorded.simulatedTime()).isEqualTo(messageTime);
            assertThat(recorded.responseStatus()).isEqualTo(200);
            assertThat(recorded.attempt()).isEqualTo(1);
            assertThat(recorded.succeeded()).isTrue();
        }
    }

    /** Runs a small flow against a sink and returns what the callback was sent, headers and bodies. */
    private static List<String> flow(BevatelSimulator sim) {
        Http http = new Http(sim);
        WebhookTestSupport.setInboxCallback(http, sim.sinkUrl("det"));
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Bo", "+15550200002"));
        WebhookTestSupport.message(http, conversation, "{\"content\":\"one\",\"message_type\":\"incoming\"}");
        WebhookTestSupport.message(http, conversation, "{\"content\":\"two\"}");
        return sim.webhooks().await(4, d -> true, WAIT).stream()
                .map(d -> d.requestHeaders() + " " + d.requestBody()).toList();
    }

    @Test
    void sameSeedAndCallsGiveTheSameBodiesAndHeadersAndDeliveriesLeaveRestIdsAlone() {
        List<String> first;
        List<String> second;
        List<String> otherSeed;
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(7).start()) {
            first = flow(sim);
        }
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(7).start()) {
            second = flow(sim);
        }
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(8).start()) {
            otherSeed = flow(sim);
        }
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(otherSeed.get(0)).isNotEqualTo(first.get(0));

        // Delivery ids come from their own generator: the REST-visible uuids are the same with or without webhooks.
        String withWebhooks;
        String without;
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(7).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("ids"));
            WebhookTestSupport.contact(http, "Cy", "+15550200003");
            withWebhooks = WebhookTestSupport.contact(http, "Di", "+15550200004");
            sim.webhooks().await(2, d -> true, WAIT);
        }
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(7).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("ids"));
            http.delete(Http.account("/webhooks/1"));
            WebhookTestSupport.contact(http, "Cy", "+15550200003");
            without = WebhookTestSupport.contact(http, "Di", "+15550200004");
            assertThat(sim.webhooks().all()).isEmpty();
        }
        assertThat(withWebhooks).isEqualTo(without);
    }

    /** A port nothing listens on. */
    private static URI downUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/down");
        }
    }

    @Test
    void redirectsAreFollowedWithTheSameMethodAndBodyUpToTen() {
        receiver.redirect("/moved", 301, "/temporary").redirect("/temporary", 307, receiver.url("/final").toString());
        for (int i = 0; i < 11; i++) {
            receiver.redirect("/loop" + i, 302, "/loop" + (i + 1));
        }
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/moved"), "contact_created");
            WebhookTestSupport.addWebhook(http, receiver.url("/loop0"), "contact_created");
            WebhookTestSupport.contact(http, "Ray", "+15550200011");

            Delivery moved = sim.webhooks().await(1, to(Receiver.accountWebhook(1), "contact_created"), WAIT).get(0);
            assertThat(moved.succeeded()).as(moved.summary()).isTrue();
            assertThat(moved.url()).as("the journal keeps the configured URL").isEqualTo(receiver.url("/moved"));
            String body = receiver.received("/moved").get(0).body();
            assertThat(receiver.received("/final")).singleElement()
                    .satisfies(r -> assertThat(r.body()).isEqualTo(body))
                    .satisfies(r -> assertThat(r.header("X-Chatwoot-Delivery")).isEqualTo(moved.deliveryId()));
            assertThat(receiver.received("/temporary")).extracting(TestReceiver.Received::body).containsExactly(body);

            Delivery looping = sim.webhooks().await(1, to(Receiver.accountWebhook(2), "contact_created"), WAIT).get(0);
            assertThat(looping.failure()).isEqualTo("Got 10 redirects fetching " + receiver.url("/loop0"));
            assertThat(receiver.received("/loop10")).hasSize(1);
            assertThat(receiver.received("/loop11")).isEmpty();
        }
    }

    @Test
    void receiverDownIsRecordedAndMarksTheMessageFailedWithExactlyOneMessageUpdated() throws IOException {
        URI down = downUrl();
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.setInboxCallback(http, down);
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_updated", "contact_created");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ed", "+15550200005"));
            long id = WebhookTestSupport.message(http, conversation, "{\"content\":\"lost\"}").get("id").asLong();

            Delivery created = sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_created"), WAIT).get(0);
            Delivery updated = sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_updated"), WAIT).get(0);

            String refused = "Failed to open TCP connection to 127.0.0.1:" + down.getPort()
                    + " (Connection refused - connect(2) for \"127.0.0.1\" port " + down.getPort() + ")";
            assertThat(created.failure()).isEqualTo(refused);
            assertThat(created.responseStatus()).isNull();
            assertThat(created.succeeded()).isFalse();
            assertThat(created.attempt()).isEqualTo(1);
            assertThat(updated.failure()).isEqualTo(refused);
            JsonNode message = messageById(http, conversation, id);
            assertThat(message.get("status").asText()).isEqualTo("failed");
            assertThat(message.at("/content_attributes/external_error").asText()).isEqualTo(refused);
            // The second failure changes nothing, so no second message_updated: the marker arrives right after the one.
            WebhookTestSupport.contact(http, "Marker", "+15550200009");
            sim.webhooks().await(2, to(Receiver.accountWebhook(1), "contact_created"), WAIT);
            assertThat(receiver.events("/account")).containsExactly("contact_created", "message_updated", "contact_created");
            assertThat(sim.webhooks().byReceiver(Receiver.apiInbox(1)))
                    .extracting(Delivery::event).as("one attempt each, no retries")
                    .containsExactly("conversation_created", "message_created", "conversation_updated", "message_updated");
        }
    }

    @Test
    void a500IsAFailureWithItsStatusAndBodyAndAny2xxIsSuccess() {
        receiver.respondWith("/callback", 500).responseBody("{\"error\":\"boom\"}");
        receiver.respondWith("/account", 204);
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.setInboxCallback(http, receiver.url("/callback"));
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Fi", "+15550200006"));
            long id = WebhookTestSupport.message(http, conversation, "{\"content\":\"to a broken service\"}").get("id").asLong();

            Delivery failed = sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_created"), WAIT).get(0);
            Delivery ok = sim.webhooks().await(1, to(Receiver.accountWebhook(1), "message_created"), WAIT).get(0);
            sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_updated"), WAIT);

            assertThat(failed.responseStatus()).isEqualTo(500);
            assertThat(failed.responseBody()).isEqualTo("{\"error\":\"boom\"}");
            assertThat(failed.failure()).isEqualTo("500 Internal Server Error");
            assertThat(ok.responseStatus()).isEqualTo(204);
            assertThat(ok.succeeded()).isTrue();
            JsonNode message = messageById(http, conversation, id);
            assertThat(message.get("status").asText()).isEqualTo("failed");
            assertThat(message.at("/content_attributes/external_error").asText()).isEqualTo("500 Internal Server Error");
        }
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsAFailureAndMarksTheMessageFailed() {
        CountDownLatch release = receiver.hold("/slow");
        try (BevatelSimulator sim = BevatelSimulator.builder().webhookTimeout(Duration.ofMillis(300)).start()) {
            Http http = new Http(sim);
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Gus", "+15550200007"));
            WebhookTestSupport.setInboxCallback(http, receiver.url("/slow"));
            long id = WebhookTestSupport.message(http, conversation, "{\"content\":\"too slow\"}").get("id").asLong();

            Delivery timedOut = sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_created"), WAIT).get(0);
            sim.webhooks().await(1, to(Receiver.apiInbox(1), "message_updated"), WAIT);

            assertThat(timedOut.failure()).isEqualTo("Net::ReadTimeout with #<TCPSocket:(closed)>");
            assertThat(timedOut.responseStatus()).isNull();
            assertThat(timedOut.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(receiver.answered()).as("the receiver is still holding the requests").isZero();
            assertThat(messageById(http, conversation, id).get("status").asText()).isEqualTo("failed");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theApiAnswersBeforeASlowReceiverHasFinished() throws InterruptedException {
        CountDownLatch release = receiver.hold("/held");
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.setInboxCallback(http, receiver.url("/held"));
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Hal", "+15550200008"));
            for (int i = 1; i <= 3; i++) {
                Http.Result created = http.post(Http.account("/conversations/" + conversation + "/messages"),
                        "{\"content\":\"message " + i + "\"}");
                assertThat(created.status()).isEqualTo(200);
            }

            assertThat(receiver.arrived().await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(receiver.answered()).as("every API call returned while the receiver still held the first delivery")
                    .isZero();
            assertThat(sim.webhooks().all()).isEmpty();
            release.countDown();

            List<Delivery> delivered = sim.webhooks().await(5, d -> true, WAIT);
            assertThat(delivered).allMatch(Delivery::succeeded).extracting(Delivery::event).containsExactly(
                    "conversation_created", "message_created", "conversation_updated", "message_created", "message_created");
        }
    }

    @Test
    void eachReceiverGetsItsDeliveriesInEventOrder() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.setInboxCallback(http, receiver.url("/callback"));
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ida", "+15550200010"));
            for (int i = 1; i <= 25; i++) {
                WebhookTestSupport.message(http, conversation, "{\"content\":\"" + i + "\"}");
            }
            sim.webhooks().await(25, to(Receiver.accountWebhook(1), "message_created"), WAIT);
            sim.webhooks().await(25, to(Receiver.apiInbox(1), "message_created"), WAIT);

            List<String> expected = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(String::valueOf).toList();
            for (String path : List.of("/account", "/callback")) {
                assertThat(receiver.received(path).stream().map(r -> TestReceiver.Json.parse(r.body()))
                        .filter(p -> p.path("event").asText().equals("message_created"))
                        .map(p -> p.get("content").asText()).toList()).as(path).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void retriesAreOptInAndKeepTheDeliveryId() {
        receiver.respondWith("/flaky", 503, 500, 200);
        try (BevatelSimulator sim = BevatelSimulator.builder().webhookRetries(3, Duration.ofMillis(10)).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/flaky"), "contact_created");
            WebhookTestSupport.contact(http, "Jo", "+15550200011");

            List<Delivery> attempts = sim.webhooks().await(3, d -> true, WAIT);

            assertThat(attempts).extracting(Delivery::attempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(Delivery::responseStatus).containsExactly(503, 500, 200);
            assertThat(attempts).extracting(Delivery::failure)
                    .containsExactly("503 Service Unavailable", "500 Internal Server Error", null);
            assertThat(attempts).extracting(Delivery::deliveryId).containsOnly(attempts.get(0).deliveryId());
            assertThat(receiver.received("/flaky")).extracting(TestReceiver.Received::body).containsOnly(attempts.get(0).requestBody());
        }
    }

    @Test
    void aFullQueueDropsDeliveriesAndRecordsEachDrop() {
        CountDownLatch release = receiver.hold("/held");
        try (BevatelSimulator sim = BevatelSimulator.builder().webhookQueueCapacity(1).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/held"), "contact_created");
            WebhookTestSupport.contact(http, "K1", "+15550200012");   // under way
            WebhookTestSupport.contact(http, "K2", "+15550200013");   // waiting
            WebhookTestSupport.contact(http, "K3", "+15550200014");   // no room: dropped

            Delivery dropped = sim.webhooks().await(1, d -> d.attempt() == 0, WAIT).get(0);
            assertThat(dropped.failure()).isEqualTo("dropped: the simulator's webhook queue is full (1 deliveries waiting)");
            assertThat(dropped.payload().get("name").asText()).isEqualTo("K3");
            release.countDown();
            List<Delivery> sent = sim.webhooks().await(2, Delivery::succeeded, WAIT);
            assertThat(sent).extracting(d -> d.payload().get("name").asText()).containsExactly("K1", "K2");
        } finally {
            release.countDown();
        }
    }

    @Test
    void responseBodiesAreBoundedInTheJournal() {
        receiver.responseBody("x".repeat(50_000));
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/big"), "contact_created");
            WebhookTestSupport.contact(http, "Lu", "+15550200015");

            Delivery delivery = sim.webhooks().await(1, d -> true, WAIT).get(0);
            assertThat(delivery.succeeded()).isTrue();
            assertThat(delivery.responseBody()).hasSize(WebhookJournal.MAX_RESPONSE_BODY_CHARS).matches("x+");
        }
    }

    @Test
    void resetEmptiesTheJournalDropsQueuedDeliveriesAndRestartsDeliveryIds() {
        String firstDeliveryId;
        try (BevatelSimulator fresh = BevatelSimulator.builder().start()) {
            WebhookTestSupport.addWebhook(new Http(fresh), fresh.sinkUrl("fresh"), "contact_created");
            WebhookTestSupport.contact(new Http(fresh), "Mo", "+15550200016");
            firstDeliveryId = fresh.webhooks().await(1, d -> true, WAIT).get(0).deliveryId();
        }
        CountDownLatch release = receiver.hold("/old");
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/old"), "contact_created");
            WebhookTestSupport.contact(http, "Old1", "+15550200017");
            WebhookTestSupport.contact(http, "Old2", "+15550200018");
            WebhookTestSupport.contact(http, "Old3", "+15550200019");
            assertThat(receiver.arrived().await(20, TimeUnit.SECONDS)).isTrue();

            sim.reset();
            assertThat(sim.webhooks().all()).isEmpty();
            release.countDown();
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("fresh"), "contact_created");
            WebhookTestSupport.contact(http, "Mo", "+15550200016");

            Delivery afterReset = sim.webhooks().await(1, d -> true, WAIT).get(0);
            assertThat(afterReset.deliveryId()).isEqualTo(firstDeliveryId);
            assertThat(sim.webhooks().all()).containsExactly(afterReset);
            assertThat(receiver.received("/old")).as("the two queued deliveries were dropped").hasSize(1);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            release.countDown();
        }
    }
}
