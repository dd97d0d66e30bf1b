package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.state.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /agent_bots} and an inbox's bot over HTTP, as Chatwoot 4.16.2 answers them:
 * app/controllers/api/v1/accounts/agent_bots_controller.rb (and its spec), app/policies/agent_bot_policy.rb,
 * app/views/api/v1/models/_agent_bot.json.jbuilder through AgentBotPresenter, and
 * inboxes_controller.rb#agent_bot and #set_agent_bot (spec/controllers/api/v1/accounts/inboxes_controller_spec.rb).
 * The world: administrator "admin-token", agents Sam and Kim, bot "Helper Bot" (id 1, token "bot-token").
 */
@ExtendWith(WorldPerTest.class)
class AgentBotApiTest {
    private static final String BOTS = RolesAndBotsTest.BOTS;
    private static final String NOT_AUTHORIZED = RolesAndBotsTest.NOT_AUTHORIZED;
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;
    private static final String SIGN_IN = RolesAndBotsTest.SIGN_IN;
    private static final String TOKEN = "[1-9A-HJ-NP-Za-km-z]{24}";

    World world;

    /** Every agent-bot route, naming bot {@code id}; the deletion last. */
    private static List<Call> calls(String id) {
        String bot = Http.account("/agent_bots/" + id);
        return List.of(new Call("GET", Http.account("/agent_bots"), null),
                new Call("POST", Http.account("/agent_bots"), "{\"name\":\"New Bot\"}"),
                new Call("GET", bot, null),
                new Call("PATCH", bot, "{\"name\":\"Renamed\"}"),
                new Call("PUT", bot, "{\"description\":\"Put\"}"),
                new Call("DELETE", bot + "/avatar", null),
                new Call("POST", bot + "/reset_access_token", null),
                new Call("POST", bot + "/reset_secret", null),
                new Call("DELETE", bot, null));
    }

    /**
     * Members read (agents without token and secret), administrators change; the policy comes before
     * the lookup, so an agent's change is 401 even for a bot that does not exist. Bots and callers
     * without a token are refused everything; the refusals change nothing.
     */
    @Test
    void eachRouteAsAdministratorAgentBotAndNobody() {
        String before = world.admin.get(Http.account("/agent_bots")).body();
        for (String id : List.of("1", "999")) {
            for (Call call : calls(id)) {
                Http.Result agent = call.by(world.sam);
                if (!call.read()) {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(NOT_AUTHORIZED);
                } else if (call.path().endsWith("/999")) {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(NOT_FOUND);
                } else {
                    assertThat(agent.status()).as("agent: " + call).isEqualTo(200);
                    assertThat(agent.body()).doesNotContain("access_token", "secret", World.BOT);
                }
                assertThat(call.by(world.bot).body()).as("bot: " + call).isEqualTo(BOTS);
                assertThat(call.by(world.admin.withToken(null)).body()).as("nobody: " + call).isEqualTo(SIGN_IN);
            }
        }
        assertThat(world.admin.get(Http.account("/agent_bots")).body()).as("nothing changed").isEqualTo(before);

        for (Call call : calls("999")) {
            boolean collection = call.path().endsWith("/agent_bots");
            Http.Result admin = call.by(world.admin);
            assertThat(admin.status()).as("admin: " + call + " " + admin).isEqualTo(collection ? 200 : 404);
            if (!collection) {
                assertThat(admin.body()).isEqualTo(NOT_FOUND);
            }
        }
        for (Call call : calls("1")) {
            Http.Result admin = call.by(world.admin);
            assertThat(admin.status()).as("admin: " + call + " " + admin).isEqualTo(200);
            if (!admin.body().isEmpty()) {
                JsonNode first = admin.json().isArray() ? admin.json().get(0) : admin.json();
                assertThat(first.has("access_token") && first.has("secret")).as("admin sees token and secret: " + call).isTrue();
            }
        }
    }

    /** The partial's keys, in its order; an administrator also sees the token and the secret, an agent neither. */
    @Test
    void aBotIsShownWithChatwootsKeysInOrder() {
        String secret = world.sim.agentBot("Helper Bot").secret();
        String admin = "{\"id\":1,\"name\":\"Helper Bot\",\"description\":null,\"thumbnail\":\"\",\"outgoing_url\":null,"
                + "\"bot_type\":\"webhook\",\"bot_config\":{},\"account_id\":1,\"access_token\":\"bot-token\",\"secret\":\""
                + secret + "\",\"system_bot\":false}";
        String agent = "{\"id\":1,\"name\":\"Helper Bot\",\"description\":null,\"thumbnail\":\"\",\"outgoing_url\":null,"
                + "\"bot_type\":\"webhook\",\"bot_config\":{},\"account_id\":1,\"system_bot\":false}";
        assertThat(secret).matches(TOKEN);
        assertThat(world.admin.get(Http.account("/agent_bots/1")).body()).isEqualTo(admin);
        assertThat(world.admin.get(Http.account("/agent_bots")).body()).isEqualTo("[" + admin + "]");
        assertThat(world.sam.get(Http.account("/agent_bots/1")).body()).isEqualTo(agent);
        assertThat(world.sam.get(Http.account("/agent_bots")).body()).isEqualTo("[" + agent + "]");
    }

    /**
     * create answers 200 (a render, not 201) with a token and a secret of the bot's own; the token
     * acts as the bot at once. No name is required; avatars are not kept; a bot_config that is not an
     * object is not permitted.
     */
    @Test
    void createAnswers200WithATokenAndASecretOfItsOwn() {
        Http.Result created = world.admin.post(Http.account("/agent_bots"), "{\"name\":\"Echo\",\"description\":\"Says it back\","
                + "\"outgoing_url\":\"https://bots.example/echo\",\"bot_type\":\"webhook\",\"bot_config\":{\"lang\":\"en\",\"n\":[1]},"
                + "\"avatar_url\":\"https://bots.example/echo.png\"}");
        assertThat(created.status()).isEqualTo(200);
        JsonNode echo = created.json();
        assertThat(echo.get("id").asLong()).isEqualTo(2);
        assertThat(echo.get("description").asText()).isEqualTo("Says it back");
        assertThat(echo.get("outgoing_url").asText()).isEqualTo("https://bots.example/echo");
        assertThat(echo.get("bot_config").toString()).isEqualTo("{\"lang\":\"en\",\"n\":[1]}");
        assertThat(echo.get("thumbnail").asText()).as("avatar_url accepted, no avatar kept").isEmpty();
        String token = echo.get("access_token").asText();
        assertThat(token).matches(TOKEN).isNotEqualTo(World.BOT);
        assertThat(echo.get("secret").asText()).matches(TOKEN).isNotEqualTo(world.sim.agentBot("Helper Bot").secret());
        assertThat(world.admin.get(Http.account("/agent_bots/2")).body()).isEqualTo(created.body());

        long conversation = world.conversation("Alice");
        Http.Result said = world.admin.withToken(token).post(Http.account("/conversations/" + conversation + "/messages"),
                "{\"content\":\"Echo\"}");
        assertThat(said.json().get("sender").toString()).isEqualTo("{\"id\":2,\"name\":\"Echo\",\"avatar_url\":\"\",\"type\":\"agent_bot\"}");
        assertThat(world.admin.withToken(token).get("/api/v1/profile").body()).isEqualTo(BOTS);

        JsonNode bare = Http.ok(world.admin.post(Http.account("/agent_bots"), "{\"bot_config\":\"not an object\"}"));
        assertThat(bare.get("name").isNull()).as("no name is required").isTrue();
        assertThat(bare.get("bot_config").toString()).isEqualTo("{}");
        Http.ok(world.admin.post(Http.account("/agent_bots"), "{\"name\":\"Later\"}"));
        assertThat(world.sim.agentBot("Later").id()).as("found past a bot without a name").isEqualTo(4);
    }

    /** The dashboard sends multipart/form-data with an avatar file: accepted, the avatar not kept. */
    @Test
    void aMultipartCreateWithAnAvatarIsAcceptedWithoutKeepingIt() {
        Http.Result created = new Multipart().field("name", "Pictured").field("outgoing_url", "https://bots.example/p")
                .file("avatar", "avatar.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .post(world.sim.baseUrl(), Http.account("/agent_bots"), World.ADMIN);
        JsonNode bot = Http.ok(created);
        assertThat(bot.get("name").asText()).isEqualTo("Pictured");
        assertThat(bot.get("outgoing_url").asText()).isEqualTo("https://bots.example/p");
        assertThat(bot.get("thumbnail").asText()).isEmpty();
    }

    /** update writes what is given and keeps the rest, the token and the secret too. */
    @Test
    void updateChangesOnlyWhatIsGiven() {
        String bot = Http.account("/agent_bots/1");
        JsonNode before = world.admin.get(bot).json();
        JsonNode described = Http.ok(world.admin.patch(bot, "{\"description\":\"Greets\",\"bot_config\":{\"a\":1}}"));
        assertThat(described.get("name").asText()).isEqualTo("Helper Bot");
        assertThat(described.get("description").asText()).isEqualTo("Greets");
        JsonNode replaced = Http.ok(world.admin.put(bot, "{\"outgoing_url\":\"https://bots.example/in\",\"bot_config\":{\"b\":2}}"));
        assertThat(replaced.get("description").asText()).isEqualTo("Greets");
        assertThat(replaced.get("bot_config").toString()).as("bot_config is replaced, not merged").isEqualTo("{\"b\":2}");
        JsonNode cleared = Http.ok(world.admin.patch(bot, "{\"outgoing_url\":null,\"name\":\"Helper\"}"));
        assertThat(cleared.get("outgoing_url").isNull()).isTrue();
        assertThat(cleared.get("name").asText()).isEqualTo("Helper");
        assertThat(cleared.get("access_token")).isEqualTo(before.get("access_token"));
        assertThat(cleared.get("secret")).isEqualTo(before.get("secret"));
    }

    /** The generic 255-character rule of app/models/application_record.rb, then outgoing_url's own 2048. */
    @Test
    void tooLongValuesAre422WithRailsMessagesAndChangeNothing() {
        String tooLong = "{\"name\":\"" + "n".repeat(256) + "\",\"description\":\"" + "d".repeat(256)
                + "\",\"outgoing_url\":\"https://x.example/" + "u".repeat(2031) + "\"}";
        String expected = "{\"message\":\"Name is too long (maximum is 255 characters), Description is too long (maximum is 255 "
                + "characters), Outgoing url is too long (maximum is 2048 characters)\",\"attributes\":[\"name\",\"description\","
                + "\"outgoing_url\"]}";
        Http.Result created = world.admin.post(Http.account("/agent_bots"), tooLong);
        assertThat(created.status()).isEqualTo(422);
        assertThat(created.body()).isEqualTo(expected);
        Http.Result updated = world.admin.patch(Http.account("/agent_bots/1"), tooLong);
        assertThat(updated.status()).isEqualTo(422);
        assertThat(updated.body()).isEqualTo(expected);
        assertThat(world.admin.get(Http.account("/agent_bots")).json()).singleElement()
                .satisfies(bot -> assertThat(bot.get("name").asText()).isEqualTo("Helper Bot"));
        String longest = "{\"name\":\"" + "n".repeat(255) + "\",\"outgoing_url\":\"https://x.example/" + "u".repeat(2030) + "\"}";
        assertThat(world.admin.patch(Http.account("/agent_bots/1"), longest).status()).isEqualTo(200);
    }

    /** Chatwoot's enum setter raises on a bot_type other than webhook (a 500 there); the simulator answers 422. */
    @Test
    void aBotTypeOtherThanWebhookIs422() {
        Http.Result created = world.admin.post(Http.account("/agent_bots"), "{\"name\":\"Dialog\",\"bot_type\":\"csml\"}");
        assertThat(created.status()).isEqualTo(422);
        assertThat(created.body()).isEqualTo("{\"error\":\"'csml' is not a valid bot_type\"}");
        assertThat(world.admin.patch(Http.account("/agent_bots/1"), "{\"bot_type\":\"x\"}").status()).isEqualTo(422);
        assertThat(world.admin.get(Http.account("/agent_bots")).json()).hasSize(1);
    }

    /** reset_access_token answers the new token; the old one stops authenticating at once, the secret stays. */
    @Test
    void resetAccessTokenAnswersTheNewTokenAndTheOldOneStopsWorking() {
        long conversation = world.conversation("Alice");
        String messages = Http.account("/conversations/" + conversation + "/messages");
        String secret = world.sim.agentBot("Helper Bot").secret();
        JsonNode reset = Http.ok(world.admin.post(Http.account("/agent_bots/1/reset_access_token"), null));
        String token = reset.get("access_token").asText();
        assertThat(token).matches(TOKEN).isNotEqualTo(World.BOT);
        assertThat(reset.get("secret").asText()).isEqualTo(secret);
        assertThat(world.admin.get(Http.account("/agent_bots/1")).json().get("access_token").asText()).isEqualTo(token);
        assertThat(world.bot.post(messages, "{\"content\":\"old\"}").body()).isEqualTo("{\"error\":\"Invalid Access Token\"}");
        assertThat(world.admin.withToken(token).post(messages, "{\"content\":\"new\"}").status()).isEqualTo(200);
        assertThat(world.contents(conversation)).containsExactly("new");
    }

    /** reset_secret draws a new secret (later deliveries are signed with it); the token stays. */
    @Test
    void resetSecretDrawsANewSecretOnly() {
        String old = world.sim.agentBot("Helper Bot").secret();
        JsonNode reset = Http.ok(world.admin.post(Http.account("/agent_bots/1/reset_secret"), null));
        assertThat(reset.get("secret").asText()).matches(TOKEN).isNotEqualTo(old);
        assertThat(reset.get("access_token").asText()).isEqualTo(World.BOT);
        assertThat(world.sim.agentBot("Helper Bot").secret()).isEqualTo(reset.get("secret").asText());
        assertThat(world.bot.get(Http.account("/conversations/" + world.conversation("Alice"))).status()).isEqualTo(200);
    }

    /** The simulator keeps no avatars: deleting one answers the bot as it is. */
    @Test
    void deletingTheAvatarAnswersTheBotUnchanged() {
        String shown = world.admin.get(Http.account("/agent_bots/1")).body();
        Http.Result deleted = world.admin.delete(Http.account("/agent_bots/1/avatar"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(shown);
        assertThat(world.admin.get(Http.account("/agent_bots/1")).body()).isEqualTo(shown);
    }

    /**
     * destroy answers 200 with no body; the bot is gone (404, its token unknown), its messages lose their
     * sender and its conversations their assignee (dependent: :nullify), and its inbox has no bot any more.
     */
    @Test
    void destroyForgetsTheBotItsSenderAndAssigneeRoles() {
        world.admin.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":1}");
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);
        assertThat(world.show(conversation).at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
        Http.ok(world.bot.post(base + "/messages", "{\"content\":\"Beep\"}"));

        world.events.clear();
        Http.Result destroyed = world.admin.delete(Http.account("/agent_bots/1"));
        assertThat(destroyed.status()).isEqualTo(200);
        assertThat(destroyed.body()).isEmpty();
        assertThat(world.events.names()).as("nullified without callbacks: no events").isEmpty();
        assertThat(world.admin.get(Http.account("/agent_bots/1")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.delete(Http.account("/agent_bots/1")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/agent_bots")).body()).isEqualTo("[]");
        assertThat(world.bot.get(base).body()).isEqualTo("{\"error\":\"Invalid Access Token\"}");

        JsonNode beep = world.admin.get(base + "/messages").json().get("payload").get(0);
        assertThat(beep.get("content").asText()).isEqualTo("Beep");
        assertThat(beep.has("sender")).isFalse();
        JsonNode shown = world.show(conversation);
        JsonNode embedded = shown.get("last_non_activity_message");
        assertThat(embedded.get("content").asText()).isEqualTo("Beep");
        assertThat(embedded.get("sender_type").isNull() && embedded.get("sender_id").isNull()).isTrue();
        assertThat(embedded.has("sender")).isFalse();
        assertThat(shown.at("/meta/assignee").isMissingNode()).isTrue();
        assertThat(shown.at("/meta/assignee_type").isMissingNode()).isTrue();
        assertThat(shown.get("status").asText()).as("its status stays").isEqualTo("pending");
        assertThat(world.admin.get(Http.account("/inboxes/1/agent_bot")).body()).isEqualTo("{}");
        assertThat(world.show(world.conversation("Bob")).get("status").asText()).isEqualTo("open");
    }

    /** Another account's bots are not found: Current.account.agent_bots.find. */
    @Test
    void anotherAccountsBotIsNotFound() {
        long foreign = foreignBot();
        String bot = Http.account("/agent_bots/" + foreign);
        for (Call call : calls(Long.toString(foreign))) {
            if (!call.path().endsWith("/agent_bots")) {
                assertThat(call.by(world.admin).body()).as(call.toString()).isEqualTo(NOT_FOUND);
            }
        }
        assertThat(world.admin.get(Http.account("/agent_bots")).json()).hasSize(1);
        assertThat(world.admin.get(bot).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":" + foreign + "}").body())
                .isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/inboxes/1/agent_bot")).body()).isEqualTo("{}");
    }

    /** A second account (the builder makes one) with a bot; returns the bot's id. */
    long foreignBot() {
        return SimulatorAccess.store(world.sim).write(tx -> {
            Account other = new Account(tx.nextId(Sequence.ACCOUNT), "Other Account", tx.now());
            tx.state().accounts.put(other);
            return AgentBots.create(tx, other.id(), AgentBots.BotFields.of("Foreign Bot", null)).id();
        });
    }
}
