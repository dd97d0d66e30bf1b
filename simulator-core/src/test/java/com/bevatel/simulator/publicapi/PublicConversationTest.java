package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.SenderType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client API conversations (app/controllers/public/api/v1/inboxes/conversations_controller.rb): create, list,
 * show, toggle_status, toggle_typing, update_last_seen.
 */
class PublicConversationTest {
    private static final String NOT_FOUND = "404 {\"status\":404,\"error\":\"Not Found\"}";
    private static final long START = 1767225600L; // 2026-01-01T00:00:00Z, the default start time

    @RegisterExtension
    static final PublicApi api = new PublicApi();

    private static String rawAlice(String updatedAt, String lastActivityAt) {
        return "{\"id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\",\"phone_number\":null,\"account_id\":1,"
                + "\"created_at\":\"2026-01-01T00:00:01.000Z\",\"updated_at\":\"" + updatedAt + "\","
                + "\"additional_attributes\":{},\"identifier\":null,\"custom_attributes\":{},\"last_activity_at\":"
                + lastActivityAt + ",\"contact_type\":\"lead\",\"middle_name\":\"\",\"last_name\":\"\",\"location\":null,"
                + "\"country_code\":null,\"blocked\":false,\"company_id\":null}";
    }

    @Test
    void createAnswersThePublicConversationWithTheRawContact() {
        String sourceId = api.newContact("{\"name\":\"Alice\",\"email\":\"alice@x.io\"}");
        api.clearEvents();

        Http.Result result = api.client.post(api.contact(sourceId) + "/conversations",
                "{\"custom_attributes\":{\"order\":\"A-1\"},\"status\":\"resolved\"}");

        assertThat(result.status()).isEqualTo(200);
        String uuid = result.json().get("uuid").asText();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(result.body()).isEqualTo("{\"id\":1,\"uuid\":\"" + uuid + "\",\"inbox_id\":1,\"contact_last_seen_at\":0,"
                + "\"status\":\"open\",\"agent_last_seen_at\":0,\"messages\":[],\"contact\":"
                + rawAlice("2026-01-01T00:00:01.000Z", "null") + "}");
        assertThat(api.events()).containsExactly(new DomainEvent.ConversationCreated(1, 1));
        JsonNode asAgentSeesIt = Http.ok(api.app.get(Http.account("/conversations/1")));
        assertThat(asAgentSeesIt.get("custom_attributes").toString()).isEqualTo("{\"order\":\"A-1\"}");
        assertThat(asAgentSeesIt.get("uuid").asText()).isEqualTo(uuid);
    }

    @Test
    void theRawContactsLocationAndCountryCodeAreTheCityAndCountryOfItsAttributes() {
        // Contacts::SyncAttributes (app/services/contacts/sync_attributes.rb) copies them on every save.
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        Http.ok(api.app.put(Http.account("/contacts/1"), "{\"additional_attributes\":"
                + "{\"city\":\"Riyadh\",\"country\":\"Saudi Arabia\",\"country_code\":\"SA\"}}"));

        JsonNode contact = api.createConversation(sourceId).get("contact");

        assertThat(contact.get("location").asText()).isEqualTo("Riyadh");
        assertThat(contact.get("country_code").asText()).isEqualTo("Saudi Arabia");
    }

    @Test
    void aLockedInboxReturnsTheLatestConversationInsteadOfOpeningAnother() {
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        long first = api.createConversation(sourceId).get("id").asLong();
        Http.ok(api.app.patch(Http.account("/inboxes/1"), "{\"lock_to_single_conversation\":true}"));
        Http.ok(api.client.post(api.conversation(sourceId, first) + "/toggle_status", ""));
        api.clearEvents();

        JsonNode again = api.createConversation(sourceId);

        assertThat(again.get("id").asLong()).isEqualTo(first);
        assertThat(again.get("status").asText()).as("whatever its status").isEqualTo("resolved");
        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void listsTheConversationsOfThisContactInboxOnly() {
        String sourceId = api.newContact("{\"name\":\"Alice\",\"identifier\":\"alice\"}");
        String otherSession = api.newContact("{\"identifier\":\"alice\"}");
        long first = api.createConversation(sourceId).get("id").asLong();
        api.createConversation(otherSession);
        long third = api.createConversation(sourceId).get("id").asLong();

        Http.Result list = api.client.get(api.contact(sourceId) + "/conversations");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json()).extracting(c -> c.get("id").asLong()).containsExactly(first, third);
        assertThat(list.json().get(0).toString()).isEqualTo(api.client.get(api.conversation(sourceId, first)).body());
        assertThat(api.client.get(api.contact(api.newContact("{}")) + "/conversations").body()).isEqualTo("[]");
    }

    @Test
    void showHidesPrivateNotesAndActivityMessages() {
        String sourceId = api.newContact("{\"name\":\"Alice\",\"email\":\"alice@x.io\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        Http.ok(api.client.post(api.conversation(sourceId, id) + "/messages", "{\"content\":\"Hello\"}"));
        Http.ok(api.app.post(Http.account("/conversations/" + id + "/messages"), "{\"content\":\"note\",\"private\":true}"));
        Http.ok(api.app.post(Http.account("/conversations/" + id + "/messages"), "{\"content\":\"Hi Alice\"}"));
        Http.ok(api.app.post(Http.account("/conversations/" + id + "/toggle_status"), "{\"status\":\"pending\"}"));

        JsonNode shown = Http.ok(api.client.get(api.conversation(sourceId, id)));

        assertThat(shown.get("status").asText()).isEqualTo("pending");
        assertThat(shown.get("messages")).extracting(m -> m.get("content").asText()).containsExactly("Hello", "Hi Alice");
        assertThat(shown.at("/messages/1/sender/type").asText()).isEqualTo("user");
        assertThat(shown.get("contact").toString())
                .isEqualTo(rawAlice("2026-01-01T00:00:03.000Z", "\"2026-01-01T00:00:03.000Z\""));
    }

    @Test
    void unknownOrForeignConversationsAreNotFound() {
        String alice = api.newContact("{\"name\":\"Alice\"}");
        String bob = api.newContact("{\"name\":\"Bob\"}");
        long bobs = api.createConversation(bob).get("id").asLong();

        for (String path : List.of(api.conversation(alice, bobs), api.conversation(alice, 99),
                api.contact(alice) + "/conversations/abc", api.conversation("nobody", bobs))) {
            assertThat(api.client.get(path).toString()).as(path).isEqualTo(NOT_FOUND);
        }
        for (String action : List.of("/toggle_status", "/toggle_typing", "/update_last_seen", "/messages")) {
            assertThat(api.client.post(api.conversation(alice, bobs) + action, "{\"typing_status\":\"on\",\"content\":\"x\"}")
                    .toString()).as(action).isEqualTo(NOT_FOUND);
        }
        assertThat(api.client.post(api.contact("nobody") + "/conversations", "{}").toString()).isEqualTo(NOT_FOUND);
        assertThat(Http.ok(api.client.get(api.conversation(bob, bobs))).get("status").asText()).isEqualTo("open");
    }

    @Test
    void anotherInboxCannotReachThisInboxsConversations() {
        String otherInbox = "/public/api/v1/inboxes/" + Http.ok(api.app.post(Http.account("/inboxes"),
                "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")).get("inbox_identifier").asText();
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        String foreign = otherInbox + "/contacts/" + sourceId + "/conversations";

        assertThat(api.client.get(foreign).toString()).isEqualTo(NOT_FOUND);
        assertThat(api.client.get(foreign + "/" + id).toString()).isEqualTo(NOT_FOUND);
        assertThat(api.client.post(foreign, "{}").toString()).isEqualTo(NOT_FOUND);
        assertThat(api.client.post(foreign + "/" + id + "/messages", "{\"content\":\"x\"}").toString()).isEqualTo(NOT_FOUND);
    }

    @Test
    void toggleStatusResolvesInTheContactsName() {
        String sourceId = api.newContact("{\"name\":\"alice SMITH\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        api.clearEvents();

        JsonNode resolved = Http.ok(api.client.post(api.conversation(sourceId, id) + "/toggle_status", ""));

        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("messages")).as("the activity message is not shown to the contact").isEmpty();
        assertThat(api.eventNames())
                .containsExactly("conversation_status_changed", "message_created", "conversation_updated");
        DomainEvent.ConversationUpdated updated = (DomainEvent.ConversationUpdated) api.events().get(2);
        assertThat(updated.changes()).extracting(AttributeChange::attribute)
                .containsExactly("status", "updated_at", "status_changed_at");
        JsonNode activity = Http.ok(api.app.get(Http.account("/conversations/" + id + "/messages"))).at("/payload/0");
        assertThat(activity.get("content").asText()).isEqualTo("Conversation was resolved by Alice smith");
        assertThat(activity.get("message_type").asInt()).isEqualTo(2);
        assertThat(activity.get("content_attributes").toString())
                .isEqualTo("{\"activity\":{\"type\":\"conversation_status_changed\",\"status\":\"resolved\"}}");
    }

    @Test
    void toggleStatusOnAResolvedConversationChangesNothing() {
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        JsonNode resolved = Http.ok(api.client.post(api.conversation(sourceId, id) + "/toggle_status", ""));
        api.clearEvents();

        Http.Result again = api.client.post(api.conversation(sourceId, id) + "/toggle_status", "{\"status\":\"open\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("the contact can only resolve").isEqualTo(resolved.toString());
        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void toggleTypingAnnouncesTheContactTyping() {
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        api.clearEvents();

        Http.Result on = api.client.post(api.conversation(sourceId, id) + "/toggle_typing", "{\"typing_status\":\"on\"}");
        Http.Result off = api.client.post(api.conversation(sourceId, id) + "/toggle_typing", "{\"typing_status\":\"off\"}");
        Http.Result other = api.client.post(api.conversation(sourceId, id) + "/toggle_typing", "{\"typing_status\":\"maybe\"}");

        assertThat(List.of(on, off, other)).extracting(Http.Result::toString).containsOnly("200 ");
        Actor alice = new Actor(SenderType.CONTACT, 1);
        assertThat(api.events()).containsExactly(new DomainEvent.ConversationTyping(1, 1, true, alice, false),
                new DomainEvent.ConversationTyping(1, 1, false, alice, false));
        assertThat(api.events()).extracting(DomainEvent::name)
                .containsExactly("conversation_typing_on", "conversation_typing_off");
    }

    @Test
    void updateLastSeenMarksEarlierAgentMessagesRead() {
        String sourceId = api.newContact("{\"name\":\"Alice\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        String agentMessages = Http.account("/conversations/" + id + "/messages");
        long incoming = Http.ok(api.client.post(api.conversation(sourceId, id) + "/messages", "{\"content\":\"Hi\"}"))
                .get("id").asLong();
        long sent = Http.ok(api.app.post(agentMessages, "{\"content\":\"Hello\"}")).get("id").asLong();
        long note = Http.ok(api.app.post(agentMessages, "{\"content\":\"vip\",\"private\":true}")).get("id").asLong();
        long delivered = Http.ok(api.app.post(agentMessages, "{\"content\":\"Shipped\"}")).get("id").asLong();
        Http.ok(api.app.patch(agentMessages + "/" + delivered, "{\"status\":\"delivered\"}"));
        long read = Http.ok(api.app.post(agentMessages, "{\"content\":\"Anything else?\"}")).get("id").asLong();
        Http.ok(api.app.patch(agentMessages + "/" + read, "{\"status\":\"read\"}"));
        api.clearEvents();
        long now = START + 9; // nine writes so far, one second each; this call is the tenth

        Http.Result seen = api.client.post(api.conversation(sourceId, id) + "/update_last_seen", "");

        assertThat(seen.toString()).isEqualTo("200 ");
        assertThat(api.events()).containsExactly(new DomainEvent.MessageUpdated(1, sent),
                new DomainEvent.MessageUpdated(1, note), new DomainEvent.MessageUpdated(1, delivered));
        JsonNode statuses = Http.ok(api.app.get(agentMessages)).get("payload");
        assertThat(statuses).extracting(m -> m.get("id").asLong() + ":" + m.get("status").asText()).containsExactly(
                incoming + ":sent", sent + ":read", note + ":read", delivered + ":read", read + ":read");
        JsonNode conversation = Http.ok(api.client.get(api.conversation(sourceId, id)));
        assertThat(conversation.get("contact_last_seen_at").asLong()).isEqualTo(now + 1);
        assertThat(Http.ok(api.app.get(Http.account("/conversations/" + id))).get("contact_last_seen_at").asLong())
                .isEqualTo(now + 1);
    }
}
