package com.bevatel.simulator.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP: health, reset, journal, faults, sinks, state, OpenAPI. */
class AdminApiTest {
    private static final String CONTACTS = "/api/v1/accounts/1/contacts";
    private BevatelSimulator sim;
    private Client api;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().accessToken("T").apiInboxWebhookSink("inbox-hooks")
                .extension(new AdminApi(new AdminApi.Settings("test", null, null, null))).start();
        api = new Client(sim.baseUrl(), "T");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void healthAndReadinessTellWhatAClientNeeds() {
        assertThat(api.get("/_simulator/health").body()).isEqualTo("{\"status\":\"ok\"}");
        JsonNode ready = api.get("/_simulator/ready").json();
        assertThat(ready.get("ready").asBoolean()).isTrue();
        assertThat(ready.get("base_url").asText()).isEqualTo(sim.baseUrl().toString());
        assertThat(ready.get("port").asInt()).isEqualTo(sim.port());
        assertThat(ready.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(ready.get("access_token").asText()).isEqualTo("T");
        assertThat(ready.at("/api_inbox/inbox_identifier").asText()).isEqualTo(sim.apiInbox().identifier());
        assertThat(ready.get("admin_token_required").asBoolean()).isFalse();
        assertThat(ready.get("state_file").isNull()).isTrue();
    }

    @Test
    void resetReturnsToTheSeededWorld() {
        assertThat(api.post(CONTACTS, "{\"name\":\"Alice\"}").status()).isEqualTo(200);
        JsonNode reset = api.post("/_simulator/reset", null).json();
        assertThat(reset.get("reset").asBoolean()).isTrue();
        assertThat(reset.get("clock").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(api.get(CONTACTS + "/1").status()).isEqualTo(404);
    }

    @Test
    void resetClearsFaultsAndSinksUnlessAskedToKeepThem() {
        api.post("/_simulator/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/profile\",\"status\":429,\"times\":10}");
        api.put("/_simulator/sinks/crm", "{\"status\":503}");
        assertThat(api.get("/api/v1/profile").status()).isEqualTo(429);

        JsonNode kept = api.post("/_simulator/reset?keep=faults,sinks", null).json();
        assertThat(kept.get("kept")).extracting(JsonNode::asText).containsExactly("faults", "sinks");
        assertThat(api.get("/api/v1/profile").status()).as("the fault was kept").isEqualTo(429);
        assertThat(api.get("/_simulator/sinks/crm").json().get("status").asInt()).isEqualTo(503);

        assertThat(api.post("/_simulator/reset?keep=faults,clock", null).status()).isEqualTo(422);
        assertThat(api.post("/_simulator/reset", null).json().get("kept")).isEmpty();
        assertThat(api.get("/api/v1/profile").status()).as("no fault after a full reset").isEqualTo(200);
        assertThat(api.get("/_simulator/faults").json().get("rules")).isEmpty();
        assertThat(api.get("/_simulator/faults/log").json().get("injected")).isEmpty();
        JsonNode sink = api.get("/_simulator/sinks/crm").json();
        assertThat(sink.get("status").asInt()).isEqualTo(200);
        assertThat(sink.get("received").asLong()).isZero();
    }

    @Test
    void theJournalListsFiltersShowsAndClearsDeliveries() {
        assertThat(api.put("/_simulator/sinks/down", "{\"status\":500}").json().get("status").asInt()).isEqualTo(500);
        assertThat(api.post("/api/v1/accounts/1/webhooks", "{\"url\":\"" + sim.sinkUrl("down")
                + "\",\"subscriptions\":[\"message_created\"]}").status()).isEqualTo(200);
        api.post(CONTACTS, "{\"inbox_id\":1,\"name\":\"Alice\"}");
        api.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
        api.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Hi\",\"message_type\":\"incoming\"}");
        sim.webhooks().await(2, d -> d.event().equals("message_created"), Duration.ofSeconds(20));
        List<Delivery> all = sim.webhooks().all();

        JsonNode listed = api.get("/_simulator/deliveries").json();
        assertThat(listed.get("deliveries")).hasSize(all.size());
        assertThat(listed.get("held").asInt()).isEqualTo(all.size());
        JsonNode first = listed.at("/deliveries/0");
        assertThat(first.get("id").asLong()).isEqualTo(all.get(0).id());
        assertThat(first.has("payload")).as("summaries leave bodies out").isFalse();

        JsonNode failed = api.get("/_simulator/deliveries?status=failure").json().get("deliveries");
        assertThat(failed).singleElement().satisfies(d -> {
            assertThat(d.get("event").asText()).isEqualTo("message_created");
            assertThat(d.get("response_status").asInt()).isEqualTo(500);
            assertThat(d.at("/receiver/kind").asText()).isEqualTo("account_webhook");
            assertThat(d.get("succeeded").asBoolean()).isFalse();
            assertThat(d.get("failure").asText()).contains("500");
        });
        JsonNode inbox = api.get("/_simulator/deliveries?receiver=api_inbox:1&status=success").json().get("deliveries");
        assertThat(inbox).isNotEmpty().allSatisfy(d -> assertThat(d.at("/receiver/id").asLong()).isEqualTo(1));
        assertThat(api.get("/_simulator/deliveries?event=message_created&conversation_id=1").json().get("deliveries"))
                .hasSize(2);
        assertThat(api.get("/_simulator/deliveries?conversation_id=2").json().get("deliveries")).isEmpty();
        long lastId = all.get(all.size() - 1).id();
        assertThat(api.get("/_simulator/deliveries?since_id=" + (lastId - 1)).json().get("deliveries"))
                .singleElement().satisfies(d -> assertThat(d.get("id").asLong()).isEqualTo(lastId));
        assertThat(api.get("/_simulator/deliveries?order=desc&limit=1").json().at("/deliveries/0/id").asLong()).isEqualTo(lastId);

        JsonNode full = api.get("/_simulator/deliveries/" + failed.get(0).get("id").asLong()).json();
        assertThat(full.at("/payload/content").asText()).isEqualTo("Hi");
        assertThat(full.at("/request_headers/X-Chatwoot-Signature").asText()).startsWith("sha256=");
        assertThat(full.get("request_body").asText()).contains("\"event\":\"message_created\"");
        assertThat(api.get("/_simulator/deliveries?bodies=true").json().at("/deliveries/0/payload").isObject()).isTrue();
        assertThat(api.get("/_simulator/deliveries/999").status()).isEqualTo(404);

        assertThat(api.get("/_simulator/deliveries?status=maybe").status()).isEqualTo(422);
        assertThat(api.get("/_simulator/deliveries?receiver=agent_bot:1").json().get("deliveries")).as("no bot here").isEmpty();
        assertThat(api.get("/_simulator/deliveries?receiver=crm").json().get("error").asText())
                .contains("account_webhook:", "api_inbox:", "agent_bot:");
        assertThat(api.get("/_simulator/sinks/down").json().get("received").asLong()).isPositive();

        assertThat(api.delete("/_simulator/deliveries").json().get("cleared").asInt()).isEqualTo(all.size());
        assertThat(api.get("/_simulator/deliveries").json().get("deliveries")).isEmpty();
    }

    /** A bot whose outgoing_url is a sink: what it would receive, read through the admin API. */
    @Test
    void deliveriesToAnAgentBotAreListedAndFilteredByIt() {
        try (BevatelSimulator withBot = BevatelSimulator.builder().accessToken("T")
                .agentBot(AgentBotSetup.named("Echo Bot").outgoingSink("bot").servingApiInbox())
                .extension(new AdminApi(new AdminApi.Settings("test", null, null, null))).start()) {
            Client admin = new Client(withBot.baseUrl(), "T");
            admin.post(CONTACTS, "{\"inbox_id\":1,\"name\":\"Alice\"}");
            admin.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
            admin.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Hi bot\",\"message_type\":\"incoming\"}");
            Receiver bot = Receiver.agentBot(withBot.agentBot("Echo Bot").id());
            withBot.webhooks().await(1, d -> d.receiver().equals(bot), Duration.ofSeconds(20));

            JsonNode listed = admin.get("/_simulator/deliveries?receiver=agent_bot:" + bot.id() + "&bodies=true").json()
                    .get("deliveries");
            assertThat(listed).singleElement().satisfies(d -> {
                assertThat(d.get("event").asText()).isEqualTo("message_created");
                assertThat(d.at("/receiver/kind").asText()).isEqualTo("agent_bot");
                assertThat(d.at("/receiver/id").asLong()).isEqualTo(bot.id());
                assertThat(d.get("url").asText()).isEqualTo(withBot.sinkUrl("bot").toString());
                assertThat(d.get("succeeded").asBoolean()).isTrue();
                assertThat(d.at("/payload/content").asText()).isEqualTo("Hi bot");
                assertThat(d.at("/request_headers/X-Chatwoot-Signature").asText()).startsWith("sha256=");
            });
            assertThat(admin.get("/_simulator/sinks/bot").json().get("received").asLong()).isEqualTo(1);
            assertThat(admin.get("/_simulator/deliveries?receiver=agent_bot:" + (bot.id() + 1)).json().get("deliveries"))
                    .isEmpty();
        }
    }

    @Test
    void injectedFaultsAnswerExactlyNTimesAndAreLogged() {
        Client.Result added = api.post("/_simulator/faults", "{\"method\":\"POST\",\"path\":\"/api/v1/accounts/*/contacts\","
                + "\"status\":429,\"retry_after\":1,\"times\":2}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long rule = added.json().get("id").asLong();
        assertThat(added.json().get("kind").asText()).isEqualTo("respond");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Client.Result r = api.post(CONTACTS, "{\"name\":\"Retry " + i + "\"}");
            statuses.add(r.status());
            if (r.status() == 429) {
                assertThat(r.header("Retry-After")).isEqualTo("1");
            }
        }
        assertThat(statuses).containsExactly(429, 429, 200);
        assertThat(api.get(CONTACTS + "/1").json().at("/payload/name").asText()).isEqualTo("Retry 2");

        JsonNode log = api.get("/_simulator/faults/log").json().get("injected");
        assertThat(log).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.get("rule_id").asLong()).isEqualTo(rule);
            assertThat(entry.get("status").asInt()).isEqualTo(429);
            assertThat(entry.get("path").asText()).isEqualTo(CONTACTS);
        });
        assertThat(api.get("/_simulator/faults/log?since_id=1").json().get("injected")).hasSize(1);
        JsonNode rules = api.get("/_simulator/faults").json().get("rules");
        assertThat(rules.get(0).get("applied").asInt()).isEqualTo(2);
        assertThat(rules.get(0).get("remaining").asInt()).isZero();

        assertThat(api.post("/_simulator/faults", "{\"path\":\"/api/**\",\"drop\":true,\"status\":500}").status()).isEqualTo(422);
        assertThat(api.post("/_simulator/faults", "{\"path\":\"/api/**\"}").json().get("error").asText()).contains("give status");
        assertThat(api.post("/_simulator/faults", "{\"status\":500,\"probability\":2}").json().get("error").asText())
                .contains("probability");
        assertThat(api.post("/_simulator/faults", "{\"status\":503,\"delay_ms\":100,\"body\":{\"error\":\"down\"},"
                + "\"path\":\"/api/v1/profile\",\"times\":1}").status()).isEqualTo(201);
        Client.Result delayed = api.get("/api/v1/profile");
        assertThat(delayed.status()).isEqualTo(503);
        assertThat(delayed.body()).isEqualTo("{\"error\":\"down\"}");

        assertThat(api.delete("/_simulator/faults/" + rule).json().get("removed").asInt()).isEqualTo(1);
        assertThat(api.delete("/_simulator/faults/" + rule).status()).isEqualTo(404);
        assertThat(api.delete("/_simulator/faults/log").json().get("cleared").asInt()).isEqualTo(3);
        assertThat(api.delete("/_simulator/faults").json().get("removed").asInt()).isEqualTo(1);
    }

    @Test
    void sinksAnswerAsConfigured() {
        JsonNode sink = api.put("/_simulator/sinks/crm", "{\"status\":503,\"delay_ms\":10}").json();
        assertThat(sink.get("url").asText()).isEqualTo(sim.sinkUrl("crm").toString());
        assertThat(sim.sink("crm").status()).isEqualTo(503);
        assertThat(sim.sink("crm").delay()).isEqualTo(Duration.ofMillis(10));
        assertThat(api.put("/_simulator/sinks/crm", "{\"status\":42}").status()).isEqualTo(422);
        assertThat(api.put("/_simulator/sinks/crm", "{}").status()).isEqualTo(422);
        assertThat(api.get("/_simulator/sinks/bad%20name").status()).isEqualTo(422);
        assertThat(api.post("/_simulator/sinks/crm/reset", null).json().get("status").asInt()).isEqualTo(200);
        assertThat(api.get("/_simulator/sinks").json().get("sinks")).extracting(s -> s.get("name").asText())
                .contains("crm", "inbox-hooks");
    }

    @Test
    void stateExportsAndImportsAllOrNothing() {
        api.post(CONTACTS, "{\"inbox_id\":1,\"name\":\"Alice\"}");
        String exported = api.get("/_simulator/state").body();
        String contactBefore = api.get(CONTACTS + "/1").body();
        api.post(CONTACTS, "{\"name\":\"Bob\"}");

        Client.Result imported = api.put("/_simulator/state", exported);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().at("/rows/contacts").asInt()).isEqualTo(1);
        assertThat(api.get(CONTACTS + "/1").body()).isEqualTo(contactBefore);
        assertThat(api.get(CONTACTS + "/2").status()).isEqualTo(404);
        assertThat(api.get("/_simulator/state").body()).isEqualTo(exported);

        ObjectNode broken = (ObjectNode) api.get("/_simulator/state").json();
        ((ObjectNode) broken.get("contact_inboxes").get(0)).put("inbox_id", 9);
        Client.Result refused = api.put("/_simulator/state", broken.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("pointer").asText()).isEqualTo("/contact_inboxes/0/inbox_id");
        assertThat(refused.json().get("error").asText()).contains("inbox_id 9 does not exist");
        assertThat(api.get("/_simulator/state").body()).as("nothing changed").isEqualTo(exported);
        assertThat(api.put("/_simulator/state", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/_simulator/state/save", null).status()).as("no --state file").isEqualTo(409);
    }

    @Test
    void theOpenApiDocumentDescribesRoutesThatExist() {
        Client.Result served = api.get("/_simulator/openapi.json");
        assertThat(served.header("Content-Type")).startsWith("application/json");
        JsonNode doc = served.json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            // The wait would hold the request for its default 10 s.
            String concrete = path.getKey().replace("/wait", "/wait?timeout_ms=0").replace("{id}", "999").replace("{name}", "probe")
                    .replace("{conversation_id}", "1").replace("{action}", "reply").replace("{message_id}", "1");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                Client.Result r = api.send(method, concrete, method.equals("GET") || method.equals("DELETE") ? null : "{}");
                assertThat(r.body()).as(method + " " + concrete).isNotEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
                operations++;
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(25);
    }
}
