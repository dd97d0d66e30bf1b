package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Export → import into another simulator → the API answers byte for byte the same, the rebuilt
 * indexes and child lists equal the originals, and both go on identically (ids, tokens, clock), a bot
 * serving an inbox and the conversation it was assigned, teams, labels, canned responses and custom attribute
 * definitions included.
 * Every step leaves every index in step with the rows ({@link State#checkInvariants}).
 */
class StateRoundTripTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static BevatelSimulator.Builder world() {
        return BevatelSimulator.builder().accessToken("admin-token").agent("Sam Agent", "sam@acme.test", "sam-token")
                .team("Support", "Sam Agent").agentBot("Helper Bot", "bot-token");
    }

    @Test
    void anImportedStateAnswersEveryReadAsTheOriginalAndGoesOnIdentically() throws Exception {
        try (BevatelSimulator original = world().start(); BevatelSimulator copy = world().seed(99).start()) {
            Http a = new Http(original);
            List<String> reads = fill(original, a);

            ObjectNode exported = original.exportState();
            assertThat(exported.get("conversation_participants")).as("one removed, one gone with its conversation").hasSize(1);
            assertThat(exported.get("transcript_requests")).extracting(r -> r.get("email").asText()).containsExactly("boss@example.com");
            copy.importState(Json.mapper().readTree(Json.string(exported)));
            Http b = new Http(copy);

            for (String path : reads) {
                assertThat(normalized(b.get(path), copy)).as(path).isEqualTo(normalized(a.get(path), original));
            }
            assertThat(Json.string(copy.exportState())).isEqualTo(Json.string(exported));
            checkInvariants(copy);
            assertThat(derived(copy)).isEqualTo(derived(original));

            assertThat(b.withToken(copy.user("ivy@acme.test").accessToken()).get("/api/v1/profile").body())
                    .as("the invited agent's profile").isEqualTo(a.withToken(original.user("ivy@acme.test").accessToken())
                            .get("/api/v1/profile").body());
            // Both go on the same way: next ids, seeded tokens and uuids, clock.
            String contact = "{\"inbox_id\":1,\"name\":\"Dana\"}";
            assertThat(normalized(b.post(Http.account("/contacts"), contact), copy))
                    .isEqualTo(normalized(a.post(Http.account("/contacts"), contact), original));
            for (String[] made : new String[][] {{"/teams", "{\"name\":\"Later\"}"}, {"/labels", "{\"title\":\"later\"}"},
                    {"/canned_responses", "{\"short_code\":\"later\",\"content\":\"Later\"}"}}) {
                assertThat(normalized(b.post(Http.account(made[0]), made[1]), copy)).as("the same next id: " + made[0])
                        .isEqualTo(normalized(a.post(Http.account(made[0]), made[1]), original));
            }
            String bot = "{\"name\":\"Later Bot\"}";
            assertThat(normalized(b.post(Http.account("/agent_bots"), bot), copy))
                    .as("a new bot draws the same token and secret").isEqualTo(normalized(a.post(Http.account("/agent_bots"), bot), original));
            String definition = "{\"attribute_display_name\":\"Later\",\"attribute_key\":\"later\"}";
            assertThat(normalized(b.post(Http.account("/custom_attribute_definitions"), definition), copy))
                    .as("the next definition id").isEqualTo(normalized(a.post(Http.account("/custom_attribute_definitions"),
                            definition), original));
            String participant = "{\"user_ids\":[2]}";
            assertThat(normalized(b.post(Http.account("/conversations/1/participants"), participant), copy))
                    .isEqualTo(normalized(a.post(Http.account("/conversations/1/participants"), participant), original));
            String conversation = "{\"inbox_id\":2,\"contact_id\":1}";
            Http.Result inOriginal = a.post(Http.account("/conversations"), conversation);
            assertThat(inOriginal.json().at("/meta/assignee_type").asText()).as(inOriginal.toString()).isEqualTo("AgentBot");
            assertThat(normalized(b.post(Http.account("/conversations"), conversation), copy))
                    .as("the imported inbox's bot takes the new conversation").isEqualTo(normalized(inOriginal, original));
            assertThat(copy.clock().now()).isEqualTo(original.clock().now());
            checkInvariants(original);
            checkInvariants(copy);
        }
    }

    @Test
    void resetAfterAnImportReturnsToTheSeededWorld() {
        try (BevatelSimulator original = world().start(); BevatelSimulator copy = world().start()) {
            Http a = new Http(original);
            a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\"}");
            copy.importState(original.exportState());
            checkInvariants(copy);
            assertThat(new Http(copy).get(Http.account("/contacts/1")).status()).isEqualTo(200);
            copy.reset();
            checkInvariants(copy);
            assertThat(new Http(copy).get(Http.account("/contacts/1")).status()).isEqualTo(404);
        }
    }

    @Test
    void aSimulatorStartsFromAGivenState() {
        try (BevatelSimulator original = world().start()) {
            Http a = new Http(original);
            a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@example.com\"}");
            try (BevatelSimulator started = world().initialState(original.exportState()).start()) {
                checkInvariants(started);
                Http b = new Http(started);
                assertThat(b.get(Http.account("/contacts/1")).body()).isEqualTo(a.get(Http.account("/contacts/1")).body());
                assertThat(b.get(Http.account("/contacts/search?q=alice@example.com")).json().at("/payload/0/id").asLong())
                        .isEqualTo(1);
            }
        }
    }

    /** Writes of every kind, with gaps (deletions), merges, attachments, notes; returns paths to read back. */
    private static List<String> fill(BevatelSimulator sim, Http a) throws Exception {
        Http sam = a.withToken("sam-token");
        ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@example.com\","
                + "\"phone_number\":\"+15550001111\",\"custom_attributes\":{\"tier\":\"gold\",\"score\":1.50}}"));
        ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Bob\",\"identifier\":\"bob-1\"}"));
        ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Carol\"}"));
        ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}"));
        ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":3}"));
        ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2}"));
        ok(sim, a.post(Http.account("/conversations/1/messages"), "{\"content\":\"Hi <there> & \\u2028\",\"message_type\":\"incoming\"}"));
        ok(sim, a.post(Http.account("/conversations/1/messages"), "{\"content\":\"Hello\",\"message_type\":\"outgoing\"}"));
        ok(sim, a.post(Http.account("/conversations/1/messages"), "{\"content\":\"note\",\"private\":true}"));
        ok(sim, multipart(sim, "/api/v1/accounts/1/conversations/1/messages", new byte[] {1, 2, 3, 4, 5}));
        ok(sim, a.post(Http.account("/conversations/1/labels"), "{\"labels\":[\"vip\",\"billing\"]}"));
        ok(sim, a.post(Http.account("/contacts/1/labels"), "{\"labels\":[\"customer\"]}"));
        // Notes: by an agent and by the administrator, one edited, one deleted, one going with its contact.
        ok(sim, sam.post(Http.account("/contacts/1/notes"), "{\"content\":\"Prefers email\"}"));
        ok(sim, a.post(Http.account("/contacts/1/notes"), "{\"content\":\"Gold since 2024\"}"));
        ok(sim, a.post(Http.account("/contacts/3/notes"), "{\"content\":\"Goes with Carol\"}"));
        ok(sim, a.post(Http.account("/contacts/2/notes"), "{\"content\":\"Short-lived\"}"));
        ok(sim, a.delete(Http.account("/contacts/2/notes/4")));
        ok(sim, a.patch(Http.account("/contacts/1/notes/1"), "{\"content\":\"Prefers email, mornings\"}"));
        ok(sim, a.post(Http.account("/conversations/1/assignments"), "{\"assignee_id\":2}"));
        ok(sim, a.post(Http.account("/conversations/1/toggle_priority"), "{\"priority\":\"high\"}"));
        ok(sim, a.post(Http.account("/conversations/3/toggle_status"), "{\"status\":\"resolved\"}"));
        // Participants (one removed, one gone with its conversation) and transcript requests.
        ok(sim, a.post(Http.account("/conversations/1/participants"), "{\"user_ids\":[2,1]}"));
        ok(sim, a.send("DELETE", Http.account("/conversations/1/participants"), "{\"user_ids\":[2]}", "application/json"));
        ok(sim, a.post(Http.account("/conversations/2/participants"), "{\"user_ids\":[2]}"));
        ok(sim, a.post(Http.account("/conversations/1/transcript"), "{\"email\":\"boss@example.com\"}"));
        ok(sim, a.post(Http.account("/conversations/2/transcript"), "{\"email\":\"gone@example.com\"}"));
        ok(sim, a.delete(Http.account("/contacts/3")));
        ok(sim, a.delete(Http.account("/conversations/1/messages/3")));
        ok(sim, a.post(Http.account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\",\"webhook_url\":\"http://127.0.0.1:9/in\"}}"));
        ok(sim, a.post(Http.account("/webhooks"), "{\"url\":\"http://127.0.0.1:9/hooks\",\"subscriptions\":[\"message_created\"]}"));
        ok(sim, sam.post(Http.account("/conversations/1/messages"), "{\"content\":\"From Sam\"}"));
        String identifier = sim.apiInbox().identifier();
        String publicContact = "/public/api/v1/inboxes/" + identifier + "/contacts";
        JsonNode visitor = ok(sim, a.withToken(null).post(publicContact, "{\"name\":\"Visitor\"}")).json();
        String source = visitor.get("source_id").asText();
        ok(sim, a.withToken(null).post(publicContact + "/" + source + "/conversations", "{}"));
        ok(sim, a.withToken(null).post(publicContact + "/" + source + "/conversations/4/messages", "{\"content\":\"public hello\"}"));
        // A contact merge (the visitor names Alice's email) and an inbox deleted with its contact's conversation.
        ok(sim, a.withToken(null).patch(publicContact + "/" + source, "{\"email\":\"alice@example.com\"}"));
        ok(sim, a.post(Http.account("/inboxes"), "{\"name\":\"Third\",\"channel\":{\"type\":\"api\"}}"));
        ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":3,\"name\":\"Dora\",\"email\":\"dora@example.com\"}"));
        ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":3,\"contact_id\":5}"));
        ok(sim, a.delete(Http.account("/inboxes/3")));
        // A bot serving the second inbox: a conversation there starts pending, assigned to it, and the bot writes.
        ok(sim, a.post(Http.account("/agent_bots"), "{\"name\":\"Webhook Bot\",\"description\":\"Answers first\","
                + "\"outgoing_url\":\"http://127.0.0.1:9/bot\",\"bot_config\":{\"lang\":\"en\"}}"));
        ok(sim, a.post(Http.account("/inboxes/2/set_agent_bot"), "{\"agent_bot\":1}"));
        String served = ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":2,\"name\":\"Eve\"}")).json()
                .at("/payload/contact_inbox/source_id").asText();
        long botConversation = ok(sim, a.post(Http.account("/conversations"), "{\"source_id\":\"" + served + "\",\"inbox_id\":2}"))
                .json().get("id").asLong();
        ok(sim, a.withToken("bot-token").post(Http.account("/conversations/" + botConversation + "/messages"),
                "{\"content\":\"Bot here\"}"));
        assertThat(a.get(Http.account("/conversations/" + botConversation)).json().at("/meta/assignee_type").asText())
                .isEqualTo("AgentBot");
        // Custom attribute definitions, values of every JSON kind, one deleted (a gap in the ids).
        String definitions = Http.account("/custom_attribute_definitions");
        ok(sim, a.post(definitions, "{\"attribute_display_name\":\"Tier\",\"attribute_key\":\"tier\",\"attribute_model\":"
                + "\"contact_attribute\",\"attribute_display_type\":\"list\",\"attribute_values\":[\"gold\",1,2.5,true,null]}"));
        ok(sim, a.post(definitions, "{\"attribute_display_name\":\"Gone\",\"attribute_key\":\"gone\"}"));
        ok(sim, a.post(definitions, "{\"attribute_display_name\":\"Score\",\"attribute_key\":\"score\",\"attribute_model\":1,"
                + "\"attribute_display_type\":\"number\"}"));
        ok(sim, a.patch(definitions + "/1", "{\"attribute_description\":\"Support tier\",\"regex_cue\":\"a tier\"}"));
        assertThat(a.delete(definitions + "/2").status()).isEqualTo(204);
        checkInvariants(sim);
        // A team made through the API (icon set) assigned a conversation at its creation, its member list changed;
        // labels (one renamed, which retags, one deleted) and canned responses.
        long team = ok(sim, a.post(Http.account("/teams"), "{\"name\":\"Night Shift\",\"icon\":\"i-lucide-moon\","
                + "\"icon_color\":\"#112233\"}")).json().get("id").asLong();
        ok(sim, a.patch(Http.account("/teams/" + team + "/team_members"), "{\"user_ids\":[1,2]}"));
        ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"team_id\":" + team + "}"));
        ok(sim, a.post(Http.account("/labels"), "{\"title\":\"vip\",\"show_on_sidebar\":true}"));
        ok(sim, a.post(Http.account("/labels"), "{\"title\":\"billing\"}"));
        ok(sim, a.patch(Http.account("/labels/1"), "{\"title\":\"gold\"}"));
        ok(sim, a.delete(Http.account("/labels/2")));
        ok(sim, a.post(Http.account("/canned_responses"), "{\"short_code\":\"hello\",\"content\":\"Hello there\"}"));
        ok(sim, sam.post(Http.account("/canned_responses"), "{\"short_code\":\"bye\",\"content\":\"Goodbye\"}"));
        // People: a profile with every field, an availability shown as set, an agent invited through the API
        // (unconfirmed, with an inviter) and made a member of the second inbox.
        ok(sim, a.put("/api/v1/profile", "{\"profile\":{\"display_name\":\"Boss\",\"message_signature\":\"-- Boss\","
                + "\"ui_settings\":{\"locale\":\"fr\",\"panes\":[1,{\"x\":null}]},\"phone_number\":\"+15550009999\"}}"));
        ok(sim, a.post("/api/v1/profile/availability", "{\"account_id\":1,\"availability\":\"busy\"}"));
        ok(sim, a.post("/api/v1/profile/auto_offline", "{\"account_id\":1,\"auto_offline\":false}"));
        ok(sim, a.post(Http.account("/agents"), "{\"name\":\"Ivy Invited\",\"email\":\"ivy@acme.test\",\"availability\":\"offline\"}"));
        ok(sim, a.post(Http.account("/inbox_members"), "{\"inbox_id\":2,\"user_ids\":[3]}"));
        // A merge through the API: Fay's conversation, message, session and note move to Bob.
        long fay = ok(sim, a.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Fay\",\"email\":\"fay@example.com\"}"))
                .json().at("/payload/contact/id").asLong();
        long fays = ok(sim, a.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":" + fay + "}")).json()
                .get("id").asLong();
        ok(sim, a.post(Http.account("/conversations/" + fays + "/messages"), "{\"content\":\"Fay here\",\"message_type\":\"incoming\"}"));
        ok(sim, sam.post(Http.account("/contacts/" + fay + "/notes"), "{\"content\":\"Fay is Bob\"}"));
        ok(sim, a.post(Http.account("/actions/contact_merge"), "{\"base_contact_id\":2,\"mergee_contact_id\":" + fay + "}"));
        // The second inbox's callback is refused: wait for that to mark the bot's message failed, so no
        // write of the webhook threads lands after the export.
        String botMessages = Http.account("/conversations/" + botConversation + "/messages");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!a.get(botMessages).json().at("/payload/0/status").asText().equals("failed") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(a.get(botMessages).json().at("/payload/0/status").asText()).isEqualTo("failed");
        sim.clock().advance(Duration.ofHours(3));
        List<String> reads = new ArrayList<>(List.of("/api/v1/profile", Http.account("/agents"), Http.account("/inbox_members/2"),
                Http.account("/inboxes/1/assignable_agents"), Http.account("/inboxes"), Http.account("/inboxes/2"),
                Http.account("/contacts"), Http.account("/contacts/1"), Http.account("/contacts/2"),
                Http.account("/contacts/search?q=bob-1"), Http.account("/contacts/1/labels"),
                Http.account("/contacts/1/conversations"), Http.account("/conversations?status=all"),
                Http.account("/conversations/meta?status=all"), Http.account("/webhooks"),
                Http.account("/conversations/1/labels"), "/public/api/v1/inboxes/" + identifier,
                publicContact + "/" + source + "/conversations", publicContact + "/" + source + "/conversations/4/messages",
                "/_simulator/clock", Http.account("/agent_bots"), Http.account("/agent_bots/1"), Http.account("/agent_bots/2"),
                Http.account("/inboxes/1/agent_bot"), Http.account("/inboxes/2/agent_bot"),
                Http.account("/conversations/" + botConversation), Http.account("/conversations/" + botConversation + "/messages"),
                definitions, definitions + "/1", definitions + "/3", definitions + "?attribute_model=contact_attribute",
                Http.account("/teams"), Http.account("/teams/" + team), Http.account("/teams/" + team + "/team_members"),
                Http.account("/labels"), Http.account("/labels/1"), Http.account("/canned_responses"),
                Http.account("/canned_responses?search=bye"),
                Http.account("/contacts/1/notes"), Http.account("/contacts/2/notes"), Http.account("/contacts/1/notes/1"),
                Http.account("/contacts/2/conversations"), Http.account("/contacts/1/attachments"),
                Http.account("/conversations/" + fays + "/messages"),
                Http.account("/conversations/1/participants"), Http.account("/conversations/1/attachments"),
                Http.account("/search?q=o"), Http.account("/conversations/search?q=h")));
        for (int id = 1; id <= 4; id++) {
            reads.add(Http.account("/conversations/" + id));
            reads.add(Http.account("/conversations/" + id + "/messages"));
        }
        return reads;
    }

    /** One step of {@link #fill}: it succeeded and left every index in step with the rows. */
    private static Http.Result ok(BevatelSimulator sim, Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        checkInvariants(sim);
        return result;
    }

    private static void checkInvariants(BevatelSimulator sim) {
        SimulatorAccess.store(sim).read(state -> {
            state.checkInvariants();
            return null;
        });
    }

    private static Http.Result multipart(BevatelSimulator sim, String path, byte[] file) throws Exception {
        String boundary = "----state-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nfile\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                .header("api_access_token", "admin-token").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Result(response.statusCode(), response.body(), null);
    }

    /** Attachment URLs carry the simulator's own address; everything else must match exactly. */
    private static String normalized(Http.Result result, BevatelSimulator sim) {
        return result.status() + " " + result.body().replace(sim.baseUrl().toString(), "BASE");
    }

    /** Every index and child list of the current state, read reflectively (all fields, so a new one is covered). */
    private static Map<String, Object> derived(BevatelSimulator sim) {
        return SimulatorAccess.store(sim).read(state -> {
            Map<String, Object> out = new HashMap<>();
            try {
                for (Field field : State.class.getFields()) {
                    Object value = field.get(state);
                    if (value instanceof Index<?> || value instanceof Children) {
                        Field inner = java.util.Arrays.stream(value.getClass().getDeclaredFields())
                                .filter(f -> Map.class.isAssignableFrom(f.getType())).findFirst().orElseThrow();
                        inner.setAccessible(true);
                        Map<?, ?> map = new HashMap<>((Map<?, ?>) inner.get(value));
                        map.values().removeIf(v -> v instanceof List<?> list && list.isEmpty());
                        out.put(field.getName(), map);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            assertThat(out).hasSizeGreaterThan(15);
            return out;
        });
    }
}
