package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /conversations/{id}/assignments} (app/controllers/api/v1/accounts/conversations/assignments_controller.rb):
 * user, agent bot, team, unassign, and their shapes.
 */
@ExtendWith(WorldPerTest.class)
class AssignmentTest {
    World world;
    long conversation;
    String assignments;
    long sam;
    long kim;
    long support;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        assignments = Http.account("/conversations/" + conversation + "/assignments");
        sam = world.sim.user("Sam Agent").id();
        kim = world.sim.user("Kim Agent").id();
        support = world.sim.team("support").id();
        world.events.clear();
    }

    @Test
    void assigningAnAgentAnswersTheAgentShape() {
        Http.Result r = world.admin.post(assignments, "{\"assignee_id\":" + sam + "}");
        assertThat(r.body()).isEqualTo("{\"id\":" + sam + ",\"account_id\":1,\"availability_status\":\"offline\","
                + "\"auto_offline\":true,\"confirmed\":true,\"email\":\"sam@acme.test\",\"provider\":\"email\","
                + "\"available_name\":\"Sam Agent\",\"name\":\"Sam Agent\",\"role\":\"agent\",\"thumbnail\":\"\"}");
        JsonNode shown = world.show(conversation);
        assertThat(shown.at("/meta/assignee/id").asLong()).isEqualTo(sam);
        assertThat(shown.at("/meta/assignee_type").asText()).isEqualTo("User");
        assertThat(world.delivered()).containsExactly("conversation_updated");
        assertThat(world.events.of(DomainEvent.ConversationUpdated.class).get(0).changes())
                .extracting(AttributeChange::attribute).containsExactly("assignee_id", "updated_at");

        world.sam.post(assignments, "{\"assignee_id\":" + sam + "}");
        world.sam.post(assignments, "{\"assignee_id\":" + kim + "}");
        assertThat(world.contents(conversation)).containsExactly("Assigned to Sam Agent by Bevatel Admin",
                "Assigned to Kim Agent by Sam Agent");
    }

    @Test
    void selfAssignmentAndUnassignment() {
        assertThat(world.sam.post(assignments, "{\"assignee_id\":\"" + sam + "\"}").json().get("id").asLong()).isEqualTo(sam);
        assertThat(world.sam.post(assignments, "{\"assignee_id\":null}").body()).isEqualTo("null");
        world.sam.post(assignments, "{\"assignee_id\":" + kim + "}");
        assertThat(world.admin.post(assignments, "{\"assignee_id\":999}").body()).isEqualTo("null");
        assertThat(world.contents(conversation)).containsExactly("Sam Agent self-assigned this conversation",
                "Conversation unassigned by Sam Agent", "Assigned to Kim Agent by Sam Agent",
                "Conversation unassigned by Bevatel Admin");
        assertThat(world.show(conversation).at("/meta/assignee").isMissingNode()).isTrue();
    }

    @Test
    void aBotTakesTheConversationPendingAndAPersonTakesItBack() {
        Http.Result bot = world.admin.post(assignments, "{\"assignee_id\":1,\"assignee_type\":\"AgentBot\"}");
        assertThat(bot.json().get("bot_type").asText()).isEqualTo("webhook");
        JsonNode pending = world.show(conversation);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.at("/meta/assignee").toString()).isEqualTo("{\"id\":1,\"name\":\"Helper Bot\","
                + "\"description\":null,\"thumbnail\":\"\",\"outgoing_url\":null,\"bot_type\":\"webhook\"}");
        assertThat(world.delivered()).containsExactly("conversation_status_changed", "conversation_updated");

        assertThat(world.admin.post(assignments, "{\"assignee_id\":7,\"assignee_type\":\"AgentBot\"}").body()).isEqualTo("null");
        world.admin.post(assignments, "{\"assignee_id\":" + sam + "}");
        JsonNode open = world.show(conversation);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.at("/meta/assignee_type").asText()).isEqualTo("User");
        assertThat(world.contents(conversation)).containsExactly("Conversation was marked as pending by Bevatel Admin",
                "Conversation was reopened by Bevatel Admin", "Assigned to Sam Agent by Bevatel Admin");
    }

    @Test
    void teamsAnswerTheRawRecordAndDropAnAssigneeOutsideTheTeam() {
        world.admin.post(assignments, "{\"assignee_id\":" + kim + "}");
        Http.Result team = world.admin.post(assignments, "{\"team_id\":" + support + "}");
        assertThat(team.body()).matches("\\{\"id\":" + support + ",\"name\":\"support\",\"description\":null,"
                + "\"allow_auto_assign\":true,\"account_id\":1,\"created_at\":\"2026-01-01T00:00:00.000Z\","
                + "\"updated_at\":\"2026-01-01T00:00:00.000Z\",\"icon\":\"\",\"icon_color\":\"\"}");
        JsonNode shown = world.show(conversation);
        assertThat(shown.at("/meta/assignee").isMissingNode()).isTrue();
        assertThat(shown.at("/meta/team").toString()).isEqualTo("{\"id\":" + support + ",\"name\":\"support\","
                + "\"description\":null,\"allow_auto_assign\":true,\"icon\":\"\",\"icon_color\":\"\",\"account_id\":1,"
                + "\"is_member\":false}");

        world.admin.post(assignments, "{\"assignee_id\":" + sam + "}");
        world.admin.post(assignments, "{\"team_id\":0}");
        assertThat(world.show(conversation).at("/meta/assignee/id").asLong()).isEqualTo(sam);
        assertThat(world.show(conversation).at("/meta/team").isMissingNode()).isTrue();
        assertThat(world.contents(conversation)).containsExactly("Assigned to Kim Agent by Bevatel Admin",
                "Assigned to support by Bevatel Admin", "Assigned to Sam Agent by Bevatel Admin",
                "Unassigned from support by Bevatel Admin");
    }

    @Test
    void errorsAndNoOps() {
        assertThat(world.admin.post(assignments, "{\"team_id\":99}").body())
                .isEqualTo("{\"error\":\"Resource could not be found\"}");
        assertThat(world.admin.post(assignments, "{}").body()).isEqualTo("null");
        assertThat(world.admin.post(Http.account("/conversations/99/assignments"), "{\"assignee_id\":1}").status())
                .isEqualTo(404);
        assertThat(world.events.list()).isEmpty();
    }
}
