package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /inbox_members} over HTTP (app/controllers/api/v1/accounts/inbox_members_controller.rb and its spec,
 * app/models/inbox_member.rb, app/views/api/v1/accounts/inbox_members/) and what membership changes: which
 * inboxes and conversations an agent sees (app/policies/inbox_policy.rb, app/policies/conversation_policy.rb,
 * Conversations::PermissionFilterService). The world: administrator 1, agents Sam (2) and Kim (3) of the API
 * inbox 1; a second inbox without members, with one conversation.
 */
@ExtendWith(WorldPerTest.class)
class InboxMemberApiTest {
    private static final String NOT_AUTHORIZED = RolesAndBotsTest.NOT_AUTHORIZED;
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;
    private static final String MEMBERS = Http.account("/inbox_members");

    World world;
    long second;
    long elsewhere;

    @BeforeEach
    void start() {
        second = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\"}}").json().get("id").asLong();
        long contact = world.contact("{\"inbox_id\":" + second + ",\"name\":\"Olga\"}").get("id").asLong();
        elsewhere = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + second + ",\"contact_id\":" + contact + "}")
                .json().get("id").asLong();
    }

    private Http.Result send(Http client, String method, String body) {
        return client.send(method, MEMBERS, body, "application/json");
    }

    /** show: the inbox's members in the agent partial, to its members and administrators; 401 to other agents. */
    @Test
    void anInboxsMembersAreShownToItsMembersAndAdministrators() {
        assertThat(world.admin.get(MEMBERS + "/1").body()).isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM));
        assertThat(world.sam.get(MEMBERS + "/1").body()).isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM));
        assertThat(world.admin.get(MEMBERS + "/" + second).body()).isEqualTo(AgentApiTest.payload());
        assertThat(world.sam.get(MEMBERS + "/" + second).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.get(MEMBERS + "/999").body()).isEqualTo(NOT_FOUND);
        assertThat(world.bot.get(MEMBERS + "/1").body()).isEqualTo(RolesAndBotsTest.BOTS);
    }

    /**
     * create adds whoever is not a member yet and answers every member; the agent added then sees the
     * inbox, its conversations in lists and by id. No webhook.
     */
    @Test
    void anAgentAddedSeesTheInboxAndItsConversations() {
        assertThat(world.sam.get(Http.account("/conversations/" + elsewhere)).body()).isEqualTo(NOT_AUTHORIZED);
        world.events.clear();
        Http.Result added = send(world.admin, "POST", "{\"inbox_id\":" + second + ",\"user_ids\":[2]}");
        assertThat(added.body()).isEqualTo(AgentApiTest.payload(AgentApiTest.SAM));
        assertThat(send(world.admin, "POST", "{\"inbox_id\":" + second + ",\"user_ids\":[2,3]}").body())
                .as("a member already there is skipped").isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM));
        assertThat(world.events.names()).isEmpty();

        assertThat(world.sam.get(Http.account("/conversations/" + elsewhere)).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/conversations?inbox_id=" + second)).json().at("/data/payload"))
                .extracting(c -> c.get("id").asLong()).containsExactly(elsewhere);
        assertThat(world.sam.get(Http.account("/inboxes")).json().get("payload")).extracting(i -> i.get("id").asLong())
                .containsExactly(1L, second);
        assertThat(world.sam.post(Http.account("/conversations/" + elsewhere + "/messages"), "{\"content\":\"I see it\"}")
                .status()).isEqualTo(200);
    }

    /**
     * update replaces the members; the agent removed no longer sees the inbox's conversations, in lists
     * or by id, though one stays assigned to him (Chatwoot unassigns only when an agent leaves the account).
     */
    @Test
    void anAgentRemovedNoLongerSeesTheInboxButKeepsItsAssignments() {
        long mine = world.conversation("Alice");
        world.admin.post(Http.account("/conversations/" + mine + "/assignments"), "{\"assignee_id\":2}");
        assertThat(send(world.admin, "PATCH", "{\"inbox_id\":1,\"user_ids\":[3]}").body()).isEqualTo(AgentApiTest.payload(AgentApiTest.KIM));

        assertThat(world.sam.get(Http.account("/conversations/" + mine)).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.get(Http.account("/conversations")).json().at("/data/meta/all_count").asLong()).isZero();
        assertThat(world.sam.get(Http.account("/inboxes")).json().get("payload")).isEmpty();
        assertThat(world.show(mine).at("/meta/assignee/id").asLong()).as("still assigned").isEqualTo(2);
        assertThat(world.kim.get(Http.account("/conversations/" + mine)).status()).isEqualTo(200);

        // A team of his still opens its conversations by id (ConversationPolicy#team_access?), not the lists.
        world.admin.post(Http.account("/conversations/" + mine + "/assignments"), "{\"team_id\":" + world.sim.team("support").id() + "}");
        assertThat(world.sam.get(Http.account("/conversations/" + mine)).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/conversations")).json().at("/data/meta/all_count").asLong()).isZero();
    }

    /** destroy: the given members leave (unknown and invalid ids are ignored); 200 with no body. */
    @Test
    void destroyRemovesTheGivenMembersAndIgnoresTheRest() {
        Http.Result removed = send(world.admin, "DELETE", "{\"inbox_id\":1,\"user_ids\":[2,999,\"invalid\"]}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEmpty();
        assertThat(world.admin.get(MEMBERS + "/1").body()).isEqualTo(AgentApiTest.payload(AgentApiTest.KIM));
        assertThat(send(world.admin, "DELETE", "{\"inbox_id\":1}").status()).as("no user_ids: nothing").isEqualTo(200);
        assertThat(send(world.admin, "DELETE", "{\"inbox_id\":1,\"user_ids\":\"3\"}").status()).as("one id").isEqualTo(200);
        assertThat(world.admin.get(MEMBERS + "/1").body()).isEqualTo(AgentApiTest.payload());
    }

    /**
     * InboxMember's validations (the spec's {@code ['invalid']} → "User must exist"); the first failing
     * id fails the whole request. A string is never equal to a member's integer id, so "2" is added again.
     */
    @Test
    void invalidUserIdsAreRefusedAndNothingChanges() {
        String before = world.admin.get(MEMBERS + "/1").body();
        for (String method : List.of("POST", "PATCH")) {
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1,\"user_ids\":[\"invalid\"]}"),
                    "{\"message\":\"User must exist\",\"attributes\":[\"user\"]}");
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1,\"user_ids\":[1,999]}"),
                    "{\"message\":\"User must exist\",\"attributes\":[\"user\"]}");
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1,\"user_ids\":[\"2\"]}"),
                    "{\"message\":\"User has already been taken\",\"attributes\":[\"user_id\"]}");
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1,\"user_ids\":[\"\"]}"),
                    "{\"message\":\"User can't be blank, User must exist\",\"attributes\":[\"user_id\",\"user\"]}");
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1}"), "{\"error\":\"param is missing or the value is empty: user_ids\"}");
            AgentApiTest.assertError(send(world.admin, method, "{\"inbox_id\":1,\"user_ids\":3}"),
                    "{\"error\":\"Invalid parameter user_ids: expected an array\"}");
        }
        assertThat(world.admin.get(MEMBERS + "/1").body()).isEqualTo(before);
        assertThat(world.admin.get(MEMBERS + "/" + second).body()).isEqualTo(AgentApiTest.payload());
        // Form-encoded ids are strings: a new one is added.
        assertThat(world.admin.send("POST", MEMBERS, "inbox_id=" + second + "&user_ids[]=3", "application/x-www-form-urlencoded")
                .body()).isEqualTo(AgentApiTest.payload(AgentApiTest.KIM));
    }

    /** The inbox is found first (404, also without inbox_id), then the policy asked: administrators only (401). */
    @Test
    void theInboxIsFoundBeforeThePolicyIsAsked() {
        for (String method : List.of("POST", "PATCH", "DELETE")) {
            assertThat(send(world.sam, method, "{\"inbox_id\":1,\"user_ids\":[2]}").body()).as(method).isEqualTo(NOT_AUTHORIZED);
            assertThat(send(world.sam, method, "{\"inbox_id\":999,\"user_ids\":[2]}").body()).as(method).isEqualTo(NOT_FOUND);
            assertThat(send(world.admin, method, "{\"inbox_id\":null,\"user_ids\":[2]}").body()).as(method).isEqualTo(NOT_FOUND);
            assertThat(send(world.admin, method, "{\"user_ids\":[2]}").body()).as(method).isEqualTo(NOT_FOUND);
            assertThat(send(world.bot, method, "{\"inbox_id\":1,\"user_ids\":[2]}").body()).as(method).isEqualTo(RolesAndBotsTest.BOTS);
        }
        JsonNode members = world.admin.get(MEMBERS + "/1").json().get("payload");
        assertThat(members).extracting(u -> u.get("id").asLong()).containsExactly(2L, 3L);
    }
}
