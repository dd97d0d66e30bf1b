package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /conversations/{id}/toggle_status} (app/controllers/api/v1/accounts/conversations_controller.rb#toggle_status). */
class ConversationStatusApiTest extends ApiTestSupport {
    private static String toggled(long id, String status, String snoozedUntil) {
        return "{\"meta\":{},\"payload\":{\"success\":true,\"conversation_id\":" + id + ",\"current_status\":\"" + status
                + "\",\"snoozed_until\":" + (snoozedUntil == null ? "null" : "\"" + snoozedUntil + "\"") + "}}";
    }

    private static String activity(String status) {
        return "{\"activity\":{\"type\":\"conversation_status_changed\",\"status\":\"" + status + "\"}}";
    }

    @Test
    void resolveWritesAnActivityAndClearsWaitingSince() {
        long id = conversationFor("Alice");
        assertThat(ok(http.get(account("/conversations/1"))).get("waiting_since").asLong()).isEqualTo(at(2));
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}").body())
                .isEqualTo(toggled(id, "resolved", null));
        var show = http.get(account("/conversations/1"));
        JsonNode conversation = ok(show);
        assertThat(conversation.get("status").asText()).isEqualTo("resolved");
        assertThat(conversation.get("waiting_since").asLong()).isZero();
        // The activity message is the conversation's newest activity.
        assertThat(conversation.get("last_activity_at").asLong()).isEqualTo(at(3));
        // The activity line is written after the status save in the same write: a microsecond later, as in Rails.
        assertThat(show.body()).contains("\"updated_at\":" + at(3) + ".000001,");
        JsonNode last = conversation.at("/messages/0");
        assertThat(last.get("content").asText()).isEqualTo("Conversation was marked resolved by Bevatel Admin");
        assertThat(last.get("message_type").asInt()).isEqualTo(2);
        assertThat(last.get("content_attributes").toString()).isEqualTo(activity("resolved"));
        assertThat(last.get("sender_type").isNull()).isTrue();
        assertThat(last.has("sender")).isFalse();
        assertThat(conversation.get("last_non_activity_message").isNull()).isTrue();
    }

    @Test
    void toggleWithoutStatusFlipsOpenAndResolvedAndOpensTheRest() {
        long id = conversationFor("Alice");
        assertThat(http.post(account("/conversations/1/toggle_status"), null).body()).isEqualTo(toggled(id, "resolved", null));
        assertThat(http.post(account("/conversations/1/toggle_status"), "{}").body()).isEqualTo(toggled(id, "open", null));
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"pending\"}").body())
                .isEqualTo(toggled(id, "pending", null));
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"\"}").body())
                .isEqualTo(toggled(id, "open", null));
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\"}").body())
                .isEqualTo(toggled(id, "snoozed", null));
        assertThat(http.post(account("/conversations/1/toggle_status"), null).body()).isEqualTo(toggled(id, "open", null));
        assertThat(activities()).containsExactly(
                "Conversation was marked resolved by Bevatel Admin|resolved",
                "Conversation was reopened by Bevatel Admin|open",
                "Conversation was marked as pending by Bevatel Admin|pending",
                "Conversation was reopened by Bevatel Admin|open",
                "Conversation was snoozed by Bevatel Admin|snoozed",
                "Conversation was reopened by Bevatel Admin|open");
    }

    @Test
    void snoozeUntilAUnixTimeAndClearItOnTheNextChange() {
        long id = conversationFor("Alice");
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":1767312000}")
                .body()).isEqualTo(toggled(id, "snoozed", "2026-01-02T00:00:00.000Z"));
        assertThat(ok(http.get(account("/conversations/1"))).get("snoozed_until").asText()).isEqualTo("2026-01-02T00:00:00.000Z");
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}").body())
                .isEqualTo(toggled(id, "resolved", null));
        assertThat(ok(http.get(account("/conversations/1"))).get("snoozed_until").isNull()).isTrue();
        // snoozed_until only counts for snoozed.
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"open\",\"snoozed_until\":\"1767312000\"}")
                .body()).isEqualTo(toggled(id, "open", null));
    }

    @Test
    void theSameStatusAgainChangesNothing() {
        conversationFor("Alice");
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}"));
        String before = http.get(account("/conversations/1")).body();
        assertThat(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}").body())
                .isEqualTo(toggled(1, "resolved", null));
        assertThat(http.get(account("/conversations/1")).body()).isEqualTo(before);
        assertThat(activities()).hasSize(1);
    }

    @Test
    void errors() {
        conversationFor("Alice");
        String before = http.get(account("/conversations/1")).body();
        // Chatwoot: ArgumentError / unparsable time → 500; here 422.
        assertError(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"closed\"}"), 422,
                "{\"error\":\"'closed' is not a valid status\"}");
        assertError(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":\"tomorrow\"}"),
                422, "{\"error\":\"Invalid parameter snoozed_until: 'tomorrow' is not a time\"}");
        assertError(http.post(account("/conversations/1/toggle_status"), "{\"status\":[\"open\"]}"), 422,
                "{\"error\":\"Invalid parameter status: expected a string\"}");
        assertError(http.post(account("/conversations/9/toggle_status"), "{\"status\":\"open\"}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations/x/toggle_status"), null), 404, NOT_FOUND);
        assertThat(http.get(account("/conversations/1")).body()).isEqualTo(before);
    }

    @Test
    void anAgentOpeningAConversationIsSelfAssigned() {
        addAgent();
        conversationFor("Alice");
        var agent = http.withToken("agent-token");
        ok(agent.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}"));
        assertThat(ok(http.get(account("/conversations/1"))).at("/meta").has("assignee")).isFalse();
        ok(agent.post(account("/conversations/1/toggle_status"), null));
        JsonNode conversation = ok(http.get(account("/conversations/1")));
        assertThat(conversation.at("/meta/assignee/id").asLong()).isEqualTo(2);
        assertThat(conversation.at("/meta/assignee_type").asText()).isEqualTo("User");
        assertThat(activities()).containsExactly(
                "Conversation was marked resolved by Sam Agent|resolved",
                "Conversation was reopened by Sam Agent|open",
                "Sam Agent self-assigned this conversation|");
        // Administrators are not assigned.
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"pending\"}"));
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"open\"}"));
        assertThat(ok(http.get(account("/conversations/1"))).at("/meta/assignee/id").asLong()).isEqualTo(2);
    }

    /** Activity messages of conversation 1 as "content|activity status". */
    private static List<String> activities() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : ok(http.get(account("/conversations/1/messages"))).get("payload")) {
            if (m.get("message_type").asInt() == 2) {
                out.add(m.get("content").asText() + "|" + m.at("/content_attributes/activity/status").asText());
            }
        }
        return out;
    }
}
