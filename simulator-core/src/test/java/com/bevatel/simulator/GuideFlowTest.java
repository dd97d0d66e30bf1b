package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "send messages to the API channel" guide, end to end over HTTP (contact to reopened conversation). */
class GuideFlowTest {
    static BevatelSimulator sim;
    static Http http;

    @BeforeAll
    static void start() {
        sim = BevatelSimulator.builder().accessToken("test-token").start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void contactConversationAndMessagesFlow() {
        Http.Result contact = http.post(Http.account("/contacts"),
                "{\"inbox_id\":1,\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
        assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
        String sourceId = contact.json().at("/payload/contact/contact_inboxes/0/source_id").asText();
        assertThat(sourceId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(contact.json().at("/payload/contact_inbox/source_id").asText()).isEqualTo(sourceId);

        Http.Result conversation = http.post(Http.account("/conversations"),
                "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
        assertThat(conversation.status()).as(conversation.toString()).isEqualTo(200);
        JsonNode conv = conversation.json();
        assertThat(conv.get("id").asLong()).isEqualTo(1);
        assertThat(conv.get("status").asText()).isEqualTo("open");
        assertThat(conv.get("messages")).isEmpty();

        Http.Result incoming = http.post(Http.account("/conversations/1/messages"),
                "{\"content\":\"Hi, my order is late\",\"message_type\":\"incoming\"}");
        assertThat(incoming.status()).as(incoming.toString()).isEqualTo(200);
        assertThat(incoming.json().get("message_type").asInt()).isEqualTo(0);
        assertThat(incoming.json().at("/sender/type").asText()).isEqualTo("contact");

        Http.Result outgoing = http.post(Http.account("/conversations/1/messages"),
                "{\"content\":\"On its way\",\"message_type\":\"outgoing\"}");
        assertThat(outgoing.json().get("message_type").asInt()).isEqualTo(1);
        assertThat(outgoing.json().at("/sender/type").asText()).isEqualTo("user");

        long messageId = outgoing.json().get("id").asLong();
        Http.Result delivered = http.patch(Http.account("/conversations/1/messages/" + messageId), "{\"status\":\"delivered\"}");
        assertThat(delivered.json().get("status").asText()).isEqualTo("delivered");

        Http.Result resolved = http.post(Http.account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}");
        assertThat(resolved.body()).isEqualTo("{\"meta\":{},\"payload\":{\"success\":true,\"conversation_id\":1,"
                + "\"current_status\":\"resolved\",\"snoozed_until\":null}}");

        http.post(Http.account("/conversations/1/messages"), "{\"content\":\"Still there?\",\"message_type\":\"incoming\"}");
        JsonNode messages = http.get(Http.account("/conversations/1/messages")).json();
        assertThat(messages.get("payload")).extracting(m -> m.get("content").asText()).containsExactly(
                "Hi, my order is late", "On its way", "Conversation was marked resolved by Bevatel Admin",
                "Still there?", "System reopened the conversation due to a new incoming message.");
        assertThat(http.get(Http.account("/conversations/1")).json().get("status").asText()).isEqualTo("open");
    }
}
