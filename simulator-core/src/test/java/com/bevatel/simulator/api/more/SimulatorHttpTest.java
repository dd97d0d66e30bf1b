package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 5 §3 over HTTP: {@code /_simulator/agent/…} and {@code /_simulator/clock}, for tests outside the JVM. */
@ExtendWith(WorldPerTest.class)
class SimulatorHttpTest {
    World world;
    Http anonymous;
    long conversation;
    String base;

    @BeforeEach
    void start() {
        anonymous = world.admin.withToken(null);
        conversation = world.conversation("Alice");
        world.incoming(conversation, "Hello?");
        base = "/_simulator/agent/conversations/" + conversation;
        world.events.clear();
    }

    private JsonNode ok(String action, String json) {
        Http.Result r = anonymous.post(base + "/" + action, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void actionsAnswerTheApplicationApiShapes() {
        JsonNode reply = ok("reply", "{\"agent\":\"Sam Agent\",\"content\":\"On it\"}");
        assertThat(reply.get("message_type").asInt()).isEqualTo(1);
        assertThat(reply.at("/sender/name").asText()).isEqualTo("Sam Agent");
        assertThat(ok("note", "{\"agent\":\"sam@acme.test\",\"content\":\"psst\"}").get("private").asBoolean()).isTrue();
        assertThat(ok("resolve", "{\"agent\":\"Sam Agent\"}").get("status").asText()).isEqualTo("resolved");
        assertThat(ok("reopen", "{\"agent\":\"Sam Agent\"}").at("/meta/assignee/name").asText()).isEqualTo("Sam Agent");
        assertThat(ok("pending", "{}").get("status").asText()).isEqualTo("pending");
        JsonNode snoozed = ok("snooze", "{\"snoozed_until\":\"2026-02-01T09:00:00Z\"}");
        assertThat(snoozed.get("snoozed_until").asText()).isEqualTo("2026-02-01T09:00:00.000Z");
        assertThat(ok("assign", "{\"agent\":\"Sam Agent\",\"assignee\":\"Kim Agent\"}").at("/meta/assignee/name").asText())
                .isEqualTo("Kim Agent");
        assertThat(ok("unassign", "{}").at("/meta/assignee").isMissingNode()).isTrue();
        assertThat(ok("assign_team", "{\"agent\":\"Sam Agent\",\"team\":\"support\"}").at("/meta/team/is_member").asBoolean())
                .isTrue();
        assertThat(ok("assign_team", "{\"team\":null}").at("/meta/team").isMissingNode()).isTrue();
        assertThat(ok("priority", "{\"priority\":\"urgent\"}").get("priority").asText()).isEqualTo("urgent");
        assertThat(ok("labels", "{\"labels\":[\"vip\"]}").get("labels").toString()).isEqualTo("[\"vip\"]");
        ok("typing", "{\"agent\":\"Kim Agent\",\"typing_status\":\"on\"}");
        long messageId = reply.get("id").asLong();
        assertThat(ok("messages/" + messageId + "/status", "{\"status\":\"failed\",\"external_error\":\"bounced\"}")
                .get("content_attributes").toString()).isEqualTo("{\"external_error\":\"bounced\"}");
        assertThat(world.delivered()).contains("message_created", "conversation_status_changed", "conversation_updated",
                "conversation_typing_on", "message_updated");
        assertThat(world.contents(conversation)).contains("Conversation was marked as pending by Bevatel Admin",
                "Bevatel Admin added vip");
    }

    @Test
    void errorsAreJson() {
        assertThat(anonymous.post(base + "/reply", "{\"agent\":\"Nobody\",\"content\":\"x\"}").json().get("error").asText())
                .startsWith("no member named Nobody in account 1; its members: Bevatel Admin <")
                .contains("Sam Agent <sam@acme.test>");
        assertThat(anonymous.post(base + "/reply", "{}").body()).isEqualTo("{\"error\":\"content is required\"}");
        assertThat(anonymous.post("/_simulator/agent/conversations/99/resolve", "{}").body())
                .isEqualTo("{\"error\":\"Resource could not be found\"}");
        assertThat(anonymous.post(base + "/priority", "{\"priority\":\"soon\"}").status()).isEqualTo(422);
        assertThat(anonymous.post(base + "/typing", "{\"typing_status\":\"maybe\"}").status()).isEqualTo(422);
        assertThat(anonymous.post(base + "/assign", "{\"assignee\":\"Ghost\"}").status()).isEqualTo(404);
        assertThat(anonymous.post(base + "/assign_team", "{\"team\":\"sales\"}").status()).isEqualTo(404);
        assertThat(anonymous.post(base + "/snooze", "{\"snoozed_until\":\"tomorrow\"}").status()).isEqualTo(422);
        assertThat(anonymous.post(base + "/messages/999/status", "{\"status\":\"read\"}").status()).isEqualTo(404);
        assertThat(anonymous.post(base + "/dance", "{}").status()).isEqualTo(404);
        assertThat(anonymous.post(base + "/reply", "{not json").status()).isEqualTo(400);
        assertThat(world.events.list()).isEmpty();
    }

    @Test
    void theClockCanBeReadAndMoved() {
        JsonNode now = anonymous.get("/_simulator/clock").json();
        assertThat(now.get("now").asText()).isEqualTo(world.sim.clock().now().toString());
        assertThat(now.get("unix").asLong()).isEqualTo(world.sim.clock().now().getEpochSecond());
        long start = now.get("unix").asLong();
        assertThat(anonymous.post("/_simulator/clock", "{\"advance_seconds\":3600}").json().get("unix").asLong())
                .isEqualTo(start + 3600);
        assertThat(anonymous.post("/_simulator/clock", "{\"advance\":\"P1D\"}").json().get("unix").asLong())
                .isEqualTo(start + 3600 + 86400);
        assertThat(anonymous.post("/_simulator/clock", "{\"now\":\"2027-05-01T12:00:00Z\"}").json().get("now").asText())
                .isEqualTo("2027-05-01T12:00:00Z");
        assertThat(world.sim.clock().now().toString()).isEqualTo("2027-05-01T12:00:00Z");
        assertThat(anonymous.post("/_simulator/clock", "{\"advance_seconds\":-5}").status()).isEqualTo(422);
        assertThat(anonymous.post("/_simulator/clock", "{\"advance\":\"soon\"}").status()).isEqualTo(422);
        assertThat(anonymous.post("/_simulator/clock", "{\"now\":\"noon\"}").status()).isEqualTo(422);
        assertThat(anonymous.post("/_simulator/clock", "{}").status()).isEqualTo(422);
    }
}
