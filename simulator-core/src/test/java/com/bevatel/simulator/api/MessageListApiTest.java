package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@code GET /conversations/{id}/messages} (app/finders/message_finder.rb): meta, latest 20, before/after paging. */
class MessageListApiTest extends ApiTestSupport {

    @Test
    void metaAndPayloadInKeyOrder() {
        conversationFor("Alice");
        JsonNode message = postMessage(1, "{\"content\":\"Hi\",\"message_type\":\"incoming\"}");
        var result = http.get(account("/conversations/1/messages"));
        ok(result);
        assertThat(result.body()).isEqualTo("{\"meta\":{\"labels\":[],\"additional_attributes\":{},\"contact\":"
                + MessageApiTest.ALICE + ",\"agent_last_seen_at\":null,\"assignee_last_seen_at\":null},\"payload\":["
                + http.get(account("/conversations/1/messages")).json().at("/payload/0") + "]}");
        assertThat(result.json().at("/payload/0")).isEqualTo(message);
    }

    @Test
    void metaShowsTheAssigneeWhenThereIsOne() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":1,"
                + "\"additional_attributes\":{\"referer\":\"x\"}}"));
        var result = http.get(account("/conversations/1/messages"));
        assertThat(result.body()).startsWith("{\"meta\":{\"labels\":[],\"additional_attributes\":{\"referer\":\"x\"},\"contact\":"
                + MessageApiTest.ALICE + ",\"assignee\":" + MessageApiTest.ADMIN
                + ",\"agent_last_seen_at\":null,\"assignee_last_seen_at\":null},\"payload\":[");
    }

    @Test
    void latestTwentyAndBeforeAfterPaging() {
        conversationFor("Alice");
        for (int i = 1; i <= 25; i++) {
            postMessage(1, "{\"content\":\"m" + i + "\",\"message_type\":\"" + (i % 2 == 0 ? "outgoing" : "incoming") + "\"}");
        }
        assertThat(ids("")).containsExactlyElementsOf(range(6, 25));
        assertThat(ids("?before=6")).containsExactlyElementsOf(range(1, 5));
        assertThat(ids("?before=22")).containsExactlyElementsOf(range(2, 21));
        assertThat(ids("?after=20")).containsExactlyElementsOf(range(21, 25));
        assertThat(ids("?after=0")).containsExactlyElementsOf(range(1, 25));
        // Both: [after, before), the after id included.
        assertThat(ids("?after=5&before=10")).containsExactlyElementsOf(range(5, 9));
        assertThat(ids("?after=5&before=5")).isEmpty();
        assertThat(ids("?after=-3&before=3")).containsExactly(1L, 2L);
        assertThat(ids("?after=2147483648")).isEmpty();
        assertThat(ids("?before=2147483648")).containsExactlyElementsOf(range(6, 25));
        assertThat(ids("?after=20&before=2147483648")).containsExactlyElementsOf(range(20, 25));
        assertThat(ids("?before=")).containsExactlyElementsOf(range(6, 25));
        assertError(http.get(account("/conversations/1/messages?before=last")), 422,
                "{\"error\":\"Invalid parameter before: expected an integer\"}");
    }

    @Test
    void afterReturnsAtMostAHundred() {
        conversationFor("Alice");
        for (int i = 1; i <= 105; i++) {
            postMessage(1, "{\"content\":\"m" + i + "\",\"message_type\":\"incoming\"}");
        }
        assertThat(ids("?after=0")).containsExactlyElementsOf(range(1, 100));
        assertThat(ids("?after=0&before=106")).containsExactlyElementsOf(range(1, 105));
    }

    @Test
    void filterInternalMessagesLeavesOutPrivateNotesAndActivities() {
        conversationFor("Alice");
        postMessage(1, "{\"content\":\"hello\",\"message_type\":\"incoming\"}");
        postMessage(1, "{\"content\":\"internal\",\"private\":true}");
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}"));
        postMessage(1, "{\"content\":\"bye\"}");
        assertThat(ids("")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ids("?filter_internal_messages=true")).containsExactly(1L, 4L);
    }

    @Test
    void unknownConversationIsNotFound() {
        assertError(http.get(account("/conversations/1/messages")), 404, NOT_FOUND);
        assertError(http.get(account("/conversations/one/messages")), 404, NOT_FOUND);
    }

    private static List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        ok(http.get(account("/conversations/1/messages" + query))).get("payload").forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
