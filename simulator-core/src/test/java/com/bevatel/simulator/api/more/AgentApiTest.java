package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /agents} over HTTP, as Chatwoot 4.16.2 answers it: app/controllers/api/v1/accounts/agents_controller.rb
 * (and spec/controllers/api/v1/accounts/agents_controller_spec.rb), app/builders/agent_builder.rb,
 * app/policies/user_policy.rb, app/views/api/v1/models/_agent.json.jbuilder, app/jobs/agents/destroy_job.rb.
 * The world: administrator "admin-token" (user 1), agents Sam (2) and Kim (3) of the API inbox, team
 * "support" = Sam, bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class AgentApiTest {
    private static final String NOT_AUTHORIZED = RolesAndBotsTest.NOT_AUTHORIZED;
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;
    private static final String AGENTS = Http.account("/agents");

    World world;

    /** The agent partial, in its key order. */
    static String agent(long id, String email, String name, String role, boolean confirmed, String status, boolean autoOffline) {
        return "{\"id\":" + id + ",\"account_id\":1,\"availability_status\":\"" + status + "\",\"auto_offline\":" + autoOffline
                + ",\"confirmed\":" + confirmed + ",\"email\":\"" + email + "\",\"provider\":\"email\",\"available_name\":\""
                + name + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"thumbnail\":\"\"}";
    }

    /** {@code {"payload": [agents]}}: inbox members and assignable agents. */
    static String payload(String... agents) {
        return "{\"payload\":[" + String.join(",", agents) + "]}";
    }

    static final String ADMIN = agent(1, "admin@bevatel.test", "Bevatel Admin", "administrator", true, "offline", true);
    static final String SAM = agent(2, "sam@acme.test", "Sam Agent", "agent", true, "offline", true);
    static final String KIM = agent(3, "kim@acme.test", "Kim Agent", "agent", true, "offline", true);

    private static Http.Result ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    /** index: every member, administrators and agents, by {@code lower(name)}; agents may list them too. */
    @Test
    void membersListEveryAgentByNameInThePartialsKeyOrder() {
        String all = "[" + ADMIN + "," + KIM + "," + SAM + "]";
        assertThat(ok(world.admin.get(AGENTS)).body()).isEqualTo(all);
        assertThat(ok(world.sam.get(AGENTS)).body()).isEqualTo(all);
    }

    /**
     * create: a new user, unconfirmed (the invitation Chatwoot mails is not sent), added by the
     * administrator with the table's defaults; its own token works at once; it is in no inbox; no webhook.
     */
    @Test
    void anAdministratorAddsAnAgentWhoActsWithItsOwnToken() {
        world.events.clear();
        Http.Result created = ok(world.admin.post(AGENTS, "{\"name\":\"Nora New\",\"email\":\"Nora@Acme.test\",\"role\":\"agent\"}"));
        assertThat(created.body()).isEqualTo(agent(4, "nora@acme.test", "Nora New", "agent", false, "offline", true));
        assertThat(world.events.names()).as("no webhook for agents").isEmpty();
        assertThat(ok(world.admin.get(AGENTS)).json()).extracting(a -> a.get("name").asText())
                .containsExactly("Bevatel Admin", "Kim Agent", "Nora New", "Sam Agent");

        Http nora = world.admin.withToken(world.sim.user("nora@acme.test").accessToken());
        JsonNode profile = nora.get("/api/v1/profile").json();
        assertThat(profile.get("confirmed").asBoolean()).isFalse();
        assertThat(profile.get("inviter_id").asLong()).isEqualTo(1);
        assertThat(profile.at("/accounts/0/availability").asText()).isEqualTo("online");
        world.conversation("Alice");
        assertThat(nora.get(Http.account("/conversations")).json().at("/data/meta/all_count").asLong()).isZero();
        assertThat(nora.get(Http.account("/inboxes")).json().get("payload")).isEmpty();
    }

    /** The email's local part when no name is given; {"agent": {…}} as well as the wrapped keys; role, availability, auto_offline. */
    @Test
    void aNewAgentTakesTheGivenAccountUserFieldsAndTheEmailsLocalPartAsName() {
        assertThat(ok(world.admin.post(AGENTS, "{\"agent\":{\"email\":\"lee@acme.test\",\"role\":\"administrator\","
                + "\"availability\":\"busy\",\"auto_offline\":false}}")).body())
                .isEqualTo(agent(4, "lee@acme.test", "lee", "administrator", false, "busy", false));
        assertThat(ok(world.admin.post(AGENTS, "{\"email\":\"max@acme.test\",\"name\":\" \",\"role\":1,\"availability\":2}"))
                .body()).isEqualTo(agent(5, "max@acme.test", "max", "administrator", false, "offline", true));
        assertThat(world.admin.withToken(world.sim.user("lee").accessToken()).post(Http.account("/inboxes"),
                "{\"name\":\"Lee's\",\"channel\":{\"type\":\"api\"}}").status()).as("an administrator now").isEqualTo(200);
    }

    /** The AccountUser's uniqueness, the User's validations in Chatwoot's order, the enums, the root key. */
    @Test
    void createRefusesWhatChatwootRefuses() {
        String before = world.admin.get(AGENTS).body();
        assertError(world.admin.post(AGENTS, "{\"name\":\"Sam Again\",\"email\":\"SAM@acme.test\"}"),
                "{\"message\":\"User has already been taken\",\"attributes\":[\"user_id\"]}");
        assertError(world.admin.post(AGENTS, "{\"name\":\"Bad\",\"email\":\"bad\"}"),
                "{\"message\":\"Email is invalid\",\"attributes\":[\"email\"]}");
        assertError(world.admin.post(AGENTS, "{\"name\":\"No Mail\"}"),
                "{\"message\":\"Email can't be blank\",\"attributes\":[\"email\"]}");
        assertError(world.admin.post(AGENTS, "{\"name\":\"" + "n".repeat(256) + "\",\"email\":\"a b@x\"}"),
                "{\"message\":\"Name is too long (maximum is 255 characters), Email is invalid\",\"attributes\":[\"name\",\"email\"]}");
        assertError(world.admin.post(AGENTS, "{\"email\":\"@acme.test\"}"),
                "{\"message\":\"Email is invalid, Name can't be blank\",\"attributes\":[\"email\",\"name\"]}");
        assertError(world.admin.post(AGENTS, "{\"email\":\"r@acme.test\",\"role\":\"owner\"}"), "{\"error\":\"'owner' is not a valid role\"}");
        assertError(world.admin.post(AGENTS, "{\"email\":\"r@acme.test\",\"availability\":\"away\"}"),
                "{\"error\":\"'away' is not a valid availability\"}");
        assertError(world.admin.post(AGENTS, "{}"), "{\"error\":\"param is missing or the value is empty: agent\"}");
        assertError(world.admin.send("POST", AGENTS, "email=f@acme.test", "application/x-www-form-urlencoded"),
                "{\"error\":\"param is missing or the value is empty: agent\"}");
        // A user of another account: Chatwoot links the same user; a simulated user has one account.
        otherAccountAdmin();
        assertThat(world.admin.post(AGENTS, "{\"email\":\"olga@other.test\"}").body()).contains("another account");
        assertThat(world.admin.get(AGENTS).body()).as("nothing was added").isEqualTo(before);
    }

    /**
     * update (PATCH and PUT): the name, then the account user's role, availability and auto_offline
     * (the spec's example); the email is permitted but not applied; null values are dropped.
     */
    @Test
    void updateChangesTheNameAndTheAccountUserButNotTheEmail() {
        String sam = Http.account("/agents/2");
        assertThat(ok(world.admin.patch(sam, "{\"role\":\"administrator\",\"availability\":\"busy\",\"auto_offline\":false}"))
                .body()).isEqualTo(agent(2, "sam@acme.test", "Sam Agent", "administrator", true, "busy", false));
        assertThat(ok(world.admin.put(sam, "{\"name\":\"Samuel\",\"email\":\"new@acme.test\",\"role\":null}")).body())
                .isEqualTo(agent(2, "sam@acme.test", "Samuel", "administrator", true, "busy", false));
        assertThat(world.sam.post(Http.account("/inboxes"), "{\"name\":\"Sam's\",\"channel\":{\"type\":\"api\"}}").status())
                .as("Sam is an administrator now").isEqualTo(200);
        assertThat(ok(world.admin.patch(sam, "{\"agent\":{\"role\":\"agent\",\"auto_offline\":true}}")).json()
                .get("availability_status").asText()).isEqualTo("offline");
        assertThat(world.sam.delete(Http.account("/inboxes/2")).body()).as("an agent again").isEqualTo(NOT_AUTHORIZED);

        assertError(world.admin.patch(sam, "{\"name\":\"\"}"), "{\"message\":\"Name can't be blank\",\"attributes\":[\"name\"]}");
        assertError(world.admin.patch(sam, "{\"name\":\"" + "n".repeat(256) + "\"}"),
                "{\"message\":\"Name is too long (maximum is 255 characters)\",\"attributes\":[\"name\"]}");
        assertError(world.admin.patch(sam, "{\"role\":\"owner\"}"), "{\"error\":\"'owner' is not a valid role\"}");
        assertThat(world.admin.get(AGENTS).json().get(2).get("name").asText()).isEqualTo("Samuel");
    }

    /** fetch_agent runs before check_authorization: an agent naming an unknown id gets 404, a known one 401. */
    @Test
    void updateAndDestroyFindTheAgentBeforeAskingThePolicy() {
        for (String id : List.of("3", "999", "abc")) {
            String path = Http.account("/agents/" + id);
            String expected = id.equals("3") ? NOT_AUTHORIZED : NOT_FOUND;
            assertThat(world.sam.patch(path, "{\"name\":\"x\"}").body()).as("PATCH " + id).isEqualTo(expected);
            assertThat(world.sam.put(path, "{\"name\":\"x\"}").body()).as("PUT " + id).isEqualTo(expected);
            assertThat(world.sam.delete(path).body()).as("DELETE " + id).isEqualTo(expected);
        }
        assertThat(world.admin.patch(Http.account("/agents/999"), "{\"name\":\"x\"}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.delete(Http.account("/agents/999")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.post(AGENTS, "{\"email\":\"x@acme.test\"}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(AGENTS + "/bulk_create", "{\"emails\":[\"x@acme.test\"]}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(ok(world.admin.get(AGENTS)).body()).isEqualTo("[" + ADMIN + "," + KIM + "," + SAM + "]");
    }

    /**
     * destroy: 200 with no body; the member's inbox and team memberships go, their conversations are
     * unassigned and their messages lose their sender, without events or activity messages; their token stops working.
     */
    @Test
    void destroyingAnAgentUnstaffsAndUnassignsWithoutEvents() {
        long conversation = world.conversation("Alice");
        ok(world.admin.post(Http.account("/conversations/" + conversation + "/assignments"), "{\"assignee_id\":2}"));
        ok(world.sam.post(Http.account("/conversations/" + conversation + "/messages"), "{\"content\":\"Sam here\"}"));
        List<String> before = world.contents(conversation);
        world.events.clear();

        Http.Result deleted = ok(world.admin.delete(Http.account("/agents/2")));
        assertThat(deleted.body()).isEmpty();
        assertThat(world.events.names()).isEmpty();
        assertThat(world.contents(conversation)).as("no activity message").isEqualTo(before);
        JsonNode shown = world.show(conversation);
        assertThat(shown.at("/meta/assignee").isMissingNode()).as(shown.toString()).isTrue();
        JsonNode messages = world.admin.get(Http.account("/conversations/" + conversation + "/messages")).json().get("payload");
        JsonNode fromSam = messages.get(messages.size() - 1);
        assertThat(fromSam.get("content").asText()).isEqualTo("Sam here");
        assertThat(fromSam.has("sender")).as("the message has no sender: " + fromSam).isFalse();
        assertThat(ok(world.admin.get(AGENTS)).body()).isEqualTo("[" + ADMIN + "," + KIM + "]");
        assertThat(world.admin.get(Http.account("/inbox_members/1")).json().get("payload"))
                .extracting(u -> u.get("id").asLong()).containsExactly(3L);
        SimulatorAccess.store(world.sim).read(state -> {
            assertThat(state.teamMembers.all()).isEmpty();
            state.checkInvariants();
            return null;
        });
        assertThat(world.sam.get(Http.account("/conversations")).body()).isEqualTo("{\"error\":\"Invalid Access Token\"}");
    }

    /**
     * bulk_create: each email as a new agent named by its local part; a member already there, an invalid
     * or repeated email is skipped (Chatwoot logs and ignores the RecordInvalid); 200 with no body.
     */
    @Test
    void bulkCreateAddsEachNewEmailAndSkipsTheRest() {
        Http.Result bulk = ok(world.admin.post(AGENTS + "/bulk_create",
                "{\"emails\":[\"exists@acme.test\",\"sam@acme.test\",\"bad\",\"Exists@acme.test\",\"\",\"zoe@acme.test\"]}"));
        assertThat(bulk.body()).isEmpty();
        assertThat(ok(world.admin.get(AGENTS)).body()).isEqualTo("[" + ADMIN + ","
                + agent(4, "exists@acme.test", "exists", "agent", false, "offline", true) + "," + KIM + "," + SAM + ","
                + agent(5, "zoe@acme.test", "zoe", "agent", false, "offline", true) + "]");
        ok(world.admin.send("POST", AGENTS + "/bulk_create", "emails[]=form@acme.test", "application/x-www-form-urlencoded"));
        assertThat(world.sim.user("form").email()).isEqualTo("form@acme.test");
        // emails.count on nil: a 500 in Chatwoot.
        assertError(world.admin.post(AGENTS + "/bulk_create", "{}"), "{\"error\":\"param is missing or the value is empty: emails\"}");
    }

    /** Not BOT_ACCESSIBLE_ENDPOINTS; and no token at all is devise's 401. Another account's agents are not found. */
    @Test
    void botsStrangersAndOtherAccountsAreRefused() {
        String sign = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";
        for (String[] call : new String[][] {{"GET", AGENTS}, {"POST", AGENTS}, {"PATCH", AGENTS + "/2"}, {"PUT", AGENTS + "/2"},
                {"DELETE", AGENTS + "/2"}, {"POST", AGENTS + "/bulk_create"}}) {
            String body = call[0].equals("GET") || call[0].equals("DELETE") ? null : "{\"name\":\"x\",\"emails\":[\"b@x.test\"]}";
            assertThat(world.bot.send(call[0], call[1], body, "application/json").body()).as("bot " + call[1])
                    .isEqualTo(RolesAndBotsTest.BOTS);
            assertThat(world.admin.withToken(null).send(call[0], call[1], body, "application/json").body()).isEqualTo(sign);
        }
        long olga = otherAccountAdmin();
        assertThat(world.admin.patch(AGENTS + "/" + olga, "{\"name\":\"x\"}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.delete(AGENTS + "/" + olga).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.withToken("olga-token").get(AGENTS).status()).isEqualTo(401);
        assertThat(world.admin.withToken("olga-token").get("/api/v1/accounts/2/agents").json())
                .extracting(a -> a.get("name").asText()).containsExactly("Olga Other");
    }

    private long otherAccountAdmin() {
        return SimulatorAccess.store(world.sim).write(tx -> {
            Account other = new Account(tx.nextId(Sequence.ACCOUNT), "Other Account", tx.now());
            tx.state().accounts.put(other);
            return Users.add(tx, new User(tx.nextId(Sequence.USER), other.id(), "Olga Other", null, "olga@other.test",
                    Role.ADMINISTRATOR, "olga-token", tx.token(), tx.now())).id();
        });
    }

    /** A 422 with exactly this body. */
    static void assertError(Http.Result result, String body) {
        assertThat(result.status()).as(result.toString()).isEqualTo(422);
        assertThat(result.body()).isEqualTo(body);
    }
}
