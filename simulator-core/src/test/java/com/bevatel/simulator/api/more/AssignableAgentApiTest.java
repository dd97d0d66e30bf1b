package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who conversations may be assigned to: {@code GET /inboxes/{id}/assignable_agents}
 * (app/controllers/api/v1/accounts/inboxes_controller.rb, app/models/inbox.rb#assignable_agents) and
 * {@code GET /assignable_agents?inbox_ids[]=…} (app/controllers/api/v1/accounts/assignable_agents_controller.rb,
 * app/views/api/v1/accounts/assignable_agents/index.json.jbuilder, and its spec): the inboxes' members,
 * then the administrators. The world: administrator 1, agents Sam (2) and Kim (3) of the API inbox 1, bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class AssignableAgentApiTest {
    private static final String NOT_AUTHORIZED = RolesAndBotsTest.NOT_AUTHORIZED;
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;

    World world;
    long unstaffed;

    @BeforeEach
    void start() {
        unstaffed = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")
                .json().get("id").asLong();
    }

    /** An inbox's members (by id), then the administrators who are not among them; an agent sees only their inboxes'. */
    @Test
    void anInboxsAssignableAgentsAreItsMembersThenTheAdministrators() {
        String inbox1 = Http.account("/inboxes/1/assignable_agents");
        assertThat(world.admin.get(inbox1).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM, AgentApiTest.ADMIN));
        assertThat(world.sam.get(inbox1).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM, AgentApiTest.ADMIN));
        String other = Http.account("/inboxes/" + unstaffed + "/assignable_agents");
        assertThat(world.admin.get(other).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.ADMIN));
        assertThat(world.sam.get(other).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.admin.get(Http.account("/inboxes/999/assignable_agents")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.get(Http.account("/inboxes/999/assignable_agents")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.bot.get(inbox1).body()).isEqualTo(RolesAndBotsTest.BOTS);

        // An administrator who is a member comes with the members, once.
        world.admin.post(Http.account("/inbox_members"), "{\"inbox_id\":" + unstaffed + ",\"user_ids\":[1,3]}");
        assertThat(world.admin.get(other).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.ADMIN, AgentApiTest.KIM));
    }

    /** The members of every inbox named (the intersection), then the administrators; each inbox must be found and visible. */
    @Test
    void acrossInboxesOnlyTheMembersOfEveryOneAreAssignable() {
        String both = Http.account("/assignable_agents?inbox_ids[]=1&inbox_ids[]=" + unstaffed);
        assertThat(world.admin.get(both).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.ADMIN));
        world.admin.post(Http.account("/inbox_members"), "{\"inbox_id\":" + unstaffed + ",\"user_ids\":[3]}");
        assertThat(world.admin.get(both).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.KIM, AgentApiTest.ADMIN));
        assertThat(world.kim.get(both).body()).isEqualTo(AgentApiTest.payload(AgentApiTest.KIM, AgentApiTest.ADMIN));
        assertThat(world.sam.get(both).body()).as("Sam is no member of the second").isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.get(Http.account("/assignable_agents?inbox_ids[]=1&inbox_ids[]=1")).body())
                .isEqualTo(AgentApiTest.payload(AgentApiTest.SAM, AgentApiTest.KIM, AgentApiTest.ADMIN));

        // find: every id must be an inbox of the account, and some id must be given.
        assertThat(world.admin.get(Http.account("/assignable_agents")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/assignable_agents?inbox_ids=1")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/assignable_agents?inbox_ids[]=1&inbox_ids[]=999")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.get(Http.account("/assignable_agents?inbox_ids[]=999&inbox_ids[]=" + unstaffed)).body())
                .as("not found before not authorized").isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/assignable_agents?inbox_ids[]=abc")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.bot.get(both).body()).isEqualTo(RolesAndBotsTest.BOTS);
    }

    /** include_agent_bots (any present value): users say they are users, and the account's bots follow in their own shape. */
    @Test
    void withAgentBotsTheAccountsBotsFollowTheUsers() {
        JsonNode payload = world.admin.get(Http.account("/assignable_agents?inbox_ids[]=1&include_agent_bots=false")).json()
                .get("payload");
        assertThat(payload).hasSize(4);
        assertThat(payload.get(0).toString()).isEqualTo(AgentApiTest.SAM.replaceFirst("}$", ",\"assignee_type\":\"User\"}"));
        assertThat(payload.get(3).toString()).isEqualTo("{\"id\":1,\"name\":\"Helper Bot\",\"description\":null,\"thumbnail\":\"\","
                + "\"outgoing_url\":null,\"bot_type\":\"webhook\",\"assignee_type\":\"AgentBot\",\"icon\":\"i-lucide-bot\","
                + "\"availability_status\":\"offline\"}");
        assertThat(world.admin.get(Http.account("/assignable_agents?inbox_ids[]=1&include_agent_bots=")).json().get("payload"))
                .as("a blank value is absent").hasSize(3);
    }
}
