package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing of Chatwoot's app/listeners/webhook_listener.rb: account webhooks get what they subscribe to, from every inbox;
 * an API inbox's callback gets every conversation-scoped event of its own inbox — echoes and private
 * notes included, activity messages and contact/inbox events never.
 */
class WebhookRoutingTest {
    private TestReceiver receiver;
    private BevatelSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        receiver = new TestReceiver();
        sim = BevatelSimulator.builder().start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    /** A private note as the last step: once a receiver has it, everything before it has arrived too. */
    private void endWithMarker(long conversation, int receiversOfMarker) {
        WebhookTestSupport.message(http, conversation, "{\"content\":\"marker\",\"private\":true}");
        sim.webhooks().await(receiversOfMarker, d -> d.event().equals("message_created")
                && d.payload().path("content").asText().equals("marker"), WAIT);
    }

    @Test
    void inboxCallbackGetsEveryConversationEventOfItsInboxButNoActivityAndNoContactEvents() {
        WebhookTestSupport.setInboxCallback(http, receiver.url("/callback"));
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ann", "+15550100001"));
        WebhookTestSupport.message(http, conversation, "{\"content\":\"in\",\"message_type\":\"incoming\"}");
        WebhookTestSupport.message(http, conversation, "{\"content\":\"note\",\"private\":true}");
        http.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}");
        http.put(Http.account("/contacts/1"), "{\"name\":\"Annie\"}");
        endWithMarker(conversation, 1);

        assertThat(receiver.events("/callback")).containsExactly("conversation_created", "message_created",
                "message_created", "conversation_status_changed", "conversation_updated", "message_created");
        assertThat(sim.webhooks().all()).extracting(d -> d.payload().path("content").asText(""))
                .as("the 'marked resolved' activity message is never delivered")
                .noneMatch(content -> content.startsWith("Conversation was marked resolved"));
        assertThat(sim.webhooks().byEvent("message_created"))
                .extracting(d -> d.payload().get("private").asBoolean()).containsExactly(false, true, true);
    }

    @Test
    void accountWebhooksGetOnlyTheirSubscriptionsFromEveryInboxWhateverTheirInboxId() {
        Http.Result second = http.post(Http.account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\"}}");
        long secondInbox = second.json().get("id").asLong();
        http.post(Http.account("/webhooks"), "{\"url\":\"" + receiver.url("/messages-only")
                + "\",\"subscriptions\":[\"message_created\"],\"inbox_id\":" + secondInbox + "}");
        WebhookTestSupport.addWebhook(http, receiver.url("/contacts-only"), "contact_created", "contact_updated");
        WebhookTestSupport.addWebhook(http, receiver.url("/everything")); // the default subscriptions
        long inInboxOne = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ben", "+15550100002"));
        WebhookTestSupport.message(http, inInboxOne, "{\"content\":\"hello from inbox 1\",\"message_type\":\"incoming\"}");
        endWithMarker(inInboxOne, 2);

        assertThat(receiver.events("/messages-only"))
                .as("inbox_id names inbox 2, yet inbox 1's messages arrive")
                .containsExactly("message_created", "message_created");
        assertThat(receiver.events("/everything")).containsExactly("contact_created", "conversation_created",
                "message_created", "contact_updated", "message_created");
        // contact events have no conversation to order them by: wait for the last one directly.
        sim.webhooks().await(2, d -> d.url().getPath().equals("/contacts-only"), WAIT);
        assertThat(receiver.events("/contacts-only")).containsExactly("contact_created", "contact_updated");
    }

    @Test
    void aCallbackOnlyHearsAboutItsOwnInboxAndABlankUrlMeansNoCallback() {
        Http.Result other = http.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\","
                + "\"webhook_url\":\"" + receiver.url("/other") + "\"}}");
        long otherInbox = other.json().get("id").asLong();
        WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created");
        long inInboxOne = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Cat", "+15550100003"));
        WebhookTestSupport.message(http, inInboxOne, "{\"content\":\"inbox one, no callback\",\"message_type\":\"incoming\"}");
        Http.Result contact = http.post(Http.account("/contacts"),
                "{\"inbox_id\":" + otherInbox + ",\"name\":\"Dan\",\"phone_number\":\"+15550100004\"}");
        Http.Result conversation = http.post(Http.account("/conversations"), "{\"source_id\":\""
                + contact.json().at("/payload/contact_inbox/source_id").asText() + "\",\"inbox_id\":" + otherInbox + "}");
        long inOther = conversation.json().get("id").asLong();
        endWithMarker(inOther, 2);

        assertThat(receiver.events("/other")).containsExactly("conversation_created", "message_created");
        assertThat(receiver.received("/other")).allSatisfy(request ->
                assertThat(TestReceiver.Json.parse(request.body()).toString()).doesNotContain("inbox one, no callback"));
        assertThat(sim.webhooks().byReceiver(Receiver.apiInbox(1))).as("inbox 1 has no webhook_url").isEmpty();
        assertThat(sim.webhooks().byReceiver(Receiver.apiInbox(otherInbox))).hasSize(2)
                .allMatch(d -> d.conversationId() == inOther);
        assertThat(receiver.events("/account")).hasSize(2);
    }
}
