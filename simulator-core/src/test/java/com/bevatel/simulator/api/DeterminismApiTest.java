package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same seed + same calls = byte-identical responses (issue §4); another seed changes only the
 * generated tokens and uuids; {@code reset()} starts ids, tokens and the clock over.
 */
class DeterminismApiTest {
    /**
     * One receiver answering 200 for every simulator of the test: a callback URL that is the same in
     * both transcripts, and deliveries that succeed (a failing one would mark messages failed,
     * asynchronously, and the transcripts would then depend on timing).
     */
    private static com.sun.net.httpserver.HttpServer receiver;
    private static String callbackUrl;

    @org.junit.jupiter.api.BeforeAll
    static void startReceiver() throws java.io.IOException {
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb";
    }

    @org.junit.jupiter.api.AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    /** Every endpoint of issue 2, each answer recorded as "status body". */
    static List<String> script(Http http) {
        List<String> out = new ArrayList<>();
        String a = "/api/v1/accounts/1";
        record(out, http.get("/api/v1/profile"));
        record(out, http.get(a + "/inboxes"));
        Http.Result inbox = record(out, http.post(a + "/inboxes", "{\"name\":\"Second\",\"channel\":{\"type\":\"api\","
                + "\"webhook_url\":\"" + callbackUrl + "\"}}"));
        record(out, http.patch(a + "/inboxes/" + inbox.json().get("id"), "{\"greeting_enabled\":true,\"greeting_message\":\"Hi\"}"));
        record(out, http.get(a + "/inboxes/1"));
        Http.Result alice = record(out, http.post(a + "/contacts", "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\"}"));
        String source = alice.json().at("/payload/contact_inbox/source_id").asText();
        record(out, http.post(a + "/contacts", "{\"name\":\"Bob\",\"phone_number\":\"+15550001111\"}"));
        record(out, http.post(a + "/contacts", "{\"email\":\"alice@x.io\"}"));
        record(out, http.patch(a + "/contacts/1", "{\"custom_attributes\":{\"plan\":\"gold\"}}"));
        record(out, http.post(a + "/contacts/2/contact_inboxes", "{\"inbox_id\":2}"));
        record(out, http.get(a + "/contacts"));
        record(out, http.get(a + "/contacts/search?q=o"));
        record(out, http.get(a + "/contacts/1"));
        record(out, http.post(a + "/conversations", "{\"source_id\":\"" + source + "\"}"));
        record(out, http.post(a + "/conversations", "{\"inbox_id\":2,\"contact_id\":2,\"message\":{\"content\":\"Hello Bob\"}}"));
        record(out, http.post(a + "/conversations/1/messages", "{\"content\":\"Hi\",\"message_type\":\"incoming\"}"));
        Http.Result reply = record(out, http.post(a + "/conversations/1/messages", "{\"content\":\"On its way\",\"echo_id\":\"e1\"}"));
        record(out, http.patch(a + "/conversations/1/messages/" + reply.json().get("id"), "{\"status\":\"delivered\"}"));
        record(out, http.post(a + "/conversations/1/toggle_status", "{\"status\":\"resolved\"}"));
        record(out, http.post(a + "/conversations/1/messages", "{\"content\":\"Still there?\",\"message_type\":\"incoming\"}"));
        record(out, http.post(a + "/conversations/2/toggle_status", "{\"status\":\"snoozed\",\"snoozed_until\":1767312000}"));
        record(out, http.delete(a + "/conversations/2/messages/1"));
        record(out, http.get(a + "/conversations/1"));
        record(out, http.get(a + "/conversations?status=all"));
        record(out, http.get(a + "/conversations/meta"));
        record(out, http.get(a + "/conversations/1/messages"));
        record(out, http.get(a + "/contacts/1/conversations"));
        record(out, http.delete(a + "/contacts/2"));
        record(out, http.get(a + "/contacts/2"));
        return out;
    }

    private static Http.Result record(List<String> out, Http.Result result) {
        out.add(result.status() + " " + result.body());
        return result;
    }

    @Test
    void sameSeedSameCallsSameBytes() {
        try (BevatelSimulator one = BevatelSimulator.builder().seed(1234).start();
             BevatelSimulator two = BevatelSimulator.builder().seed(1234).start()) {
            List<String> first = script(new Http(one));
            List<String> second = script(new Http(two));
            assertThat(second).containsExactlyElementsOf(first);
            assertThat(first).allSatisfy(line -> assertThat(line).doesNotStartWith("5"));
            assertThat(first).anySatisfy(line -> assertThat(line).startsWith("422 "));
            assertThat(first.get(first.size() - 1)).startsWith("404 ");
        }
    }

    @Test
    void anotherSeedChangesTokensAndUuidsButNotIds() {
        try (BevatelSimulator one = BevatelSimulator.builder().seed(1).accessToken("t").start();
             BevatelSimulator two = BevatelSimulator.builder().seed(2).accessToken("t").start()) {
            List<String> first = script(new Http(one));
            List<String> second = script(new Http(two));
            assertThat(one.apiInbox().identifier()).isNotEqualTo(two.apiInbox().identifier());
            assertThat(one.apiInbox().hmacToken()).isNotEqualTo(two.apiInbox().hmacToken());
            assertThat(one.apiInbox().secret()).isNotEqualTo(two.apiInbox().secret());
            Http a = new Http(one);
            Http b = new Http(two);
            String sourceA = a.get("/api/v1/accounts/1/contacts/1").json().at("/payload/contact_inboxes/0/source_id").asText();
            String sourceB = b.get("/api/v1/accounts/1/contacts/1").json().at("/payload/contact_inboxes/0/source_id").asText();
            assertThat(sourceA).isNotEqualTo(sourceB);
            String uuidA = a.get("/api/v1/accounts/1/conversations/1").json().get("uuid").asText();
            String uuidB = b.get("/api/v1/accounts/1/conversations/1").json().get("uuid").asText();
            assertThat(uuidA).isNotEqualTo(uuidB);
            // Same shapes, ids and times: replacing the generated values makes the transcripts equal.
            List<String> normalizedA = normalize(first, one);
            List<String> normalizedB = normalize(second, two);
            assertThat(normalizedB).containsExactlyElementsOf(normalizedA);
        }
    }

    @Test
    void resetStartsIdsTokensAndTheClockOver() {
        try (BevatelSimulator sim = BevatelSimulator.builder().seed(99).start()) {
            String token = sim.accessToken();
            var identifier = sim.apiInbox().identifier();
            var start = sim.clock().now();
            List<String> first = script(new Http(sim));
            assertThat(sim.clock().now()).isAfter(start);
            sim.reset();
            assertThat(sim.accessToken()).isEqualTo(token);
            assertThat(sim.apiInbox().identifier()).isEqualTo(identifier);
            assertThat(sim.clock().now()).isEqualTo(start);
            assertThat(new Http(sim).get("/api/v1/accounts/1/contacts/1").status()).isEqualTo(404);
            sim.reset();
            assertThat(script(new Http(sim))).containsExactlyElementsOf(first);
        }
    }

    @Test
    void theClockStandsStillBetweenWritesAndStepsOncePerWrite() {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("t").clockStep(java.time.Duration.ofSeconds(5)).start()) {
            Http http = new Http(sim);
            var start = sim.clock().now();
            http.get("/api/v1/accounts/1/contacts");
            assertThat(sim.clock().now()).isEqualTo(start);
            long created = http.post("/api/v1/accounts/1/contacts", "{\"name\":\"A\"}").json().at("/payload/contact/created_at").asLong();
            assertThat(created).isEqualTo(start.getEpochSecond() + 5);
            // A rejected write does not move it.
            http.post("/api/v1/accounts/1/contacts", "{\"email\":\"bad\"}");
            long next = http.post("/api/v1/accounts/1/contacts", "{\"name\":\"B\"}").json().at("/payload/contact/created_at").asLong();
            assertThat(next).isEqualTo(start.getEpochSecond() + 10);
            sim.clock().advance(java.time.Duration.ofDays(1));
            long later = http.post("/api/v1/accounts/1/contacts", "{\"name\":\"C\"}").json().at("/payload/contact/created_at").asLong();
            assertThat(later).isEqualTo(start.getEpochSecond() + 15 + 86_400);
        }
    }

    private static List<String> normalize(List<String> transcript, BevatelSimulator sim) {
        var inbox = sim.apiInbox();
        Http http = new Http(sim);
        var second = http.get("/api/v1/accounts/1/inboxes/2").json();
        List<String> replacements = new ArrayList<>(List.of(inbox.identifier(), inbox.hmacToken(), inbox.secret(),
                second.get("inbox_identifier").asText(), second.get("hmac_token").asText(), second.get("secret").asText(),
                http.get("/api/v1/profile").json().get("pubsub_token").asText(),
                http.get("/api/v1/accounts/1/contacts/1").json().at("/payload/contact_inboxes/0/source_id").asText(),
                http.get("/api/v1/accounts/1/conversations/1").json().get("uuid").asText()));
        List<String> out = new ArrayList<>();
        for (String line : transcript) {
            String normalized = line;
            for (int i = 0; i < replacements.size(); i++) {
                normalized = normalized.replace(replacements.get(i), "<generated-" + i + ">");
            }
            out.add(normalized.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", "<uuid>"));
        }
        return out;
    }
}
