package com.bevatel.simulator.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /_simulator/deliveries/wait} over real HTTP: answers when the deliveries exist, 408 with what exists, no thread held. */
class DeliveryWaitTest {
    private static final String WAIT = "/_simulator/deliveries/wait";
    /** More than the shared worker's 32 task threads: waiting must not take one each. */
    private static final int MANY = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminApi admin = new AdminApi(new AdminApi.Settings("test", null, null, null));
    private BevatelSimulator sim;
    private Client api;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().accessToken("T").apiInboxWebhookSink("inbox")
                .extension(admin).start();
        api = new Client(sim.baseUrl(), "T");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void answersAtOnceWhenTheDeliveriesExistWithTheListsBody() {
        openConversation("Alice");
        JsonNode waited = api.get(WAIT + "?event=conversation_created&timeout_ms=20000").json();
        JsonNode listed = api.get("/_simulator/deliveries?event=conversation_created").json();
        assertThat(waited.get("deliveries")).singleElement().satisfies(d -> assertThat(d.get("event").asText()).isEqualTo("conversation_created"));
        assertThat(waited.fieldNames()).toIterable().containsExactly("deliveries", "matched", "held", "evicted", "capacity");
        assertThat(waited.get("deliveries")).isEqualTo(listed.get("deliveries"));
        assertThat(api.get(WAIT + "?event=conversation_created&bodies=true&timeout_ms=20000").json().at("/deliveries/0/payload/id").asLong())
                .isEqualTo(1);
    }

    @Test
    void aWaitingRequestIsAnsweredWhenTheDeliveryArrives() throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = waitAsync(WAIT + "?event=message_created&conversation_id=1&timeout_ms=20000");
        openConversation("Alice");
        assertThat(waiting).as("nothing matches yet").isNotDone();
        api.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Hi\",\"message_type\":\"incoming\"}");
        HttpResponse<String> answer = waiting.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("deliveries")).singleElement()
                .satisfies(d -> assertThat(d.get("event").asText()).isEqualTo("message_created"));
    }

    @Test
    void countAndSinceIdWaitForNewDeliveriesOnly() throws Exception {
        openConversation("Alice");
        long last = api.get("/_simulator/deliveries?order=desc&limit=1").json().at("/deliveries/0/id").asLong();
        CompletableFuture<HttpResponse<String>> two = waitAsync(WAIT + "?since_id=" + last + "&event=message_created&count=2&timeout_ms=20000");
        api.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"one\",\"message_type\":\"incoming\"}");
        api.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"two\",\"message_type\":\"incoming\"}");
        JsonNode answer = JSON.readTree(two.get(20, TimeUnit.SECONDS).body());
        assertThat(answer.get("matched").asInt()).isEqualTo(2);
        assertThat(answer.get("deliveries")).allSatisfy(d -> assertThat(d.get("id").asLong()).isGreaterThan(last));
    }

    @Test
    void aTimeoutAnswers408WithWhatMatches() {
        openConversation("Alice");
        Client.Result timedOut = api.get(WAIT + "?event=conversation_created&count=2&timeout_ms=200");
        assertThat(timedOut.status()).isEqualTo(408);
        assertThat(timedOut.header("Content-Type")).startsWith("application/json");
        assertThat(timedOut.json().get("matched").asInt()).isEqualTo(1);
        assertThat(timedOut.json().get("deliveries")).hasSize(1);
        Client.Result none = api.get(WAIT + "?event=no_such_event&timeout_ms=0");
        assertThat(none.status()).isEqualTo(408);
        assertThat(none.json().get("deliveries")).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithJsonBeforeAnyWait() {
        for (String query : new String[] {"timeout_ms=abc", "timeout_ms=-1", "timeout_ms=50001", "count=0", "count=10001",
                "status=maybe", "receiver=crm", "limit=0", "order=up", "since_id=x"}) {
            Client.Result refused = api.get(WAIT + "?" + query);
            assertThat(refused.status()).as(query).isEqualTo(422);
            assertThat(refused.json().get("error").asText()).as(query).isNotBlank();
        }
        assertThat(api.get(WAIT + "?timeout_ms=99999").json().get("error").asText()).contains("50000");
    }

    /** More waiting requests than worker threads, and the API and the admin API still answer at once. */
    @Test
    void manyWaitingRequestsStallNothing() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            waits.add(waitAsync(WAIT + "?event=conversation_created&timeout_ms=30000"));
        }
        awaitParked(MANY);
        assertThat(api.get("/_simulator/faults").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/profile").status()).isEqualTo(200);
        assertThat(waits).noneMatch(CompletableFuture::isDone);
        openConversation("Alice");
        for (CompletableFuture<HttpResponse<String>> wait : waits) {
            HttpResponse<String> answer = wait.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("matched").asInt()).isEqualTo(1);
        }
    }

    /** A reset empties the journal: the waiting request goes on waiting for what is recorded after it. */
    @Test
    void aResetWhileWaitingKeepsWaitingOnTheEmptiedJournal() throws Exception {
        openConversation("Alice");
        CompletableFuture<HttpResponse<String>> two = waitAsync(WAIT + "?event=conversation_created&count=2&timeout_ms=20000");
        assertThat(api.post("/_simulator/reset", null).status()).isEqualTo(200);
        openConversation("Bob");
        assertThat(api.get(WAIT + "?event=conversation_created&timeout_ms=20000").status()).isEqualTo(200);
        assertThat(two).as("one conversation_created since the reset").isNotDone();
        openConversation("Carol");
        JsonNode answer = JSON.readTree(two.get(20, TimeUnit.SECONDS).body());
        assertThat(answer.get("deliveries")).hasSize(2);
        assertThat(answer.findValuesAsText("event")).containsOnly("conversation_created");
    }

    private void openConversation(String name) {
        long contact = api.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"" + name + "\"}").json()
                .at("/payload/contact/id").asLong();
        assertThat(api.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}").status())
                .isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<String>> waitAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until that many requests are parked (each once its request has been read). */
    private void awaitParked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (admin.waitingForDeliveries() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(admin.waitingForDeliveries()).as("parked requests").isEqualTo(count);
    }
}
