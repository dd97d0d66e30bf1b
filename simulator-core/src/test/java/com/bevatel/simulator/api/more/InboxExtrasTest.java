package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inbox DELETE (app/controllers/api/v1/accounts/inboxes_controller.rb); greeting and out-of-office template messages
 * (app/services/message_templates/hook_execution_service.rb); lock_to_single_conversation (app/builders/conversation_builder.rb).
 */
class InboxExtrasTest {
    World world;

    @BeforeEach
    void start() {
        // A Wednesday, 10:00 UTC: inside the default working hours.
        world = new World(World.builder().startTime(Instant.parse("2026-01-07T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void patchInbox(String json) {
        Http.Result r = world.admin.patch(Http.account("/inboxes/1"), json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheInboxWithItsConversations() {
        Http.Result created = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Temp\",\"channel\":{\"type\":\"api\"}}");
        long inbox = created.json().get("id").asLong();
        String identifier = created.json().get("inbox_identifier").asText();
        JsonNode contact = world.contact("{\"inbox_id\":" + inbox + ",\"name\":\"Tia\",\"email\":\"tia@x.test\"}");
        long conversation = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + inbox
                + ",\"contact_id\":" + contact.get("id").asLong() + "}").json().get("id").asLong();
        world.incoming(conversation, "hi");
        world.events.clear();

        Http.Result deleted = world.admin.delete(Http.account("/inboxes/" + inbox));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"Your inbox deletion request will be processed in some time.\"}");
        assertThat(world.events.list()).isEmpty();
        assertThat(world.admin.get(Http.account("/inboxes/" + inbox)).status()).isEqualTo(404);
        assertThat(world.admin.get(Http.account("/conversations/" + conversation)).status()).isEqualTo(404);
        JsonNode stillThere = world.admin.get(Http.account("/contacts/" + contact.get("id").asLong())).json();
        assertThat(stillThere.at("/payload/contact_inboxes")).isEmpty();
        assertThat(world.admin.get("/public/api/v1/inboxes/" + identifier).status()).isEqualTo(404);
        assertThat(world.admin.delete(Http.account("/inboxes/" + inbox)).status()).isEqualTo(404);
        assertThat(world.admin.get(Http.account("/inboxes")).json().get("payload")).hasSize(1);
    }

    @Test
    void theGreetingAnswersTheFirstIncomingMessageOnly() {
        patchInbox("{\"greeting_enabled\":true,\"greeting_message\":\"Hi {{contact.first_name}}, we reply within minutes.\"}");
        long conversation = world.conversation("bob builder");
        world.events.clear();
        world.incoming(conversation, "Hello");
        world.incoming(conversation, "Anyone?");
        JsonNode payload = world.admin.get(Http.account("/conversations/" + conversation + "/messages")).json().get("payload");
        assertThat(payload).extracting(m -> m.get("content").asText())
                .containsExactly("Hello", "Hi Bob, we reply within minutes.", "Anyone?");
        JsonNode greeting = payload.get(1);
        assertThat(greeting.get("message_type").asInt()).isEqualTo(3);
        assertThat(greeting.has("sender")).isFalse();
        // Chatwoot's order: the message, the template hooks, then the contact's last activity.
        assertThat(world.delivered()).containsExactly("message_created", "message_created", "contact_updated",
                "message_created", "contact_updated");
    }

    @Test
    void noGreetingOnceTheConversationHasAnOutgoingMessage() {
        patchInbox("{\"greeting_enabled\":true,\"greeting_message\":\"Welcome\"}");
        long conversation = world.conversation("Bob");
        world.admin.post(Http.account("/conversations/" + conversation + "/messages"), "{\"content\":\"We wrote first\"}");
        world.incoming(conversation, "Oh hi");
        assertThat(world.contents(conversation)).containsExactly("We wrote first", "Oh hi");
    }

    @Test
    void outOfOfficeWhenTheInboxIsClosedAndItReplacesTheGreeting() {
        patchInbox("{\"working_hours_enabled\":true,\"out_of_office_message\":\"We are closed, {{contact.name}}.\","
                + "\"greeting_enabled\":true,\"greeting_message\":\"Welcome\",\"timezone\":\"Asia/Tokyo\"}");
        long conversation = world.conversation("carol");
        world.incoming(conversation, "Hello at 19:00 in Tokyo");
        world.incoming(conversation, "Still closed");
        assertThat(world.contents(conversation)).containsExactly("Hello at 19:00 in Tokyo", "We are closed, Carol.",
                "Still closed");
        assertThat(world.events.of(DomainEvent.MessageCreated.class)).hasSize(3);
    }

    @Test
    void noOutOfOfficeDuringWorkingHours() {
        patchInbox("{\"working_hours_enabled\":true,\"out_of_office_message\":\"Closed\"}");
        long conversation = world.conversation("Dan");
        world.incoming(conversation, "Hello at 10:00 UTC");
        assertThat(world.contents(conversation)).containsExactly("Hello at 10:00 UTC");
    }

    @Test
    void lockToSingleConversationReturnsTheLatestConversation() {
        patchInbox("{\"lock_to_single_conversation\":true}");
        JsonNode contact = world.contact("{\"inbox_id\":1,\"name\":\"Eve\"}");
        String body = "{\"source_id\":\"" + contact.at("/contact_inboxes/0/source_id").asText() + "\"}";
        long first = world.admin.post(Http.account("/conversations"), body).json().get("id").asLong();
        world.admin.post(Http.account("/conversations/" + first + "/toggle_status"), "{\"status\":\"resolved\"}");
        world.events.clear();
        JsonNode again = world.admin.post(Http.account("/conversations"), body).json();
        assertThat(again.get("id").asLong()).isEqualTo(first);
        assertThat(again.get("status").asText()).isEqualTo("resolved");
        assertThat(world.events.list()).isEmpty();

        patchInbox("{\"lock_to_single_conversation\":false}");
        assertThat(world.admin.post(Http.account("/conversations"), body).json().get("id").asLong()).isEqualTo(first + 1);
    }
}
