package com.bevatel.simulator.springboot.example;

import static com.bevatel.simulator.junit.WebhookAssertions.assertThat;
import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.WebhookJournal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The README's "Spring Boot" example: the README shows this file as it is. */
class SupportDeskTest extends AgainstBevatel {
    @Autowired
    OrderBook orders;

    @Test
    void answersACustomerAskingAboutAnOrder(BevatelSimulator sim, WebhookJournal webhooks) {
        orders.record("42", "left the warehouse today");

        long conversation = openChat("Alice", "+15550001111", "Where is order 42?");

        // Bevatel posted the customer's message to the desk, signed with the inbox secret, and the desk took it …
        awaitThat(webhooks).toApiInbox().event("message_created").first()
                .succeeded()
                .hasPayloadAt("/message_type", "incoming")
                .hasPayloadAt("/content", "Where is order 42?")
                .isSignedWith(sim.apiInbox().secret());
        // … and answered in the conversation through the API, as the token's user.
        awaitThat(sim).conversation(conversation)
                .hasMessageFrom(sim.administrator().name(), "Order 42 left the warehouse today.");
        // The echo of its answer reached it too: taken, and left unanswered.
        awaitThat(webhooks).toApiInbox().event("message_created").hasSize(2).allSucceeded()
                .last().hasPayloadAt("/message_type", "outgoing");
        assertThat(sim).conversation(conversation)
                .hasConversationMessages("Where is order 42?", "Order 42 left the warehouse today.");
    }

    @Test
    void eachTestMeetsAFreshBevatel(BevatelSimulator sim, WebhookJournal webhooks) {
        assertThat(webhooks).hasNoDeliveries();

        long conversation = openChat("Bob", "+15550002222", "Is order 7 ready?");

        assertThat(conversation).as("ids start from 1 again").isEqualTo(1);
        awaitThat(webhooks).toApiInbox().event("message_created").hasSize(2).allSucceeded();
        assertThat(sim).conversation(conversation).hasContactNamed("Bob")
                .hasConversationMessages("Is order 7 ready?", "We could not find order 7: an agent will look into it.");
    }

    @Test
    void refusesAWebhookNotSignedWithTheInboxSecret(BevatelSimulator sim, WebhookJournal webhooks) {
        long conversation = openChat("Carol", "+15550003333", "Hello");
        awaitThat(webhooks).toApiInbox().event("message_created").hasSize(2).allSucceeded();

        HttpStatusCode answer = desk().post().uri("/bevatel/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Chatwoot-Timestamp", "1767225600")
                .header("X-Chatwoot-Signature", "sha256=0000")
                .body("{\"event\":\"message_created\",\"message_type\":\"incoming\",\"content\":\"order 42?\","
                        + "\"conversation\":{\"id\":" + conversation + "},\"sender\":{\"name\":\"Mallory\"}}")
                .exchange((request, response) -> response.getStatusCode());

        assertThat(answer).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(sim).conversation(conversation)
                .hasConversationMessages("Hello", "Thanks Carol, an agent will answer shortly.");
    }

    /** What the shop's page does: the desk walks Bevatel's API-channel guide and says which conversation it opened. */
    private long openChat(String name, String phoneNumber, String message) {
        return desk().post().uri("/support-chats").contentType(MediaType.APPLICATION_JSON)
                .body(new SupportChatController.ChatRequest(name, phoneNumber, message))
                .retrieve().body(JsonNode.class).get("conversationId").asLong();
    }
}
