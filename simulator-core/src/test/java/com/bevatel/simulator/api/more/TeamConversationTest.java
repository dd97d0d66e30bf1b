package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A conversation's team: {@code POST /conversations} with {@code team_id} (app/builders/conversation_builder.rb,
 * app/models/concerns/assignment_handler.rb, team_activity_message_handler.rb), REST {@code meta.team} (the
 * {@code _team} partial of app/views/api/v1/conversations/partials/_conversation.json.jbuilder) and webhooks'
 * {@code meta.team} ({@code Team#push_event_data} through app/presenters/conversations/event_data_presenter.rb).
 * The world: administrator, agents Sam (2, in team "support" = 1) and Kim (3), bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class TeamConversationTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PUSH = "{\"id\":1,\"name\":\"support\",\"icon\":\"\",\"icon_color\":\"\"}";

    World world;
    Receiver hook;

    @BeforeEach
    void start() {
        long id = Http.ok(world.admin.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + world.sim.sinkUrl("teams")
                + "\",\"subscriptions\":[\"conversation_created\",\"conversation_updated\",\"message_created\"]}}"))
                .at("/payload/webhook/id").asLong();
        hook = Receiver.accountWebhook(id);
    }

    private JsonNode delivered(String event, int nth) {
        return world.sim.webhooks().await(nth, d -> d.receiver().equals(hook) && d.event().equals(event), WAIT)
                .get(nth - 1).payload();
    }

    private Http.Result create(Http as, String name, String extra) {
        String source = world.contact("{\"inbox_id\":1,\"name\":\"" + name + "\"}").at("/contact_inboxes/0/source_id").asText();
        return as.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\",\"inbox_id\":1" + extra + "}");
    }

    /**
     * A team and a member of it as assignee: the REST partial shows the team (is_member for the caller), the
     * webhook its push data; one activity line names both; no conversation_updated.
     */
    @Test
    void aConversationCreatedWithATeamShowsItEverywhere() {
        JsonNode created = Http.ok(create(world.admin, "Alice", ",\"team_id\":1,\"assignee_id\":2"));
        long id = created.get("id").asLong();
        assertThat(created.at("/meta/team").toString()).isEqualTo("{\"id\":1,\"name\":\"support\",\"description\":null,"
                + "\"allow_auto_assign\":true,\"icon\":\"\",\"icon_color\":\"\",\"account_id\":1,\"is_member\":false}");
        assertThat(created.at("/meta/assignee/id").asLong()).isEqualTo(2);
        assertThat(world.sam.get(Http.account("/conversations/" + id)).json().at("/meta/team/is_member").asBoolean())
                .as("Sam belongs to the team").isTrue();
        assertThat(world.sam.get(Http.account("/conversations")).json().at("/data/payload/0/meta/team/is_member").asBoolean())
                .isTrue();
        assertThat(world.admin.get(Http.account("/conversations/" + id)).json().at("/meta/team/is_member").asBoolean()).isFalse();

        JsonNode payload = delivered("conversation_created", 1);
        assertThat(payload.at("/meta/team").toString()).isEqualTo(PUSH);
        assertThat(world.contents(id)).containsExactly("Assigned to Sam Agent via support by Bevatel Admin");
        assertThat(world.delivered()).doesNotContain("conversation_updated");

        // Later events carry the team too.
        world.incoming(id, "hello");
        assertThat(delivered("message_created", 1).at("/conversation/meta/team").toString()).isEqualTo(PUSH);
    }

    /** ensure_assignee_is_from_team: an assignee outside the team is dropped; the line names the team only. */
    @Test
    void anAssigneeOutsideTheTeamIsDropped() {
        JsonNode created = Http.ok(create(world.admin, "Bob", ",\"team_id\":\"1\",\"assignee_id\":3"));
        assertThat(created.at("/meta/assignee").isMissingNode()).isTrue();
        assertThat(created.at("/meta/team/id").asLong()).isEqualTo(1);
        assertThat(world.contents(created.get("id").asLong())).containsExactly("Assigned to support by Bevatel Admin");
    }

    /** Without a team, webhooks carry meta.team null and REST leaves the key out. */
    @Test
    void withoutATeamMetaTeamIsNull() {
        JsonNode created = Http.ok(create(world.admin, "Carl", ""));
        assertThat(created.at("/meta/team").isMissingNode()).isTrue();
        assertThat(delivered("conversation_created", 1).at("/meta").has("team")).isTrue();
        assertThat(delivered("conversation_created", 1).at("/meta/team").isNull()).isTrue();
    }

    /**
     * A team_id that names no team of the account: Chatwoot stores it (no foreign key) and shows no team —
     * or, for another account's team, that team. The simulator refuses both, as it refuses an unknown
     * assignee; a blank team_id is none.
     */
    @Test
    void anUnknownOrForeignTeamIs422() {
        long theirs = world.otherAccountTeam();
        for (String team : new String[] {"999", String.valueOf(theirs)}) {
            Http.Result refused = create(world.admin, "Dora" + team, ",\"team_id\":" + team);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Team must exist\",\"attributes\":[\"team\"]}");
        }
        assertThat(Http.ok(create(world.admin, "Eve", ",\"team_id\":\"\"")).at("/meta/team").isMissingNode()).isTrue();
    }

    /** A bot may create one with a team (create is in BOT_ACCESSIBLE_ENDPOINTS); the line names the bot. */
    @Test
    void aBotCreatesAConversationWithATeam() {
        JsonNode created = Http.ok(create(world.bot, "Fay", ",\"team_id\":1"));
        assertThat(created.at("/meta/team/is_member").asBoolean()).as("Chatwoot: AgentBot#teams does not exist, a 500")
                .isFalse();
        assertThat(world.contents(created.get("id").asLong())).containsExactly("Assigned to support by Helper Bot");
    }

    /** In a bot's inbox the team is applied first: an assignee outside it is dropped and the bot takes the conversation. */
    @Test
    void inABotsInboxTheBotTakesWhatTheTeamDropped() {
        Http.ok(world.admin.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":1}"));
        JsonNode created = Http.ok(create(world.admin, "Gus", ",\"team_id\":1,\"assignee_id\":3"));
        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(created.at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
        assertThat(created.at("/meta/team/id").asLong()).isEqualTo(1);
        assertThat(delivered("conversation_created", 1).at("/meta/team").toString()).isEqualTo(PUSH);
    }
}
