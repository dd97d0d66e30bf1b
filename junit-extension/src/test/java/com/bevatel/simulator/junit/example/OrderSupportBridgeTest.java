package com.bevatel.simulator.junit.example;

import static com.bevatel.simulator.junit.WebhookAssertions.assertThat;
import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.junit.BevatelSimulatorTest;
import com.bevatel.simulator.junit.SimulatorConfigurer;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's "Testing your integration" example: the README shows this file as it is. */
@BevatelSimulatorTest(accessToken = "test-token", configurer = OrderSupportBridgeTest.WithAnAgent.class)
class OrderSupportBridgeTest {
    /** Adds the agent who answers in the dashboard. */
    public static class WithAnAgent implements SimulatorConfigurer {
        @Override
        public void configure(BevatelSimulator.Builder builder) {
            builder.agent("Sam Agent", "sam@shop.test", "sam-token");
        }
    }

    private OrderSupportBridge bridge;

    /** Runs after the extension's reset, so each test has a fresh bridge and an inbox pointing at it. */
    @BeforeEach
    void startTheBridge(BevatelSimulator bevatel) throws Exception {
        bridge = new OrderSupportBridge(bevatel.baseUrl(), bevatel.accessToken(), bevatel.apiInbox().id());
        pointTheApiInboxAt(bevatel, bridge.webhookUrl());
    }

    @AfterEach
    void stopTheBridge() {
        bridge.close();
    }

    @Test
    void anAgentsReplyReachesTheCustomer(BevatelSimulator bevatel, WebhookJournal webhooks) {
        long conversation = bridge.openSupportChat("customer-42", "Alice", "+15550001111", "Where is order 42?");

        // Bevatel echoed the customer's message to the inbox callback, signed with the inbox secret.
        awaitThat(webhooks).toApiInbox().event("message_created").single()
                .succeeded()
                .hasPayloadAt("/message_type", "incoming")
                .hasPayloadAt("/content", "Where is order 42?")
                .isSignedWith(bevatel.apiInbox().secret());

        // An agent answers in the (simulated) Bevatel dashboard …
        bevatel.agent("Sam Agent").reply(conversation, "It left the warehouse today, {{contact.first_name}}.");

        // … and the bridge receives it as a webhook, Liquid rendered as Bevatel does.
        await().atMost(Duration.ofSeconds(5)).until(() -> !bridge.repliesFor("customer-42").isEmpty());
        assertThat(bridge.repliesFor("customer-42")).containsExactly("It left the warehouse today, Alice.");
        assertThat(webhooks).toApiInbox().event("message_created").last()
                .hasPayloadAt("/sender/name", "Sam Agent")
                .hasPayloadAt("/message_type", "outgoing");
        assertThat(bevatel).conversation(conversation).hasStatus("open")
                .hasConversationMessages("Where is order 42?", "It left the warehouse today, Alice.");
    }

    /**
     * What an integrator sets once in Bevatel's inbox settings: where the API inbox POSTs its webhooks.
     * The bridge listens on a free port, so the URL is only known at run time: set it over the API.
     */
    private static void pointTheApiInboxAt(BevatelSimulator bevatel, URI webhookUrl) throws Exception {
        HttpRequest patch = HttpRequest.newBuilder(bevatel.baseUrl().resolve(
                        "/api/v1/accounts/" + bevatel.accountId() + "/inboxes/" + bevatel.apiInbox().id()))
                .header("api_access_token", bevatel.accessToken())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":{\"webhook_url\":\"" + webhookUrl + "\"}}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(patch, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
