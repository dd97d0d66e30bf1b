package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A contact's sessions and conversations: {@code /contacts/{id}/contact_inboxes}, {@code /contacts/{id}/conversations}. */
class ContactInboxApiTest extends ApiTestSupport {

    @Test
    void addsAContactInboxWithAGeneratedOrGivenSourceId() {
        ok(createContact("{\"name\":\"Alice\"}"));
        var generated = http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1}");
        String source = ok(generated).get("source_id").asText();
        assertThat(source).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(generated.body()).isEqualTo("{\"source_id\":\"" + source + "\",\"inbox\":{\"id\":1,\"avatar_url\":\"\","
                + "\"channel_id\":1,\"name\":\"Bevatel API\",\"channel_type\":\"Channel::Api\",\"provider\":null}}");
        JsonNode given = ok(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":\"1\",\"source_id\":\"crm-1\"}"));
        assertThat(given.get("source_id").asText()).isEqualTo("crm-1");
        // The same triple again returns the existing session.
        ok(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"crm-1\"}"));
        assertThat(ok(http.get(account("/contacts/1"))).at("/payload/contact_inboxes"))
                .extracting(ci -> ci.get("source_id").asText()).containsExactly(source, "crm-1");
    }

    @Test
    void hmacVerifiedIsStoredOnTheNewSession() {
        ok(createContact("{\"name\":\"Alice\"}"));
        ok(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"v-1\",\"hmac_verified\":true}"));
        JsonNode conversation = ok(http.post(account("/conversations"), "{\"source_id\":\"v-1\"}"));
        assertThat(conversation.at("/meta/hmac_verified").asBoolean()).isTrue();
    }

    @Test
    void errors() {
        ok(createContact("{\"name\":\"Alice\"}"));
        ok(createContact("{\"name\":\"Bob\",\"inbox_id\":1,\"source_id\":\"bob-1\"}"));
        SecondAccount other = addSecondAccount();
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{}"), 404, NOT_FOUND);
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":99}"), 404, NOT_FOUND);
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":" + other.inboxId() + "}"), 404, NOT_FOUND);
        assertError(http.post(account("/contacts/99/contact_inboxes"), "{\"inbox_id\":1}"), 404, NOT_FOUND);
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":\"one\"}"), 422,
                "{\"error\":\"Invalid parameter inbox_id: expected an integer\"}");
        // Chatwoot: a database uniqueness error (500); here a 422 naming the field.
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"bob-1\"}"), 422,
                "{\"message\":\"Source has already been taken\",\"attributes\":[\"source_id\"]}");
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"\"}"), 422,
                "{\"message\":\"Source can't be blank\",\"attributes\":[\"source_id\"]}");
        assertError(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1,\"source_id\":\"" + "s".repeat(20_001) + "\"}"),
                422, "{\"message\":\"Source is too long (maximum is 20000 characters)\",\"attributes\":[\"source_id\"]}");
        assertThat(ok(http.get(account("/contacts/1"))).at("/payload/contact_inboxes")).isEmpty();
    }

    @Test
    void contactConversationsNewestActivityFirst() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        long first = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\"}")).get("id").asLong();
        long second = ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}")).get("id").asLong();
        conversationFor("Somebody else");
        postMessage(first, "{\"content\":\"bump\",\"message_type\":\"incoming\"}");
        var result = http.get(account("/contacts/1/conversations"));
        JsonNode list = ok(result);
        assertThat(list.get("payload")).extracting(c -> c.get("id").asLong()).containsExactly(first, second);
        assertThat(result.body()).startsWith("{\"payload\":[{\"meta\":{\"sender\":{");
        assertThat(ok(http.get(account("/conversations/" + first)))).isEqualTo(list.get("payload").get(0));
        assertError(http.get(account("/contacts/99/conversations")), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/contacts/2/conversations"))).get("payload")).hasSize(1);
    }

    @Test
    void contactConversationsStopAtTwenty() {
        ok(createContact("{\"name\":\"Alice\"}"));
        for (int i = 0; i < 21; i++) {
            ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}"));
        }
        JsonNode list = ok(http.get(account("/contacts/1/conversations"))).get("payload");
        assertThat(list).hasSize(20);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(21);
        assertThat(list.get(19).get("id").asLong()).isEqualTo(2);
    }
}
