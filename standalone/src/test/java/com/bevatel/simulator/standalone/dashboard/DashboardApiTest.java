package com.bevatel.simulator.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.DashboardAgent;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's page, read API and event stream over real HTTP, without a browser. */
class DashboardApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String API = "/_simulator/ui/api";

    private BevatelSimulator sim;
    private ApiClient http;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().apiInboxWebhookSink("inbox").agent("Sam Agent", "sam@example.com", null)
                .extension(new Dashboard()).start();
        http = new ApiClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void servesThePageAndItsModulesWithTheirTypesAndNothingElse() {
        ApiClient.Result page = http.get("/_simulator/ui");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/_simulator/ui/app.js\"></script>");
        assertThat(http.get("/_simulator/ui/").body()).isEqualTo(page.body());
        for (String module : List.of("app.js", "api.js", "dom.js", "conversations.js", "chat.js", "deliveries.js")) {
            ApiClient.Result js = http.get("/_simulator/ui/" + module);
            assertThat(js.status()).as(module).isEqualTo(200);
            assertThat(js.contentType()).as(module).isEqualTo("text/javascript; charset=utf-8");
            // Every module the page imports is served: a missing one would break the page silently.
            js.body().lines().filter(line -> line.startsWith("import ")).forEach(line -> {
                String imported = line.replaceAll(".*from '\\./([^']+)'.*", "$1");
                assertThat(http.get("/_simulator/ui/" + imported).status()).as(line).isEqualTo(200);
            });
        }
        assertThat(http.get("/_simulator/ui/dashboard.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(http.get("/_simulator/ui/index.html").status()).isEqualTo(404);
        assertThat(http.get("/_simulator/ui/../pom.xml").status()).isEqualTo(404);
    }

    @Test
    void overviewListsTheAccountClockInboxCountsMembersAndTeams() {
        long first = http.conversation("Alice", "+15550001111");
        http.conversation("Bob", "+15550002222");
        sim.agent("Sam Agent").resolve(first);

        JsonNode overview = http.get(API + "/overview").json();
        assertThat(overview.at("/account/id").asLong()).isEqualTo(1);
        assertThat(overview.get("now").asText()).isEqualTo(sim.clock().now().toString().replace("Z", ".000Z"));
        JsonNode inbox = overview.get("inboxes").get(0);
        assertThat(inbox.get("id").asLong()).isEqualTo(1);
        assertThat(inbox.get("identifier").asText()).isEqualTo(sim.apiInbox().identifier());
        assertThat(inbox.get("webhook_url").asText()).isEqualTo(sim.sinkUrl("inbox").toString());
        assertThat(inbox.at("/counts/all").asInt()).isEqualTo(2);
        assertThat(inbox.at("/counts/open").asInt()).isEqualTo(1);
        assertThat(inbox.at("/counts/resolved").asInt()).isEqualTo(1);
        assertThat(overview.get("members").findValuesAsText("email")).contains("sam@example.com");
    }

    @Test
    void conversationsAreNewestFirstFilteredAndLimitedWithTheirAssigneeAndLabels() {
        long alice = http.conversation("Alice", "+15550001111");
        long bob = http.conversation("Bob", "+15550002222");
        sim.agent(sim.administrator().name()).assign(alice, "Sam Agent");
        sim.agent("Sam Agent").setLabels(alice, "vip", "billing");
        http.incoming(alice, "Hello?");

        JsonNode all = http.get(API + "/conversations").json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        JsonNode newest = all.get("conversations").get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(alice);
        assertThat(newest.at("/contact/name").asText()).isEqualTo("Alice");
        assertThat(newest.at("/assignee/name").asText()).isEqualTo("Sam Agent");
        assertThat(newest.get("labels").toString()).isEqualTo("[\"vip\",\"billing\"]");
        assertThat(newest.at("/last_message/content").asText()).isEqualTo("Hello?");
        assertThat(newest.get("unread_count").asInt()).isEqualTo(1);
        assertThat(all.get("conversations").get(1).get("id").asLong()).isEqualTo(bob);

        sim.agent("Sam Agent").resolve(bob);
        JsonNode resolved = http.get(API + "/conversations?status=resolved&inbox_id=1").json();
        assertThat(resolved.get("conversations").findValuesAsText("status")).containsExactly("resolved");
        assertThat(http.get(API + "/conversations?inbox_id=2").json().get("total").asInt()).isZero();
        JsonNode limited = http.get(API + "/conversations?limit=1").json();
        assertThat(limited.get("total").asInt()).isEqualTo(2);
        assertThat(limited.get("conversations")).hasSize(1);

        ApiClient.Result badStatus = http.get(API + "/conversations?status=closed");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.json().get("error").asText()).contains("open, pending, resolved, snoozed, all");
        assertThat(http.get(API + "/conversations?limit=0").status()).isEqualTo(422);
        assertThat(http.get(API + "/conversations?inbox_id=x").status()).isEqualTo(422);
    }

    @Test
    void aConversationComesWithEveryKindOfMessageInOrder() {
        long id = http.conversation("Alice", "+15550001111");
        http.incoming(id, "Where is my order?");
        sim.agent(sim.administrator().name()).reply(id, "Let me check.");
        sim.agent(sim.administrator().name()).note(id, "Carrier delayed it");
        sim.agent(sim.administrator().name()).resolve(id);

        JsonNode thread = http.get(API + "/conversations/" + id).json();
        assertThat(thread.at("/conversation/status").asText()).isEqualTo("resolved");
        JsonNode messages = thread.get("messages");
        assertThat(messages.findValuesAsText("message_type"))
                .containsExactly("incoming", "outgoing", "outgoing", "activity");
        assertThat(messages.get(0).at("/sender/name").asText()).isEqualTo("Alice");
        assertThat(messages.get(1).at("/sender/name").asText()).isEqualTo(sim.administrator().name());
        assertThat(messages.get(1).get("private").asBoolean()).isFalse();
        assertThat(messages.get(2).get("private").asBoolean()).isTrue();
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Carrier delayed it");
        assertThat(messages.get(3).get("content").asText()).contains("resolved");
        assertThat(messages.get(3).get("sender").isNull()).isTrue();

        // The contact's newest five notes come with the thread, and how many there are.
        long contact = http.get("/api/v1/accounts/1/conversations/" + id).json().at("/meta/sender/id").asLong();
        for (int i = 1; i <= 6; i++) {
            assertThat(http.post("/api/v1/accounts/1/contacts/" + contact + "/notes", "{\"content\":\"note " + i + "\"}")
                    .status()).isEqualTo(200);
        }
        JsonNode notes = http.get(API + "/conversations/" + id).json().at("/conversation/contact");
        assertThat(notes.get("notes_count").asInt()).isEqualTo(6);
        assertThat(notes.get("notes").findValuesAsText("content")).containsExactly("note 6", "note 5", "note 4", "note 3", "note 2");
        assertThat(notes.at("/notes/0/author").asText()).isEqualTo(sim.administrator().name());
        assertThat(http.get(API + "/conversations").json().at("/conversations/0/contact").has("notes"))
                .as("the list carries none").isFalse();

        ApiClient.Result missing = http.get(API + "/conversations/99");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("Resource could not be found");
    }

    /**
     * Issue 14 §8: the thread was all messages on every change (200,000 messages: 50 MB a fetch);
     * now the newest page, and a cursor to the older ones.
     */
    @Test
    void aLongConversationComesInPagesNewestFirstWithACursorToOlderOnes() {
        long id = http.conversation("Alice", "+15550001111");
        DashboardAgent admin = sim.agent(sim.administrator().name());
        for (int i = 1; i <= 250; i++) {
            admin.reply(id, "m" + i);
        }
        ApiClient.Result first = http.get(API + "/conversations/" + id);
        assertThat(first.body().length()).as("one page, whatever the conversation's length").isLessThan(100_000);
        JsonNode newest = first.json();
        assertThat(newest.at("/conversation/messages_count").asInt()).isEqualTo(250);
        assertThat(contents(newest)).isEqualTo(range(151, 250));
        assertThat(newest.get("has_older").asBoolean()).isTrue();

        JsonNode older = http.get(API + "/conversations/" + id + "?before_id=" + firstId(newest)).json();
        assertThat(contents(older)).isEqualTo(range(51, 150));
        assertThat(older.get("has_older").asBoolean()).isTrue();
        JsonNode oldest = http.get(API + "/conversations/" + id + "?before_id=" + firstId(older)).json();
        assertThat(contents(oldest)).isEqualTo(range(1, 50));
        assertThat(oldest.get("has_older").asBoolean()).isFalse();

        JsonNode ten = http.get(API + "/conversations/" + id + "?limit=10&before_id=" + firstId(newest)).json();
        assertThat(contents(ten)).isEqualTo(range(141, 150));
        assertThat(http.get(API + "/conversations/" + id + "?before_id=1").json().get("messages")).isEmpty();
        assertThat(http.get(API + "/conversations/" + id + "?limit=1001").status()).isEqualTo(422);
        assertThat(http.get(API + "/conversations/" + id + "?before_id=x").status()).isEqualTo(422);
    }

    private static List<String> contents(JsonNode thread) {
        return thread.get("messages").findValuesAsText("content");
    }

    private static long firstId(JsonNode thread) {
        return thread.get("messages").get(0).get("id").asLong();
    }

    private static List<String> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "m" + i).toList();
    }

    @Test
    void deliveriesListAfterAnIdAndShowBodiesOnDemand() {
        long id = http.conversation("Alice", "+15550001111");
        http.incoming(id, "Hi");
        List<Delivery> recorded = sim.webhooks().await(2, d -> true, WAIT);

        JsonNode list = http.get(API + "/deliveries").json();
        assertThat(list.get("evicted").asLong()).isZero();
        JsonNode rows = list.get("deliveries");
        assertThat(rows.findValuesAsText("event")).containsExactly("conversation_created", "message_created");
        JsonNode row = rows.get(1);
        assertThat(row.get("id").asLong()).isEqualTo(recorded.get(1).id());
        assertThat(row.get("response_status").asInt()).isEqualTo(200);
        assertThat(row.get("succeeded").asBoolean()).isTrue();
        assertThat(row.get("receiver").asText()).isEqualTo("API inbox 1 (Bevatel API)");
        assertThat(row.get("conversation_id").asLong()).isEqualTo(id);
        assertThat(row.has("request_body")).isFalse();

        long firstId = rows.get(0).get("id").asLong();
        assertThat(http.get(API + "/deliveries?after=" + firstId).json().get("deliveries").findValuesAsText("event"))
                .containsExactly("message_created");
        assertThat(http.get(API + "/deliveries?limit=1").json().get("deliveries").findValuesAsText("event"))
                .containsExactly("message_created");
        assertThat(http.get(API + "/deliveries?conversation_id=" + (id + 1)).json().get("deliveries")).isEmpty();

        JsonNode detail = http.get(API + "/deliveries/" + row.get("id").asLong()).json();
        assertThat(detail.get("request_body").asText()).isEqualTo(recorded.get(1).requestBody()).contains("\"Hi\"");
        assertThat(detail.at("/request_headers/X-Chatwoot-Signature").asText()).startsWith("sha256=");
        assertThat(detail.has("response_body")).isTrue();

        ApiClient.Result missing = http.get(API + "/deliveries/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).contains("No delivery #999");
    }

    @Test
    void deliveriesNameTheirReceiverAnAgentBotToo() {
        try (BevatelSimulator withBot = BevatelSimulator.builder()
                .agentBot(AgentBotSetup.named("Echo Bot").outgoingSink("bot").servingApiInbox())
                .extension(new Dashboard()).start()) {
            ApiClient client = new ApiClient(withBot);
            long bot = withBot.agentBot("Echo Bot").id();
            client.incoming(client.conversation("Alice", "+15550001111"), "Hi bot");
            withBot.webhooks().await(1, d -> d.receiver().equals(Receiver.agentBot(bot)), WAIT);

            JsonNode rows = client.get(API + "/deliveries").json().get("deliveries");
            assertThat(rows.findValuesAsText("receiver")).contains("agent bot " + bot + " (Echo Bot)");
            long id = withBot.webhooks().byReceiver(Receiver.agentBot(bot)).get(0).id();
            assertThat(client.get(API + "/deliveries/" + id).json().get("receiver").asText())
                    .isEqualTo("agent bot " + bot + " (Echo Bot)");
        }
    }

    @Test
    void theEventStreamSaysHelloThenWhatChangedThenDeliveriesThenResets() throws Exception {
        try (EventStream stream = new EventStream(sim.baseUrl().resolve(API + "/events"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            stream.next("hello", WAIT);

            long id = http.conversation("Alice", "+15550001111");
            // The contact first (not a conversation), then the conversation itself.
            assertThat(stream.next("change", WAIT).data()).isEqualTo("{\"conversations\":[],\"other\":true}");
            // The delivery is recorded on a sending thread: it may be announced before the conversation's change.
            var next = stream.nextOfEach(WAIT, "change", "delivery");
            assertThat(next.get("change").data()).isEqualTo("{\"conversations\":[" + id + "],\"other\":false}");
            assertThat(next.get("delivery").data()).isEqualTo("{\"id\":1,\"conversation_id\":" + id + "}");

            sim.reset();
            // The dispatcher (registered first) empties the journal, then the dashboard hears the reset.
            stream.next("journal_cleared", WAIT);
            stream.next("reset", WAIT);
        }
    }
}
