package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The member actions mute, unmute, unread and transcript of app/controllers/api/v1/accounts/conversations_controller.rb
 * (app/models/concerns/conversation_mute_helpers.rb, activity lines of config/locales/en.yml).
 */
@ExtendWith(WorldPerTest.class)
class ConversationMuteApiTest {
    World world;
    long conversation;
    String base;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        base = Http.account("/conversations/" + conversation);
        world.events.clear();
    }

    private long contactId() {
        return world.show(conversation).at("/meta/sender/id").asLong();
    }

    @Test
    void muteResolvesBlocksTheContactAndSaysSo() {
        Http.Result muted = world.sam.post(base + "/mute", null);
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body()).isEmpty();

        JsonNode shown = world.show(conversation);
        assertThat(shown.get("status").asText()).isEqualTo("resolved");
        assertThat(shown.get("muted").asBoolean()).isTrue();
        assertThat(world.admin.get(Http.account("/contacts/" + contactId())).json().at("/payload/blocked").asBoolean()).isTrue();
        assertThat(world.contents(conversation)).containsExactly("Conversation was marked resolved by Sam Agent",
                "Sam Agent has muted the conversation");
        assertThat(world.delivered()).containsExactly("conversation_status_changed", "conversation_updated", "contact_updated");
        assertThat(world.events.of(DomainEvent.ContactUpdated.class).get(0).changes()).extracting(AttributeChange::attribute)
                .containsExactly("updated_at", "blocked");

        // Muted again: already resolved and blocked, so only the activity line.
        world.events.clear();
        assertThat(world.admin.post(base + "/mute", "{}").status()).isEqualTo(200);
        assertThat(world.delivered()).isEmpty();
        assertThat(world.contents(conversation)).last().isEqualTo("Bevatel Admin has muted the conversation");
    }

    @Test
    void mutingIsTheContactsBlockSoItHoldsInEveryConversationOfTheContact() {
        JsonNode contact = world.show(conversation).at("/meta/sender");
        world.sam.post(base + "/mute", null);
        assertThat(world.show(conversation).get("status").asText()).isEqualTo("resolved");

        // An incoming message does not reopen a muted conversation, and a new one starts resolved.
        world.incoming(conversation, "Let me in");
        assertThat(world.show(conversation).get("status").asText()).isEqualTo("resolved");
        long second = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":"
                + contact.get("id").asLong() + "}").json().get("id").asLong();
        assertThat(world.show(second).get("status").asText()).isEqualTo("resolved");
        assertThat(world.show(second).get("muted").asBoolean()).isTrue();

        world.events.clear();
        assertThat(world.kim.post(Http.account("/conversations/" + second + "/unmute"), null).body()).isEmpty();
        assertThat(world.show(conversation).get("muted").asBoolean()).isFalse();
        assertThat(world.show(second).get("status").asText()).as("unmute does not reopen").isEqualTo("resolved");
        assertThat(world.contents(second)).last().isEqualTo("Kim Agent has unmuted the conversation");
        assertThat(world.delivered()).containsExactly("contact_updated");

        world.incoming(conversation, "Hello again");
        assertThat(world.show(conversation).get("status").asText()).isEqualTo("open");
    }

    @Test
    void theWebhooksOfAMute() {
        world.admin.post(Http.account("/webhooks"), "{\"url\":\"" + world.sim.sinkUrl("hooks")
                + "\",\"subscriptions\":[\"conversation_status_changed\",\"conversation_updated\",\"contact_updated\"]}");
        world.sam.post(base + "/mute", null);
        List<Delivery> deliveries = world.sim.webhooks().await(3, d -> d.receiver().equals(Receiver.accountWebhook(1)),
                Duration.ofSeconds(20));
        assertThat(deliveries).extracting(Delivery::event)
                .containsExactly("conversation_status_changed", "conversation_updated", "contact_updated");
        JsonNode contactUpdated = deliveries.get(2).payload();
        assertThat(contactUpdated.get("blocked").asBoolean()).isTrue();
        assertThat(contactUpdated.at("/changed_attributes/1").toString())
                .isEqualTo("{\"blocked\":{\"previous_value\":false,\"current_value\":true}}");
        assertThat(deliveries.get(1).payload().at("/changed_attributes/0/status/current_value").asText()).isEqualTo("resolved");
    }

    @Test
    void unreadSetsBothLastSeenTimesASecondBeforeTheLastIncomingMessage() {
        world.incoming(conversation, "First");
        world.sim.clock().advance(Duration.ofMinutes(5));
        world.incoming(conversation, "Second");
        Instant secondAt = world.sim.clock().now();
        world.admin.post(base + "/messages", "{\"content\":\"An answer\"}");
        world.sam.post(base + "/update_last_seen", "{}");
        JsonNode before = world.show(conversation);
        assertThat(before.get("unread_count").asInt()).isZero();
        world.events.clear();

        Http.Result unread = world.sam.post(base + "/unread", null);
        assertThat(unread.status()).isEqualTo(200);
        JsonNode body = unread.json();
        assertThat(body.get("id").asLong()).isEqualTo(conversation);
        long expected = world.admin.get(base + "/messages").json().at("/payload/1/created_at").asLong() - 1;
        assertThat(expected).isLessThanOrEqualTo(secondAt.getEpochSecond() - 1);
        assertThat(body.get("agent_last_seen_at").asLong()).isEqualTo(expected);
        assertThat(body.get("assignee_last_seen_at").asLong()).as("whoever asks").isEqualTo(expected);
        assertThat(body.get("unread_count").asInt()).isEqualTo(1);
        assertThat(body.get("updated_at")).as("update_columns").isEqualTo(before.get("updated_at"));
        assertThat(world.events.list()).isEmpty();
        assertThat(world.show(conversation).get("agent_last_seen_at").asLong()).isEqualTo(expected);
    }

    @Test
    void unreadWithoutAnIncomingMessageClearsTheLastSeenTimes() {
        world.sam.post(base + "/update_last_seen", "{}");
        assertThat(world.show(conversation).get("agent_last_seen_at").asLong()).isPositive();
        JsonNode body = world.admin.post(base + "/unread", "{}").json();
        assertThat(body.get("agent_last_seen_at").asLong()).isZero();
        assertThat(body.get("assignee_last_seen_at").asLong()).isZero();
    }

    @Test
    void transcriptNeedsAnEmailAndIsRecordedNotMailed() {
        for (String missing : List.of("{}", "{\"email\":\"\"}", "{\"email\":\"  \"}", "{\"email\":null}")) {
            Http.Result refused = world.sam.post(base + "/transcript", missing);
            assertThat(refused.status()).as(missing).isEqualTo(422);
            assertThat(refused.body()).isEqualTo("{\"error\":\"email param missing\"}");
        }
        Http.Result sent = world.sam.post(base + "/transcript", "{\"email\":\"boss@acme.test\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).isEmpty();
        // No format check, as Chatwoot: any non-blank text is handed to the mailer.
        assertThat(world.admin.post(base + "/transcript", "{\"email\":\"not an address\"}").status()).isEqualTo(200);
        assertThat(world.events.list()).isEmpty();

        JsonNode requests = world.sim.exportState().get("transcript_requests");
        assertThat(requests).extracting(r -> r.get("email").asText()).containsExactly("boss@acme.test", "not an address");
        assertThat(requests.get(0).get("conversation_id").asLong())
                .isEqualTo(world.sim.exportState().at("/conversations/0/id").asLong());
    }

    @Test
    void agentsOutsideTheInboxBotsAndUnknownConversations() {
        long hidden = world.conversationInUnstaffedInbox();
        for (String action : List.of("/mute", "/unmute", "/unread", "/transcript")) {
            String body = "{\"email\":\"x@acme.test\"}";
            assertThat(world.sam.post(Http.account("/conversations/" + hidden + action), body).body())
                    .isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
            assertThat(world.bot.post(base + action, body).body()).isEqualTo(RolesAndBotsTest.BOTS);
            assertThat(world.admin.post(Http.account("/conversations/999" + action), body).body())
                    .isEqualTo(RolesAndBotsTest.NOT_FOUND);
        }
        assertThat(world.show(hidden).get("muted").asBoolean()).isFalse();
        assertThat(world.show(conversation).get("status").asText()).isEqualTo("open");
    }
}
