package com.bevatel.simulator.api.more;

import static com.bevatel.simulator.api.more.RolesAndBotsTest.BOTS;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.NOT_AUTHORIZED;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.NOT_FOUND;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /teams} and {@code /teams/{team_id}/team_members} over HTTP, as Chatwoot 4.16.2 answers them:
 * app/controllers/api/v1/accounts/teams_controller.rb, team_members_controller.rb (and their specs),
 * app/policies/team_policy.rb, team_member_policy.rb, app/models/team.rb, app/views/api/v1/models/_team.json.jbuilder.
 * The world: administrator (user 1), agents Sam (2) and Kim (3), team "support" (id 1) = Sam, bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class TeamApiTest {
    private static final String SUPPORT = "{\"id\":1,\"name\":\"support\",\"description\":null,\"allow_auto_assign\":true,"
            + "\"icon\":\"\",\"icon_color\":\"\",\"account_id\":1,\"is_member\":%s}";

    World world;

    /** Every team route naming team {@code id}; the deletion last. */
    private static List<Call> calls(String id) {
        String team = Http.account("/teams/" + id);
        String members = team + "/team_members";
        return List.of(new Call("GET", Http.account("/teams"), null),
                new Call("POST", Http.account("/teams"), "{\"name\":\"New Team\"}"),
                new Call("GET", team, null),
                new Call("PATCH", team, "{\"name\":\"renamed\"}"),
                new Call("PUT", team, "{\"description\":\"Put\"}"),
                new Call("GET", members, null),
                new Call("POST", members, "{\"user_ids\":[3]}"),
                new Call("PATCH", members, "{\"user_ids\":[3]}"),
                new Call("DELETE", members, "{\"user_ids\":[2]}"),
                new Call("DELETE", team, null));
    }

    /**
     * Members read; administrators change. The team is found before the policy is asked, so an agent's
     * change to an unknown team is 404 and to a known one 401 — but creating one is 401 at once. Bots and
     * callers without a token are refused everything; the refusals change nothing.
     */
    @Test
    void eachRouteAsAdministratorAgentBotAndNobody() {
        String before = world.admin.get(Http.account("/teams")).body() + world.admin.get(Http.account("/teams/1/team_members")).body();
        for (String id : List.of("1", "999")) {
            for (Call call : calls(id)) {
                Http.Result agent = call.by(world.kim);
                boolean collection = call.path().endsWith("/teams");
                if (id.equals("999") && !collection) {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(NOT_FOUND);
                } else if (!call.read()) {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(NOT_AUTHORIZED);
                } else {
                    assertThat(agent.status()).as("agent: " + call).isEqualTo(200);
                }
                assertThat(call.by(world.bot).body()).as("bot: " + call).isEqualTo(BOTS);
                assertThat(call.by(world.admin.withToken(null)).body()).as("nobody: " + call).isEqualTo(SIGN_IN);
            }
        }
        assertThat(world.admin.get(Http.account("/teams")).body() + world.admin.get(Http.account("/teams/1/team_members")).body())
                .as("nothing changed").isEqualTo(before);

        for (Call call : calls("999")) {
            if (!call.path().endsWith("/teams")) {
                assertThat(call.by(world.admin).body()).as("admin: " + call).isEqualTo(NOT_FOUND);
            }
        }
        for (Call call : calls("1")) {
            Http.Result admin = call.by(world.admin);
            assertThat(admin.status()).as("admin: " + call + " " + admin).isEqualTo(200);
        }
        assertThat(world.admin.get(Http.account("/teams/1")).body()).isEqualTo(NOT_FOUND);
    }

    /** The partial's keys in order; is_member is the caller's membership. */
    @Test
    void aTeamIsShownWithChatwootsKeysInOrder() {
        assertThat(world.admin.get(Http.account("/teams/1")).body()).isEqualTo(SUPPORT.formatted("false"));
        assertThat(world.sam.get(Http.account("/teams/1")).body()).isEqualTo(SUPPORT.formatted("true"));
        assertThat(world.kim.get(Http.account("/teams")).body()).isEqualTo("[" + SUPPORT.formatted("false") + "]");
    }

    /**
     * create answers 200 with the partial; the name is stripped of control characters and spaces and
     * lower-cased, unique in the account; the body may be wrapped in "team" or flat (Rails' wrapping),
     * or form-encoded under team[…].
     */
    @Test
    void createNormalisesTheNameAndValidatesIt() {
        JsonNode billing = Http.ok(world.admin.post(Http.account("/teams"), "{\"name\":\"  Bill\\u0007ing \",\"description\":"
                + "\"Invoices\",\"allow_auto_assign\":false,\"icon\":\"i-lucide-wallet\",\"icon_color\":\"#00ff00\"}"));
        assertThat(billing.toString()).isEqualTo("{\"id\":2,\"name\":\"billing\",\"description\":\"Invoices\","
                + "\"allow_auto_assign\":false,\"icon\":\"i-lucide-wallet\",\"icon_color\":\"#00ff00\",\"account_id\":1,"
                + "\"is_member\":false}");
        assertThat(Http.ok(world.admin.post(Http.account("/teams"), "{\"team\":{\"name\":\"Sales\"}}")).get("name").asText())
                .isEqualTo("sales");
        Http.Result form = world.admin.send("POST", Http.account("/teams"), "team%5Bname%5D=Legal",
                "application/x-www-form-urlencoded");
        assertThat(Http.ok(form).get("name").asText()).isEqualTo("legal");

        assertThat(world.admin.post(Http.account("/teams"), "{\"name\":\"SUPPORT\"}").body())
                .isEqualTo("{\"message\":\"Name has already been taken\",\"attributes\":[\"name\"]}");
        assertThat(world.admin.post(Http.account("/teams"), "{\"name\":\" \\t \"}").body())
                .isEqualTo("{\"message\":\"Name must not be blank\",\"attributes\":[\"name\"]}");
        assertThat(world.admin.post(Http.account("/teams"), "{\"description\":\"no name\"}").body())
                .isEqualTo("{\"message\":\"Name must not be blank\",\"attributes\":[\"name\"]}");
        assertThat(world.admin.post(Http.account("/teams"), "{\"name\":\"" + "n".repeat(256) + "\",\"icon\":\"" + "i".repeat(256)
                + "\"}").body()).isEqualTo("{\"message\":\"Name is too long (maximum is 255 characters), Icon is too long "
                + "(maximum is 255 characters)\",\"attributes\":[\"name\",\"icon\"]}");
        assertThat(world.admin.post(Http.account("/teams"), "{}").body())
                .isEqualTo("{\"error\":\"param is missing or the value is empty: team\"}");
        assertThat(world.admin.get(Http.account("/teams")).json()).extracting(t -> t.get("name").asText())
                .containsExactly("support", "billing", "sales", "legal");
    }

    /** PATCH and PUT change what they name; a name another team has is 422; the partial follows. */
    @Test
    void updateChangesWhatIsGiven() {
        Http.Result renamed = world.admin.patch(Http.account("/teams/1"), "{\"name\":\"New-Team\"}");
        assertThat(Http.ok(renamed).get("name").asText()).isEqualTo("new-team");
        JsonNode put = Http.ok(world.admin.put(Http.account("/teams/1"), "{\"description\":\"First line\",\"allow_auto_assign\":\"0\","
                + "\"icon\":\"i-lucide-headset\"}"));
        assertThat(put.toString()).isEqualTo("{\"id\":1,\"name\":\"new-team\",\"description\":\"First line\","
                + "\"allow_auto_assign\":false,\"icon\":\"i-lucide-headset\",\"icon_color\":\"\",\"account_id\":1,\"is_member\":false}");
        Http.ok(world.admin.post(Http.account("/teams"), "{\"name\":\"other\"}"));
        assertThat(world.admin.patch(Http.account("/teams/1"), "{\"name\":\"Other\"}").body())
                .isEqualTo("{\"message\":\"Name has already been taken\",\"attributes\":[\"name\"]}");
        assertThat(world.admin.patch(Http.account("/teams/1"), "{\"name\":null}").body())
                .isEqualTo("{\"message\":\"Name must not be blank\",\"attributes\":[\"name\"]}");
        assertThat(world.admin.patch(Http.account("/teams/1"), "{\"name\":\"new-team\"}").json().get("name").asText())
                .as("its own name is no conflict").isEqualTo("new-team");
        assertThat(world.sim.team("new-team").description()).isEqualTo("First line");
    }

    /**
     * destroy answers 200 without a body; the team's conversations lose it without any event or change
     * of updated_at (dependent: :nullify), their assignee stays, its members go.
     */
    @Test
    void destroyNullifiesTheTeamOfItsConversationsSilently() {
        long conversation = Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\"" + source("Alice")
                + "\",\"inbox_id\":1,\"team_id\":1,\"assignee_id\":2}")).get("id").asLong();
        JsonNode before = world.show(conversation);
        assertThat(before.at("/meta/team/id").asLong()).isEqualTo(1);
        world.events.clear();

        Http.Result deleted = world.admin.delete(Http.account("/teams/1"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();

        JsonNode after = world.show(conversation);
        assertThat(after.at("/meta/team").isMissingNode()).isTrue();
        assertThat(after.at("/meta/assignee/id").asLong()).isEqualTo(2);
        assertThat(after.get("updated_at")).isEqualTo(before.get("updated_at"));
        assertThat(world.events.names()).isEmpty();
        assertThat(world.contents(conversation)).containsExactly("Assigned to Sam Agent via support by Bevatel Admin");
        assertThat(world.admin.get(Http.account("/teams")).body()).isEqualTo("[]");
        assertThat(world.admin.get(Http.account("/teams/1/team_members")).body()).isEqualTo(NOT_FOUND);
        assertThat(SimulatorAccess.store(world.sim).<Integer>read(state -> state.teamMembers.all().size())).isZero();
        Http.Result sam = world.sam.get(Http.account("/conversations/" + conversation));
        assertThat(sam.status()).as("Sam is still a member of the inbox").isEqualTo(200);
    }

    /**
     * index lists the members (agent partial); create adds the ids not yet members and answers those only
     * (a repeated id twice, as Chatwoot's filter_map does); update replaces and answers every member;
     * destroy removes the named ones, ignoring others, and answers 200 without a body.
     */
    @Test
    void membersAreListedAddedReplacedAndRemoved() {
        String members = Http.account("/teams/1/team_members");
        assertThat(world.kim.get(members).body()).isEqualTo("[" + agent(2, "Sam Agent", "sam@acme.test", "agent") + "]");

        assertThat(world.admin.post(members, "{\"user_ids\":[2,3]}").body())
                .isEqualTo("[" + agent(3, "Kim Agent", "kim@acme.test", "agent") + "]");
        assertThat(world.admin.post(members, "{\"user_ids\":[\"1\",1]}").json()).extracting(u -> u.get("id").asLong())
                .as("a repeated id is listed twice").containsExactly(1L, 1L);
        assertThat(world.admin.get(members).json()).extracting(u -> u.get("id").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(world.admin.post(members, "{\"user_ids\":[]}").body()).isEqualTo("[]");

        assertThat(world.admin.patch(members, "{\"user_ids\":[3,1]}").json()).extracting(u -> u.get("id").asLong())
                .containsExactly(1L, 3L);
        Http.Result removed = world.admin.send("DELETE", members, "{\"user_ids\":[3,2]}", "application/json");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEmpty();
        assertThat(world.admin.get(members).json()).extracting(u -> u.get("id").asLong()).containsExactly(1L);
        assertThat(world.admin.get(Http.account("/teams/1")).json().get("is_member").asBoolean()).isTrue();
    }

    /** validate_member_id_params: an id that is no user of the account is 401 "Invalid User IDs"; nothing changes. */
    @Test
    void memberIdsOutsideTheAccountAre401() {
        long olga = world.otherAccountUser();
        String members = Http.account("/teams/1/team_members");
        for (String method : List.of("POST", "PATCH", "DELETE")) {
            for (String ids : List.of("[" + olga + "]", "[3,999]", "[\"abc\"]")) {
                Http.Result refused = world.admin.send(method, members, "{\"user_ids\":" + ids + "}", "application/json");
                assertThat(refused.status()).as(method + " " + ids).isEqualTo(401);
                assertThat(refused.body()).isEqualTo("{\"error\":\"Invalid User IDs\"}");
            }
            assertThat(world.admin.send(method, members, "{}", "application/json").body()).as("Chatwoot: nil.map, 500")
                    .isEqualTo("{\"error\":\"param is missing or the value is empty: user_ids\"}");
            assertThat(world.admin.send(method, members, "{\"user_ids\":3}", "application/json").body())
                    .isEqualTo("{\"error\":\"Invalid parameter user_ids: expected an array\"}");
            assertThat(world.kim.send(method, members, "{\"user_ids\":[" + olga + "]}", "application/json").body())
                    .as("the policy before the ids").isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(world.admin.get(members).json()).extracting(u -> u.get("id").asLong()).containsExactly(2L);
    }

    /** Another account's team is not found (Current.account.teams.find). */
    @Test
    void anotherAccountsTeamIsNotFound() {
        long theirs = world.otherAccountTeam();
        for (Call call : calls(String.valueOf(theirs))) {
            if (!call.path().endsWith("/teams")) {
                assertThat(call.by(world.admin).body()).as(call.toString()).isEqualTo(NOT_FOUND);
            }
        }
        assertThat(world.admin.get(Http.account("/teams")).json()).hasSize(1);
    }

    private String source(String name) {
        return world.contact("{\"inbox_id\":1,\"name\":\"" + name + "\"}").at("/contact_inboxes/0/source_id").asText();
    }

    static String agent(long id, String name, String email, String role) {
        return "{\"id\":" + id + ",\"account_id\":1,\"availability_status\":\"offline\",\"auto_offline\":true,\"confirmed\":true,"
                + "\"email\":\"" + email + "\",\"provider\":\"email\",\"available_name\":\"" + name + "\",\"name\":\"" + name
                + "\",\"role\":\"" + role + "\",\"thumbnail\":\"\"}";
    }
}
