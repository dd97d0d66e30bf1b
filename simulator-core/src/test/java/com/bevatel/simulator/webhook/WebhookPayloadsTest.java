package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static com.bevatel.simulator.webhook.WebhookTestSupport.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.SenderType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each event's payload as a real receiver gets it, against app/listeners/webhook_listener.rb and the models'
 * webhook_data: keys, order, types.
 */
class WebhookPayloadsTest {
    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final List<String> MESSAGE_KEYS = List.of("account", "additional_attributes", "content_attributes",
            "content_type", "content", "conversation", "created_at", "id", "inbox", "message_type", "private", "sender",
            "source_id", "event");
    private static final List<String> CONVERSATION_KEYS = List.of("additional_attributes", "can_reply", "channel",
            "contact_inbox", "id", "inbox_id", "messages", "labels", "meta", "status", "custom_attributes",
            "snoozed_until", "unread_count", "first_reply_created_at", "priority", "waiting_since",
            "agent_last_seen_at", "contact_last_seen_at", "last_activity_at", "timestamp", "created_at", "updated_at",
            "account");
    private static final List<String> CONTACT_KEYS = List.of("account", "additional_attributes", "avatar",
            "custom_attributes", "email", "id", "identifier", "name", "phone_number", "thumbnail", "blocked");
    private static final List<String> EMBEDDED_MESSAGE_KEYS = List.of("id", "content", "account_id", "inbox_id",
            "conversation_id", "message_type", "created_at", "updated_at", "private", "status", "source_id",
            "content_type", "content_attributes", "sender_type", "sender_id", "external_source_ids",
            "additional_attributes", "processed_message_content", "sentiment", "conversation", "sender");

    private TestReceiver receiver;
    private BevatelSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        receiver = new TestReceiver();
        sim = BevatelSimulator.builder().start();
        http = new Http(sim);
        WebhookTestSupport.addWebhook(http, receiver.url("/account"),
                AccountWebhooks.ALLOWED_EVENTS.toArray(new String[0]));
        WebhookTestSupport.setInboxCallback(http, receiver.url("/callback"));
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private JsonNode awaitPayload(Receiver to, String event, int nth) {
        return sim.webhooks().await(nth, d -> d.receiver().equals(to) && d.event().equals(event), WAIT)
                .get(nth - 1).payload();
    }

    @Test
    void messageCreatedHasTheWebhookShapeNotTheRestShape() {
        String source = WebhookTestSupport.contact(http, "Alice", "+15550001111");
        long conversation = WebhookTestSupport.conversation(http, source);
        JsonNode rest = WebhookTestSupport.message(http, conversation,
                "{\"content\":\"Line one\\\\\\nline two\\n\\n\",\"message_type\":\"incoming\",\"echo_id\":\"e-1\"}");

        JsonNode payload = awaitPayload(Receiver.apiInbox(1), "message_created", 1);

        assertThat(keys(payload)).containsExactlyElementsOf(MESSAGE_KEYS);
        assertThat(payload.get("message_type").asText()).isEqualTo("incoming");
        assertThat(payload.get("content_type").asText()).isEqualTo("text");
        assertThat(payload.get("created_at").asText()).matches(ISO);
        assertThat(payload.get("id").asLong()).isEqualTo(rest.get("id").asLong());
        assertThat(payload.get("content").asText()).as("hard break and trailing newlines normalized")
                .isEqualTo("Line one\nline two");
        assertThat(payload.get("account").toString()).isEqualTo("{\"id\":1,\"name\":\"Bevatel Simulator\"}");
        assertThat(payload.get("inbox").toString()).isEqualTo("{\"id\":1,\"name\":\"Bevatel API\"}");
        assertThat(keys(payload.get("sender"))).containsExactlyElementsOf(CONTACT_KEYS);
        assertThat(payload.get("source_id").isNull()).isTrue();

        JsonNode conv = payload.get("conversation");
        assertThat(keys(conv)).containsExactlyElementsOf(CONVERSATION_KEYS);
        assertThat(conv.get("id").asLong()).isEqualTo(conversation);
        assertThat(keys(conv.get("contact_inbox"))).containsExactly("id", "contact_id", "inbox_id", "source_id",
                "created_at", "updated_at", "hmac_verified", "pubsub_token");
        assertThat(conv.at("/contact_inbox/source_id").asText()).isEqualTo(source);
        assertThat(conv.at("/contact_inbox/created_at").asText()).matches(ISO);
        assertThat(keys(conv.get("meta"))).containsExactly("sender", "assignee", "assignee_type", "team", "hmac_verified");
        assertThat(conv.at("/meta/sender/type").asText()).isEqualTo("contact");
        assertThat(conv.at("/meta/assignee").isNull()).isTrue();
        assertThat(conv.get("first_reply_created_at").isNull()).isTrue();
        assertThat(conv.get("waiting_since").isIntegralNumber()).isTrue();
        assertThat(conv.get("updated_at").isFloatingPointNumber()).isTrue();
        assertThat(conv.get("created_at").isIntegralNumber()).isTrue();
        JsonNode embedded = conv.get("messages").get(0);
        assertThat(keys(embedded)).containsExactlyElementsOf(EMBEDDED_MESSAGE_KEYS);
        assertThat(embedded.get("message_type").isInt()).isTrue();
        assertThat(embedded.get("content").asText()).isEqualTo("Line one\nline two");
    }

    @Test
    void outgoingSenderIsTheUserWebhookShapeAndPrivateNotesStayOutOfConversationMessages() {
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Bob", "+15550002222"));
        WebhookTestSupport.message(http, conversation, "{\"content\":\"Public reply\"}");
        WebhookTestSupport.message(http, conversation, "{\"content\":\"Internal note\",\"private\":true}");

        JsonNode reply = awaitPayload(Receiver.apiInbox(1), "message_created", 1);
        JsonNode note = awaitPayload(Receiver.apiInbox(1), "message_created", 2);

        assertThat(reply.get("message_type").asText()).isEqualTo("outgoing");
        assertThat(reply.get("sender").toString())
                .isEqualTo("{\"id\":1,\"name\":\"Bevatel Admin\",\"email\":\"admin@bevatel.test\",\"type\":\"user\"}");
        assertThat(reply.at("/conversation/first_reply_created_at").asText()).matches(ISO);
        assertThat(note.get("private").asBoolean()).isTrue();
        assertThat(note.at("/conversation/messages/0/content").asText())
                .as("conversation.messages holds the last public non-activity message").isEqualTo("Public reply");
    }

    @Test
    void messageUpdatedCarriesNoStatusAndDeleteShowsTheSoftDeletedMessage() {
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Cy", "+15550003333"));
        long id = WebhookTestSupport.message(http, conversation, "{\"content\":\"Hello\"}").get("id").asLong();
        String path = Http.account("/conversations/" + conversation + "/messages/" + id);
        assertThat(http.patch(path, "{\"status\":\"read\"}").status()).isEqualTo(200);
        assertThat(http.delete(path).status()).isEqualTo(200);

        JsonNode read = awaitPayload(Receiver.apiInbox(1), "message_updated", 1);
        JsonNode deleted = awaitPayload(Receiver.apiInbox(1), "message_updated", 2);

        assertThat(keys(read)).containsExactlyElementsOf(MESSAGE_KEYS).doesNotContain("status", "echo_id");
        assertThat(read.get("content").asText()).isEqualTo("Hello");
        assertThat(deleted.get("content").asText()).isEqualTo("This message was deleted");
        assertThat(deleted.get("content_attributes").toString()).isEqualTo("{\"deleted\":true}");
    }

    @Test
    void conversationEventsAndChangedAttributes() {
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Di", "+15550004444"));
        http.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}");

        JsonNode created = awaitPayload(Receiver.apiInbox(1), "conversation_created", 1);
        JsonNode statusChanged = awaitPayload(Receiver.apiInbox(1), "conversation_status_changed", 1);
        JsonNode updated = awaitPayload(Receiver.apiInbox(1), "conversation_updated", 1);

        assertThat(keys(created)).containsExactlyElementsOf(concat(CONVERSATION_KEYS, "event"));
        assertThat(created.get("messages")).isEmpty();
        assertThat(keys(statusChanged)).containsExactlyElementsOf(concat(CONVERSATION_KEYS, "event", "changed_attributes"));
        assertThat(statusChanged.get("changed_attributes").isNull()).isTrue();
        assertThat(statusChanged.get("status").asText()).isEqualTo("resolved");
        assertThat(keys(updated)).containsExactlyElementsOf(concat(CONVERSATION_KEYS, "event", "changed_attributes"));
        JsonNode changes = updated.get("changed_attributes");
        assertThat(changes.get(0).toString()).isEqualTo("{\"status\":{\"previous_value\":\"open\",\"current_value\":\"resolved\"}}");
        assertThat(changes.get(1).at("/updated_at/previous_value").asText()).matches(ISO);
        assertThat(changes.get(1).at("/updated_at/current_value").asText()).matches(ISO);
        assertThat(changes.get(2).has("status_changed_at")).isTrue();
        assertThat(updated.get("messages")).as("the activity message is not a chat message").isEmpty();
    }

    @Test
    void contactEventsGoToAccountWebhooksWithChangedAttributes() {
        WebhookTestSupport.contact(http, "Eve", "+15550005555");
        http.put(Http.account("/contacts/1"), "{\"name\":\"Evelyn\",\"custom_attributes\":{\"plan\":\"gold\"}}");
        http.put(Http.account("/contacts/1"), "{\"name\":\"Evelyn\"}");

        JsonNode created = awaitPayload(Receiver.accountWebhook(1), "contact_created", 1);
        JsonNode updated = awaitPayload(Receiver.accountWebhook(1), "contact_updated", 1);

        assertThat(keys(created)).containsExactlyElementsOf(concat(CONTACT_KEYS, "event"));
        assertThat(created.get("account").toString()).isEqualTo("{\"id\":1,\"name\":\"Bevatel Simulator\"}");
        assertThat(keys(updated)).containsExactlyElementsOf(concat(CONTACT_KEYS, "event", "changed_attributes"));
        // previous_changes in the contacts table's column order (db/schema.rb): updated_at comes after phone_number.
        assertThat(updated.get("changed_attributes").toString()).matches(
                "\\[\\{\"name\":\\{\"previous_value\":\"Eve\",\"current_value\":\"Evelyn\"}},"
                        + "\\{\"updated_at\":\\{[^}]*}},"
                        + "\\{\"custom_attributes\":\\{\"previous_value\":\\{},\"current_value\":\\{\"plan\":\"gold\"}}}]");
        // An update that changes nothing sends nothing: the marker below is the next contact event.
        WebhookTestSupport.contact(http, "Marker", "+15550009999");
        awaitPayload(Receiver.accountWebhook(1), "contact_created", 2);
        assertThat(sim.webhooks().byEvent("contact_updated")).hasSize(1);
    }

    @Test
    void aContactsCityAndCountryChangeItsLocationAndCountryCodeToo() {
        // Contacts::SyncAttributes (app/services/contacts/sync_attributes.rb) copies them on every save.
        WebhookTestSupport.contact(http, "Eve", "+15550005555");
        http.put(Http.account("/contacts/1"), "{\"additional_attributes\":{\"city\":\"Jeddah\",\"country\":\"Saudi Arabia\"}}");

        JsonNode updated = awaitPayload(Receiver.accountWebhook(1), "contact_updated", 1);

        JsonNode changes = updated.get("changed_attributes");
        assertThat(changes).extracting(change -> change.fieldNames().next())
                .containsExactly("updated_at", "additional_attributes", "location", "country_code");
        assertThat(changes.get(2).toString()).isEqualTo("{\"location\":{\"previous_value\":null,\"current_value\":\"Jeddah\"}}");
        assertThat(changes.get(3).toString())
                .isEqualTo("{\"country_code\":{\"previous_value\":null,\"current_value\":\"Saudi Arabia\"}}");
    }

    @Test
    void typingEventsCarryTheTypistAndConversation() {
        long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Fay", "+15550006666"));
        long internalId = SimulatorAccess.store(sim).read(state -> state.conversationByDisplayId
                .find(new com.bevatel.simulator.state.State.DisplayKey(1, conversation)).orElseThrow());
        // No typing endpoint exists in this module yet; the domain event is what it would emit.
        SimulatorAccess.store(sim).write(tx -> {
            tx.emit(new DomainEvent.ConversationTyping(1, internalId, true, new Actor(SenderType.USER, 1), true));
            tx.emit(new DomainEvent.ConversationTyping(1, internalId, false, new Actor(SenderType.CONTACT, 1), false));
            return null;
        });

        JsonNode on = awaitPayload(Receiver.apiInbox(1), "conversation_typing_on", 1);
        JsonNode off = awaitPayload(Receiver.apiInbox(1), "conversation_typing_off", 1);

        assertThat(keys(on)).containsExactly("event", "user", "conversation", "is_private");
        assertThat(on.get("user").toString())
                .isEqualTo("{\"id\":1,\"name\":\"Bevatel Admin\",\"email\":\"admin@bevatel.test\",\"type\":\"user\"}");
        assertThat(on.get("is_private").asBoolean()).isTrue();
        assertThat(keys(on.get("conversation"))).containsExactlyElementsOf(CONVERSATION_KEYS);
        assertThat(keys(off.get("user"))).containsExactlyElementsOf(CONTACT_KEYS);
        assertThat(off.get("is_private").asBoolean()).isFalse();
    }

    @Test
    void inboxEventsOnlyWhenEnabled() {
        try (BevatelSimulator withInboxEvents = BevatelSimulator.builder().inboxEvents(true).start()) {
            Http other = new Http(withInboxEvents);
            WebhookTestSupport.addWebhook(other, receiver.url("/inbox-events"), "inbox_created", "inbox_updated");
            Http.Result inbox = other.post(Http.account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\"}}");
            other.patch(Http.account("/inboxes/" + inbox.json().get("id").asLong()), "{\"name\":\"Renamed\"}");

            JsonNode created = withInboxEvents.webhooks().awaitEvent("inbox_created", WAIT).payload();
            JsonNode updated = withInboxEvents.webhooks().awaitEvent("inbox_updated", WAIT).payload();

            assertThat(keys(created)).containsExactly("allow_messages_after_resolved", "lock_to_single_conversation",
                    "auto_assignment_config", "enable_auto_assignment", "enable_email_collect", "greeting_enabled",
                    "greeting_message", "csat_survey_enabled", "business_name", "sender_name_type", "timezone",
                    "out_of_office_message", "working_hours_enabled", "working_hours", "created_at", "updated_at",
                    "channel", "account", "event");
            assertThat(created.at("/channel/identifier").asText()).isEqualTo(inbox.json().get("inbox_identifier").asText());
            assertThat(updated.get("changed_attributes").toString())
                    .isEqualTo("[{\"name\":{\"previous_value\":\"Second\",\"current_value\":\"Renamed\"}}]");
        }
        // This simulator (inbox events off) sends none, even to a subscribed webhook.
        WebhookTestSupport.addWebhook(http, receiver.url("/quiet"), "inbox_created", "contact_created");
        http.post(Http.account("/inboxes"), "{\"name\":\"Third\",\"channel\":{\"type\":\"api\"}}");
        WebhookTestSupport.contact(http, "After", "+15550007777");
        sim.webhooks().await(1, d -> d.url().getPath().equals("/quiet"), WAIT);
        assertThat(receiver.events("/quiet")).containsExactly("contact_created");
    }

    private static List<String> concat(List<String> keys, String... more) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(List.of(more));
        return all;
    }
}
