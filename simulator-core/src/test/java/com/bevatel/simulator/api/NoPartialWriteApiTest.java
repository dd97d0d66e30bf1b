package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rejected request changes nothing: no row, no id, no token, no clock tick (issue §5). */
class NoPartialWriteApiTest extends ApiTestSupport {
    private String source;

    @BeforeEach
    void world() {
        source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\"}");
        ok(createContact("{\"name\":\"Bob\",\"email\":\"bob@x.io\"}"));
        ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\"hi\","
                + "\"message_type\":\"incoming\"}}"));
    }

    /** Everything the API can show about the world, plus the clock. */
    private static List<String> snapshot() {
        List<String> views = new ArrayList<>();
        views.add(sim.clock().now().toString());
        for (String path : List.of("/inboxes", "/inboxes/1", "/contacts", "/contacts/search?q=x", "/contacts/1", "/contacts/2",
                "/contacts/3", "/contacts/1/conversations", "/contacts/2/conversations", "/conversations?status=all",
                "/conversations/1", "/conversations/2", "/conversations/1/messages", "/conversations/meta")) {
            Http.Result result = http.get(account(path));
            views.add(path + " " + result.status() + " " + result.body());
        }
        return views;
    }

    private static void rejected(Http.Result result, int status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
    }

    @Test
    void rejectedWritesLeaveEverythingAsItWas() {
        List<String> before = snapshot();
        rejected(createContact("{\"inbox_id\":99,\"name\":\"Carol\",\"email\":\"carol@x.io\"}"), 404);
        rejected(createContact("{\"inbox_id\":1,\"name\":\"Carol\",\"email\":\"ALICE@x.io\"}"), 422);
        rejected(createContact("{\"inbox_id\":1,\"name\":\"Carol\",\"source_id\":\"" + source + "\"}"), 422);
        rejected(http.patch(account("/contacts/2"), "{\"name\":\"Robert\",\"email\":\"alice@x.io\"}"), 422);
        rejected(http.put(account("/contacts/2"), "{\"name\":\"Robert\",\"phone_number\":\"0800\"}"), 422);
        rejected(http.post(account("/contacts/2/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"" + source + "\"}"), 422);
        rejected(http.post(account("/contacts/2/contact_inboxes"), "{\"inbox_id\":7}"), 404);
        rejected(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"message\":{\"content\":\"x\","
                + "\"content_type\":\"cards\"}}"), 422);
        rejected(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"status\":\"waiting\"}"), 422);
        rejected(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"assignee_id\":77}"), 422);
        rejected(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\"x\","
                + "\"message_type\":\"whisper\"}}"), 422);
        rejected(http.post(account("/conversations/1/messages"), "{\"content\":\"x\",\"content_type\":\"form\"}"), 422);
        rejected(http.post(account("/conversations/1/messages"), "{\"content\":\"x\",\"template_params\":{\"language\":\"en\"}}"), 422);
        rejected(http.post(account("/conversations/1/messages"), "{\"content\":\"" + "x".repeat(150_001) + "\"}"), 422);
        rejected(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"done\"}"), 422);
        rejected(http.patch(account("/conversations/1/messages/99"), "{\"status\":\"read\"}"), 404);
        rejected(http.delete(account("/conversations/3/messages/1")), 404);
        rejected(http.post(account("/inboxes"), "{\"name\":\" \",\"channel\":{\"type\":\"api\"}}"), 422);
        rejected(http.patch(account("/inboxes/1"), "{\"name\":\"Renamed\",\"timezone\":\"Nowhere/Land\"}"), 422);
        rejected(http.post(account("/contacts"), "{\"name\":"), 400);
        assertThat(snapshot()).containsExactlyElementsOf(before);

        // The next ids are the ones the rejected requests would have taken.
        assertThat(ok(createContact("{\"inbox_id\":1,\"name\":\"Carol\"}")).at("/payload/contact/id").asLong()).isEqualTo(3);
        assertThat(ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2}")).get("id").asLong()).isEqualTo(2);
        assertThat(postMessage(1, "{\"content\":\"next\"}").get("id").asLong()).isEqualTo(2);
        assertThat(ok(http.post(account("/inboxes"), "{\"name\":\"Next\",\"channel\":{\"type\":\"api\"}}")).get("id").asLong())
                .isEqualTo(2);
    }

    @Test
    void rejectedWritesDoNotConsumeGeneratedValues() {
        rejected(createContact("{\"inbox_id\":1,\"email\":\"alice@x.io\"}"), 422);
        rejected(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"status\":\"nope\"}"), 422);
        String afterRejections = ok(createContact("{\"inbox_id\":1,\"name\":\"Carol\"}")).at("/payload/contact_inbox/source_id").asText();
        sim.reset();
        world();
        String clean = ok(createContact("{\"inbox_id\":1,\"name\":\"Carol\"}")).at("/payload/contact_inbox/source_id").asText();
        assertThat(afterRejections).isEqualTo(clean);
    }
}
