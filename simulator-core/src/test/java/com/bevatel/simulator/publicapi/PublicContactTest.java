package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Client API contacts (app/controllers/public/api/v1/inboxes/contacts_controller.rb): create with reuse, show, update with merge. */
class PublicContactTest {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String TOKEN = "[1-9A-HJ-NP-Za-km-z]{24}";
    private static final String NOT_FOUND = "{\"status\":404,\"error\":\"Not Found\"}";

    @RegisterExtension
    static final PublicApi api = new PublicApi();

    // ---- create ----

    @Test
    void createAnswersTheSessionThenTheContact() {
        Http.Result result = api.client.post(api.inbox() + "/contacts",
                "{\"name\":\"Alice\",\"email\":\"Alice@Example.com\",\"phone_number\":\"+15550001111\","
                        + "\"identifier\":\"user-42\",\"custom_attributes\":{\"plan\":\"gold\"},\"additional_attributes\":{\"x\":1}}");

        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        String sourceId = body.get("source_id").asText();
        String pubsubToken = body.get("pubsub_token").asText();
        assertThat(sourceId).matches(UUID_V4);
        assertThat(pubsubToken).matches(TOKEN);
        assertThat(result.body()).isEqualTo("{\"source_id\":\"" + sourceId + "\",\"pubsub_token\":\"" + pubsubToken
                + "\",\"id\":1,\"name\":\"Alice\",\"email\":\"alice@example.com\",\"phone_number\":\"+15550001111\"}");
        assertThat(api.events()).containsExactly(new DomainEvent.ContactCreated(1, 1));

        JsonNode stored = Http.ok(api.app.get(Http.account("/contacts/1"))).get("payload");
        assertThat(stored.get("identifier").asText()).isEqualTo("user-42");
        assertThat(stored.get("custom_attributes").toString()).isEqualTo("{\"plan\":\"gold\"}");
        assertThat(stored.get("additional_attributes").toString()).as("not a Client API parameter").isEqualTo("{}");
        assertThat(stored.at("/contact_inboxes/0/source_id").asText()).isEqualTo(sourceId);
    }

    @Test
    void aContactWithoutANameGetsAGeneratedOne() {
        JsonNode first = api.createContact("{}");
        JsonNode second = api.createContact("{\"name\":null}");
        JsonNode empty = api.createContact("{\"name\":\"\"}");

        assertThat(first.get("name").asText()).matches("[a-z]+-[a-z]+-\\d{1,3}");
        assertThat(second.get("name").asText()).matches("[a-z]+-[a-z]+-\\d{1,3}").isNotEqualTo(first.get("name").asText());
        assertThat(empty.get("name").asText()).as("an empty name is a name").isEmpty();
        assertThat(first.get("email").isNull()).isTrue();
        assertThat(first.get("phone_number").isNull()).isTrue();

        api.reset();
        assertThat(api.createContact("{}").get("name").asText()).as("same seed, same name")
                .isEqualTo(first.get("name").asText());
    }

    @Test
    void aTooLongNameIsCutToTheColumnLimit() {
        JsonNode body = api.createContact("{\"name\":\"" + "n".repeat(300) + "\"}");

        assertThat(body.get("name").asText()).isEqualTo("n".repeat(255));
    }

    @Test
    void reusesTheContactWithTheSameIdentifierThenEmailThenPhone() {
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"By Identifier\",\"identifier\":\"user-42\"}"));
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"By Email\",\"email\":\"b@x.io\"}"));
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"By Phone\",\"phone_number\":\"+15550002222\"}"));
        api.clearEvents();

        JsonNode byIdentifier = api.createContact("{\"identifier\":\"user-42\",\"email\":\"b@x.io\",\"name\":\"Other\"}");
        JsonNode byEmail = api.createContact("{\"email\":\"B@X.IO\",\"phone_number\":\"+15550002222\"}");
        JsonNode byPhone = api.createContact("{\"phone_number\":\"+15550002222\",\"name\":\"Ignored\"}");

        assertThat(byIdentifier.get("id").asLong()).isEqualTo(1);
        assertThat(byIdentifier.get("name").asText()).as("attributes of a reused contact stay").isEqualTo("By Identifier");
        assertThat(byEmail.get("id").asLong()).isEqualTo(2);
        assertThat(byPhone.get("id").asLong()).isEqualTo(3);
        assertThat(byPhone.get("name").asText()).isEqualTo("By Phone");
        assertThat(List.of(byIdentifier, byEmail, byPhone)).extracting(b -> b.get("source_id").asText())
                .doesNotHaveDuplicates();
        assertThat(api.eventNames()).as("no contact was created").isEmpty();
        assertThat(Http.ok(api.app.get(Http.account("/contacts/3"))).at("/payload/contact_inboxes")).hasSize(1);
    }

    @Test
    void aKnownSourceIdReturnsItsSessionUnchanged() {
        JsonNode first = api.createContact("{\"source_id\":\"widget-session-1\",\"name\":\"Alice\"}");
        api.clearEvents();

        Http.Result again = api.client.post(api.inbox() + "/contacts",
                "{\"source_id\":\"widget-session-1\",\"name\":\"Bob\",\"email\":\"bob@x.io\"}");

        assertThat(first.get("source_id").asText()).isEqualTo("widget-session-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.toString());
        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void createRejectsInvalidAttributesAndCreatesNothing() {
        Http.Result badEmail = api.client.post(api.inbox() + "/contacts", "{\"name\":\"A\",\"email\":\"not-an-email\"}");
        Http.Result badPhone = api.client.post(api.inbox() + "/contacts", "{\"phone_number\":\"5550001111\"}");
        Http.Result badAttributes = api.client.post(api.inbox() + "/contacts", "{\"custom_attributes\":\"gold\"}");

        assertThat(badEmail.toString()).isEqualTo("422 {\"message\":\"Email Invalid email\",\"attributes\":[\"email\"]}");
        assertThat(badPhone.toString())
                .isEqualTo("422 {\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertThat(badAttributes.status()).isEqualTo(422);
        assertThat(badAttributes.json().get("error").asText()).contains("custom_attributes");
        assertThat(api.eventNames()).isEmpty();
        assertThat(Http.ok(api.app.get(Http.account("/contacts/search?q=a"))).get("payload")).isEmpty();
        assertThat(api.createContact("{}").get("id").asLong()).as("no id was used up").isEqualTo(1);
    }

    @Test
    void createInAnUnknownInboxIsNotFound() {
        Http.Result result = api.client.post("/public/api/v1/inboxes/unknown/contacts", "{\"name\":\"A\"}");

        assertThat(result.toString()).isEqualTo("404 " + NOT_FOUND);
        assertThat(api.eventNames()).isEmpty();
    }

    // ---- show ----

    @Test
    void showAnswersTheSameShapeAsCreate() {
        JsonNode created = api.createContact("{\"name\":\"Alice\",\"email\":\"alice@x.io\"}");

        Http.Result shown = api.client.get(api.contact(created.get("source_id").asText()));

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(created.toString());
    }

    @Test
    void showOfAnUnknownSourceIdIsNotFound() {
        api.newContact("{\"name\":\"Alice\"}");

        assertThat(api.client.get(api.contact("no-such-session")).toString()).isEqualTo("404 " + NOT_FOUND);
    }

    @Test
    void anotherInboxCannotReachThisInboxsContacts() {
        String otherIdentifier = Http.ok(api.app.post(Http.account("/inboxes"),
                "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")).get("inbox_identifier").asText();
        String sourceId = api.newContact("{\"name\":\"Alice\",\"source_id\":\"shared-session\"}");
        String other = "/public/api/v1/inboxes/" + otherIdentifier + "/contacts/" + sourceId;

        assertThat(api.client.get(other).toString()).isEqualTo("404 " + NOT_FOUND);
        assertThat(api.client.patch(other, "{\"name\":\"Mallory\"}").toString()).isEqualTo("404 " + NOT_FOUND);
        JsonNode sameSourceElsewhere = Http.ok(api.client.post("/public/api/v1/inboxes/" + otherIdentifier
                + "/contacts", "{\"source_id\":\"shared-session\",\"name\":\"Bob\"}"));
        assertThat(sameSourceElsewhere.get("id").asLong()).as("a new contact, not Alice").isNotEqualTo(1);
        assertThat(sameSourceElsewhere.get("name").asText()).isEqualTo("Bob");
        assertThat(Http.ok(api.client.get(api.contact(sourceId))).get("name").asText()).isEqualTo("Alice");
    }

    // ---- update ----

    @Test
    void updateSetsGivenValuesIgnoresBlanksAndTheIdentifierAndDeepMergesCustomAttributes() {
        String sourceId = api.newContact("{\"name\":\"Alice\",\"identifier\":\"user-42\",\"email\":\"alice@x.io\","
                + "\"custom_attributes\":{\"plan\":\"gold\",\"prefs\":{\"lang\":\"en\",\"tz\":\"UTC\"}}}");
        api.clearEvents();

        Http.Result result = api.client.patch(api.contact(sourceId), "{\"name\":\"\",\"email\":\"  \","
                + "\"phone_number\":\"+15550001111\",\"identifier\":\"user-99\","
                + "\"custom_attributes\":{\"prefs\":{\"lang\":\"ar\"},\"seats\":3}}");

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(result.body()).isEqualTo("{\"source_id\":\"" + sourceId + "\",\"pubsub_token\":\""
                + body.get("pubsub_token").asText() + "\",\"id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\","
                + "\"phone_number\":\"+15550001111\"}");
        JsonNode stored = Http.ok(api.app.get(Http.account("/contacts/1"))).get("payload");
        assertThat(stored.get("identifier").asText()).isEqualTo("user-42");
        assertThat(stored.get("custom_attributes").toString())
                .isEqualTo("{\"plan\":\"gold\",\"prefs\":{\"lang\":\"ar\",\"tz\":\"UTC\"},\"seats\":3}");
        assertThat(api.events()).hasSize(1);
        DomainEvent.ContactUpdated updated = (DomainEvent.ContactUpdated) api.events().get(0);
        assertThat(updated.changes()).extracting(AttributeChange::attribute)
                .containsExactly("phone_number", "updated_at", "custom_attributes"); // column order
    }

    @Test
    void putIsTheSameAsPatch() {
        String sourceId = api.newContact("{\"name\":\"Alice\"}");

        JsonNode body = Http.ok(api.client.put(api.contact(sourceId), "{\"name\":\"Alicia\"}"));

        assertThat(body.get("name").asText()).isEqualTo("Alicia");
    }

    @Test
    void anUpdateChangingNothingFiresNoEvent() {
        String sourceId = api.newContact("{\"name\":\"Alice\",\"email\":\"alice@x.io\"}");
        api.clearEvents();

        Http.ok(api.client.patch(api.contact(sourceId), "{\"name\":\"Alice\",\"email\":\"ALICE@x.io\",\"custom_attributes\":{}}"));

        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void givingTheEmailOfAnotherContactMergesIntoThatContact() {
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"Alice\",\"email\":\"alice@x.io\","
                + "\"custom_attributes\":{\"plan\":\"gold\"}}"));
        String anonymous = api.newContact("{\"custom_attributes\":{\"plan\":\"free\",\"source\":\"widget\"}}");
        long conversationId = api.createConversation(anonymous).get("id").asLong();
        long messageId = Http.ok(api.client.post(api.conversation(anonymous, conversationId) + "/messages",
                "{\"content\":\"Hi\"}")).get("id").asLong();
        api.clearEvents();

        JsonNode body = Http.ok(api.client.patch(api.contact(anonymous), "{\"email\":\"Alice@X.io\"}"));

        assertThat(body.get("id").asLong()).as("the existing contact survives").isEqualTo(1);
        assertThat(body.get("source_id").asText()).isEqualTo(anonymous);
        assertThat(body.get("name").asText()).isEqualTo("Alice");
        assertThat(api.app.get(Http.account("/contacts/2")).status()).as("the merged contact is gone").isEqualTo(404);
        JsonNode survivor = Http.ok(api.app.get(Http.account("/contacts/1"))).get("payload");
        assertThat(survivor.get("contact_inboxes")).extracting(ci -> ci.get("source_id").asText()).containsExactly(anonymous);
        assertThat(survivor.get("custom_attributes").toString())
                .as("the survivor's values win, the merged contact fills the gaps")
                .isEqualTo("{\"plan\":\"gold\",\"source\":\"widget\"}");
        JsonNode conversation = Http.ok(api.app.get(Http.account("/conversations/" + conversationId)));
        assertThat(conversation.at("/meta/sender/id").asLong()).isEqualTo(1);
        JsonNode publicConversation = Http.ok(api.client.get(api.conversation(anonymous, conversationId)));
        assertThat(publicConversation.at("/contact/id").asLong()).isEqualTo(1);
        assertThat(publicConversation.at("/messages/0/sender/id").asLong()).isEqualTo(1);
        List<DomainEvent> events = api.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).as("the message now names the survivor as sender")
                .isEqualTo(new DomainEvent.MessageUpdated(1, messageId));
        assertThat(events.get(1)).isInstanceOfSatisfying(DomainEvent.ContactUpdated.class,
                e -> assertThat(e.contactId()).isEqualTo(1));
    }

    @Test
    void givingThePhoneOfAnotherContactMergesIntoThatContact() {
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"Bob\",\"phone_number\":\"+15550003333\"}"));
        String anonymous = api.newContact("{\"name\":\"visitor\"}");

        JsonNode body = Http.ok(api.client.patch(api.contact(anonymous),
                "{\"phone_number\":\"+15550003333\",\"email\":\"bob@x.io\"}"));

        assertThat(body.get("id").asLong()).isEqualTo(1);
        assertThat(body.get("name").asText()).isEqualTo("Bob");
        assertThat(body.get("email").asText()).isEqualTo("bob@x.io");
        assertThat(api.app.get(Http.account("/contacts/2")).status()).isEqualTo(404);
    }

    @Test
    void aPhoneOwnedByAContactWithAnotherEmailIsNeitherMergedNorTaken() {
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"Bob\",\"email\":\"bob@x.io\","
                + "\"phone_number\":\"+15550003333\"}"));
        String anonymous = api.newContact("{\"name\":\"Carol\"}");

        JsonNode body = Http.ok(api.client.patch(api.contact(anonymous),
                "{\"phone_number\":\"+15550003333\",\"email\":\"carol@x.io\"}"));

        assertThat(body.get("id").asLong()).isEqualTo(2);
        assertThat(body.get("email").asText()).isEqualTo("carol@x.io");
        assertThat(body.get("phone_number").isNull()).isTrue();
        assertThat(api.app.get(Http.account("/contacts/1")).status()).isEqualTo(200);
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        Http.ok(api.app.post(Http.account("/contacts"), "{\"name\":\"Alice\",\"email\":\"alice@x.io\"}"));
        String anonymous = api.newContact("{\"name\":\"Visitor\",\"phone_number\":\"+15550004444\"}");
        api.clearEvents();

        Http.Result result = api.client.patch(api.contact(anonymous),
                "{\"name\":\"Renamed\",\"email\":\"alice@x.io\",\"phone_number\":\"12\"}");

        assertThat(result.toString()).isEqualTo(
                "422 {\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertThat(api.eventNames()).isEmpty();
        assertThat(Http.ok(api.client.get(api.contact(anonymous))).get("name").asText()).isEqualTo("Visitor");
        assertThat(api.app.get(Http.account("/contacts/2")).status()).as("the merge was rolled back").isEqualTo(200);
    }

    @Test
    void updateOfAnUnknownSourceIdIsNotFound() {
        assertThat(api.client.patch(api.contact("nobody"), "{\"name\":\"X\"}").toString()).isEqualTo("404 " + NOT_FOUND);
    }
}
