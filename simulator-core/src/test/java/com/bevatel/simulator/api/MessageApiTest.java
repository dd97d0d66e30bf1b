package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code /conversations/{id}/messages} (app/controllers/api/v1/accounts/conversations/messages_controller.rb): create,
 * status update, soft delete.
 */
class MessageApiTest extends ApiTestSupport {
    static final String ALICE = "{\"additional_attributes\":{},\"custom_attributes\":{},\"email\":null,\"id\":1,"
            + "\"identifier\":null,\"name\":\"Alice\",\"phone_number\":null,\"thumbnail\":\"\",\"blocked\":false,\"type\":\"contact\"}";
    static final String ADMIN = "{\"id\":1,\"name\":\"Bevatel Admin\",\"available_name\":\"Bevatel Admin\",\"avatar_url\":\"\","
            + "\"type\":\"user\",\"availability_status\":\"offline\",\"thumbnail\":\"\"}";

    private static Http.Result create(String json) {
        return http.post(account("/conversations/1/messages"), json);
    }

    private static void failsWith(String json, String error) {
        assertError(create(json), 422, "{\"error\":\"" + error + "\"}");
    }

    @Test
    void incomingMessageFromTheContactInKeyOrder() {
        conversationFor("Alice");
        var result = create("{\"content\":\"Hi <b>there</b> & hello\",\"message_type\":\"incoming\",\"source_id\":\"wamid-1\"}");
        ok(result);
        assertThat(result.body()).isEqualTo("{\"id\":1,\"content\":\"Hi \\u003cb\\u003ethere\\u003c/b\\u003e \\u0026 hello\","
                + "\"inbox_id\":1,\"conversation_id\":1,\"message_type\":0,\"content_type\":\"text\",\"status\":\"sent\","
                + "\"content_attributes\":{},\"created_at\":" + at(3) + ",\"private\":false,\"source_id\":\"wamid-1\","
                + "\"sender\":" + ALICE + "}");
    }

    @Test
    void outgoingByDefaultFromTheTokenOwnerWithEchoId() {
        conversationFor("Alice");
        var result = create("{\"content\":\"On its way\",\"echo_id\":\"tmp-1\"}");
        ok(result);
        assertThat(result.body()).isEqualTo("{\"id\":1,\"content\":\"On its way\",\"inbox_id\":1,\"echo_id\":\"tmp-1\","
                + "\"conversation_id\":1,\"message_type\":1,\"content_type\":\"text\",\"status\":\"sent\","
                + "\"content_attributes\":{},\"created_at\":" + at(3) + ",\"private\":false,\"source_id\":null,"
                + "\"sender\":" + ADMIN + "}");
        // echo_id is echoed, never stored.
        assertThat(ok(http.get(account("/conversations/1/messages"))).at("/payload/0").has("echo_id")).isFalse();
    }

    @Test
    void senderFollowsTheDirectionRules() {
        conversationFor("Alice");
        assertThat(ok(create("{\"content\":\"note\",\"message_type\":\"incoming\",\"private\":true}")).get("private").asBoolean()).isTrue();
        assertThat(ok(create("{\"content\":\"t\",\"message_type\":\"template\"}")).at("/sender/type").asText()).isEqualTo("contact");
        // An integer type bypasses Chatwoot's string comparisons: the contact "sends" it.
        JsonNode integer = ok(create("{\"content\":\"int\",\"message_type\":1}"));
        assertThat(integer.get("message_type").asInt()).isEqualTo(1);
        assertThat(integer.at("/sender/type").asText()).isEqualTo("contact");
        assertThat(ok(create("{\"content\":\"n\",\"private\":\"true\"}")).get("private").asBoolean()).isTrue();
        assertThat(ok(create("{\"content\":null}")).get("content").isNull()).isTrue();
    }

    @Test
    void contentAttributesTemplateParamsAndExternalIds() {
        conversationFor("Alice");
        JsonNode select = ok(create("{\"content\":\"Pick\",\"content_type\":\"input_select\",\"content_attributes\":"
                + "{\"items\":[{\"title\":\"A\",\"value\":\"a\"}]},\"external_created_at\":1767225000}"));
        assertThat(select.get("content_type").asText()).isEqualTo("input_select");
        assertThat(select.get("content_attributes").toString())
                .isEqualTo("{\"items\":[{\"title\":\"A\",\"value\":\"a\"}],\"external_created_at\":1767225000}");
        JsonNode parsed = ok(create("{\"content\":\"x\",\"content_attributes\":\"{\\\"k\\\":\\\"v\\\"}\"}"));
        assertThat(parsed.get("content_attributes").toString()).isEqualTo("{\"k\":\"v\"}");
        JsonNode unparsable = ok(create("{\"content\":\"x\",\"content_attributes\":\"{oops\"}"));
        assertThat(unparsable.get("content_attributes").toString()).isEqualTo("{}");
        ok(create("{\"content\":\"tpl\",\"template_params\":{\"name\":\"order_update\",\"language\":\"en\","
                + "\"processed_params\":{\"1\":\"42\"}},\"campaign_id\":5}"));
        JsonNode embedded = ok(http.get(account("/conversations/1"))).at("/messages/0");
        assertThat(embedded.get("additional_attributes").toString()).isEqualTo(
                "{\"template_params\":{\"name\":\"order_update\",\"language\":\"en\",\"processed_params\":{\"1\":\"42\"}}}");
        ok(create("{\"content\":\"camp\",\"campaign_id\":5}"));
        assertThat(ok(http.get(account("/conversations/1"))).at("/messages/0/additional_attributes").toString())
                .isEqualTo("{\"campaign_id\":5}");
    }

    @Test
    void inReplyToNamesAMessageOfThisConversation() {
        conversationFor("Alice");
        ok(create("{\"content\":\"first\",\"message_type\":\"incoming\",\"source_id\":\"ext-1\"}"));
        assertThat(ok(create("{\"content\":\"re\",\"content_attributes\":{\"in_reply_to\":1}}")).get("content_attributes").toString())
                .isEqualTo("{\"in_reply_to\":1,\"in_reply_to_external_id\":\"ext-1\"}");
        assertThat(ok(create("{\"content\":\"re\",\"content_attributes\":{\"in_reply_to_external_id\":\"ext-1\"}}"))
                .get("content_attributes").toString()).isEqualTo("{\"in_reply_to_external_id\":\"ext-1\",\"in_reply_to\":1}");
        assertThat(ok(create("{\"content\":\"re\",\"content_attributes\":{\"in_reply_to\":99}}")).get("content_attributes").toString())
                .isEqualTo("{\"in_reply_to\":null,\"in_reply_to_external_id\":null}");
    }

    @Test
    void everyFailureIsA422WithAnErrorAndCreatesNothing() {
        conversationFor("Alice");
        failsWith("{\"content\":\"x\",\"message_type\":\"shout\"}", "'shout' is not a valid message_type");
        failsWith("{\"content\":\"x\",\"message_type\":\"1\"}", "'1' is not a valid message_type");
        failsWith("{\"content\":\"x\",\"message_type\":7}", "'7' is not a valid message_type");
        failsWith("{\"content\":\"x\",\"content_type\":\"hologram\"}", "'hologram' is not a valid content_type");
        failsWith("{\"content\":\"" + "x".repeat(150_001) + "\"}",
                "Validation failed: Content is too long (maximum is 150000 characters)");
        failsWith("{\"content\":\"x\",\"source_id\":\"" + "s".repeat(20_001) + "\"}",
                "Validation failed: Source is too long (maximum is 20000 characters)");
        failsWith("{\"content\":\"x\",\"content_type\":\"cards\"}",
                "Validation failed: Content attributes At least one item is required.");
        failsWith("{\"content\":\"x\",\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[]}}",
                "Validation failed: Content attributes At least one item is required.");
        failsWith("{\"content\":\"x\",\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[\"a\"]}}",
                "Validation failed: Content attributes Items should be a hash.");
        failsWith("{\"content\":\"x\",\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[{\"title\":\"A\","
                + "\"colour\":\"red\",\"size\":1}]}}",
                "Validation failed: Content attributes contains invalid keys for items : [:colour, :size]");
        failsWith("{\"content\":\"x\",\"content_type\":\"cards\",\"content_attributes\":{\"items\":[{\"title\":\"A\"}]}}",
                "Validation failed: Content attributes contains items missing actions");
        failsWith("{\"content\":\"x\",\"template_params\":{\"language\":\"en\"}}", "Validation failed: Name is required");
        failsWith("{\"content\":\"x\",\"template_params\":{\"name\":7}}",
                "Validation failed: Template params/name must be of type string");
        assertError(create("{\"content\":\"x\",\"private\":{}}"), 422, "{\"error\":\"Invalid parameter private: expected true or false\"}");
        assertError(create("{\"content\":\"x\",\"content_attributes\":[1]}"), 422,
                "{\"error\":\"Invalid parameter content_attributes: expected an object\"}");
        assertError(http.post(account("/conversations/2/messages"), "{\"content\":\"x\"}"), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/conversations/1/messages"))).get("payload")).isEmpty();
        assertThat(ok(create("{\"content\":\"ok\"}")).get("id").asLong()).isEqualTo(1);
    }

    @Test
    void statusUpdatesForApiInboxes() {
        conversationFor("Alice");
        long id = ok(create("{\"content\":\"out\"}")).get("id").asLong();
        String path = account("/conversations/1/messages/" + id);
        JsonNode delivered = ok(http.patch(path, "{\"status\":\"delivered\"}"));
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");
        assertThat(ok(http.put(path, "{\"status\":\"read\"}")).get("status").asText()).isEqualTo("read");
        // read → delivered and unknown statuses are ignored, answered with the message as it is.
        String read = http.get(account("/conversations/1/messages")).body();
        assertThat(ok(http.patch(path, "{\"status\":\"delivered\"}")).get("status").asText()).isEqualTo("read");
        assertThat(ok(http.patch(path, "{\"status\":\"lost\"}")).get("status").asText()).isEqualTo("read");
        assertThat(ok(http.patch(path, "{}")).get("status").asText()).isEqualTo("read");
        assertThat(http.get(account("/conversations/1/messages")).body()).isEqualTo(read);
        JsonNode failed = ok(http.patch(path, "{\"status\":\"failed\",\"external_error\":\"WhatsApp said no\"}"));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("content_attributes").toString()).isEqualTo("{\"external_error\":\"WhatsApp said no\"}");
        // Leaving failed writes external_error as nil, the way the store accessor does.
        assertThat(ok(http.patch(path, "{\"status\":\"sent\",\"external_error\":\"ignored\"}")).get("content_attributes").toString())
                .isEqualTo("{\"external_error\":null}");
        assertError(http.patch(account("/conversations/1/messages/99"), "{\"status\":\"read\"}"), 404, NOT_FOUND);
        assertError(http.patch(account("/conversations/9/messages/" + id), "{\"status\":\"read\"}"), 404, NOT_FOUND);
        conversationFor("Bob");
        assertError(http.patch(account("/conversations/2/messages/" + id), "{\"status\":\"read\"}"), 404, NOT_FOUND);
    }

    @Test
    void deleteIsASoftDelete() {
        conversationFor("Alice");
        ok(create("{\"content\":\"Pick\",\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[{\"title\":\"A\"}]}}"));
        var deleted = http.delete(account("/conversations/1/messages/1"));
        assertThat(deleted.body()).isEqualTo("{\"id\":1,\"content\":\"This message was deleted\",\"inbox_id\":1,"
                + "\"conversation_id\":1,\"message_type\":1,\"content_type\":\"text\",\"status\":\"sent\","
                + "\"content_attributes\":{\"deleted\":true},\"created_at\":" + at(3) + ",\"private\":false,"
                + "\"source_id\":null,\"sender\":" + ADMIN + "}");
        assertThat(ok(http.get(account("/conversations/1/messages"))).at("/payload/0").toString())
                .isEqualTo(ok(deleted).toString());
        assertThat(http.delete(account("/conversations/1/messages/1")).body()).isEqualTo(deleted.body());
        assertError(http.delete(account("/conversations/1/messages/2")), 404, NOT_FOUND);
    }
}
