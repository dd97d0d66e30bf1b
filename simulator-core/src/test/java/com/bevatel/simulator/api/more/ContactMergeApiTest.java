package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /actions/contact_merge} over HTTP, as Chatwoot 4.16.2 merges
 * (app/controllers/api/v1/accounts/actions/contact_merges_controller.rb, app/actions/contact_merge_action.rb and
 * spec/actions/contact_merge_action_spec.rb): the mergee's conversations, messages, contact-inboxes and notes move
 * to the base, the mergee goes, the base keeps its values and fills its blanks from the mergee's.
 */
@ExtendWith(WorldPerTest.class)
class ContactMergeApiTest {
    private static final String MERGE = Http.account("/actions/contact_merge");
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;

    World world;
    long base;
    long mergee;
    long baseConversation;
    long mergeeConversation;

    /** The action spec's two contacts, each with a conversation; the mergee also with two messages, a note and a label. */
    @BeforeEach
    void start() {
        JsonNode baseContact = world.contact("{\"inbox_id\":1,\"name\":\"\",\"identifier\":\"base_contact\",\"email\":\"old@old.com\","
                + "\"phone_number\":\"\",\"custom_attributes\":{\"val_test\":\"old\",\"val_empty_old\":\"\"},"
                + "\"additional_attributes\":{\"city\":\"Paris\",\"social\":{\"x\":\"base\"}}}");
        JsonNode mergeeContact = world.contact("{\"inbox_id\":1,\"name\":\"Mergee Name\",\"identifier\":\"\",\"email\":\"new@new.com\","
                + "\"phone_number\":\"+12212345\",\"custom_attributes\":{\"val_test\":\"new\",\"val_new\":\"new\","
                + "\"val_empty_new\":\"\"},\"additional_attributes\":{\"city\":\"Rome\",\"country\":\"Italy\","
                + "\"social\":{\"y\":\"mergee\"}}}");
        base = baseContact.get("id").asLong();
        mergee = mergeeContact.get("id").asLong();
        baseConversation = conversation(baseContact);
        mergeeConversation = conversation(mergeeContact);
        world.incoming(mergeeConversation, "first from the mergee");
        world.admin.post(Http.account("/conversations/" + mergeeConversation + "/messages"), "{\"content\":\"agent reply\"}");
        world.incoming(mergeeConversation, "second from the mergee");
        Http.ok(world.sam.post(Http.account("/contacts/" + mergee + "/notes"), "{\"content\":\"mergee's note\"}"));
        Http.ok(world.admin.post(Http.account("/contacts/" + mergee + "/labels"), "{\"labels\":[\"vip\"]}"));
        world.events.clear();
    }

    /** A conversation on the contact's session in the API inbox. */
    private long conversation(JsonNode contact) {
        return Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\""
                + contact.at("/contact_inboxes/0/source_id").asText() + "\"}")).get("id").asLong();
    }

    /** The state as exported, without the clock (every write moves it, even one that changes nothing). */
    private String state() {
        ObjectNode state = world.sim.exportState();
        state.remove("clock");
        return state.toString();
    }

    private static JsonNode json(String text) {
        return new Http.Result(200, text, null).json();
    }

    private Http.Result merge(Http as, Object baseId, Object mergeeId) {
        return as.post(MERGE, "{\"base_contact_id\":" + baseId + ",\"mergee_contact_id\":" + mergeeId + "}");
    }

    /** The spec's expectations, and the answer: the base contact's partial at the top level, without contact_inboxes. */
    @Test
    void theBaseKeepsItsValuesAndFillsItsBlanksFromTheMergee() {
        Http.Result merged = merge(world.sam, base, mergee);
        assertThat(merged.status()).as("no policy: agents merge").isEqualTo(200);
        JsonNode contact = merged.json();
        assertThat(contact.get("id").asLong()).isEqualTo(base);
        assertThat(contact.has("contact_inboxes")).isFalse();
        assertThat(contact.get("identifier").asText()).isEqualTo("base_contact");
        assertThat(contact.get("email").asText()).isEqualTo("old@old.com");
        assertThat(contact.get("phone_number").asText()).isEqualTo("+12212345");
        assertThat(contact.get("name").asText()).as("the base's blank name").isEqualTo("Mergee Name");
        // Compared as JSON values: Postgres' jsonb keeps no key order, so none is promised here.
        assertThat(contact.get("custom_attributes")).isEqualTo(json("{\"val_test\":\"old\",\"val_new\":\"new\","
                + "\"val_empty_new\":\"\",\"val_empty_old\":\"\"}"));
        assertThat(contact.get("additional_attributes")).as("deep-merged, the base winning")
                .isEqualTo(json("{\"city\":\"Paris\",\"country\":\"Italy\",\"social\":{\"y\":\"mergee\",\"x\":\"base\"}}"));
        JsonNode shown = Http.ok(world.admin.get(Http.account("/contacts/" + base + "?include_contact_inboxes=false")))
                .get("payload");
        assertThat(shown).isEqualTo(contact);

        assertThat(world.admin.get(Http.account("/contacts/" + mergee)).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sim.exportState().get("contact_labels").toString()).as("the mergee's labels are gone")
                .doesNotContain("vip");
    }

    /** Conversations, their messages' sender, contact-inboxes and notes now belong to the base. */
    @Test
    void everythingOfTheMergeeMovesToTheBase() {
        String mergeeSource = world.admin.get(Http.account("/conversations/" + mergeeConversation)).json()
                .at("/meta/sender/id").asText();
        assertThat(mergeeSource).isEqualTo(String.valueOf(mergee));
        Http.ok(merge(world.admin, base, mergee));

        JsonNode conversations = Http.ok(world.admin.get(Http.account("/contacts/" + base + "/conversations"))).get("payload");
        assertThat(conversations).extracting(c -> c.get("id").asLong())
                .containsExactlyInAnyOrder(baseConversation, mergeeConversation);
        assertThat(world.show(mergeeConversation).at("/meta/sender/id").asLong()).isEqualTo(base);
        JsonNode messages = Http.ok(world.admin.get(Http.account("/conversations/" + mergeeConversation + "/messages")))
                .get("payload");
        for (JsonNode message : messages) {
            if (message.get("message_type").asInt() == 0) {
                assertThat(message.at("/sender/id").asLong()).as(message.toString()).isEqualTo(base);
            } else {
                assertThat(message.at("/sender/type").asText()).isEqualTo("user");
            }
        }
        JsonNode sessions = Http.ok(world.admin.get(Http.account("/contacts/" + base))).at("/payload/contact_inboxes");
        assertThat(sessions).hasSize(2);
        for (JsonNode session : sessions) {
            JsonNode found = Http.ok(world.admin.post(Http.account("/contact_inboxes/filter"),
                    "{\"inbox_id\":1,\"source_id\":\"" + session.get("source_id").asText() + "\"}"));
            assertThat(found.get("id").asLong()).isEqualTo(base);
        }
        JsonNode notes = Http.ok(world.admin.get(Http.account("/contacts/" + base + "/notes")));
        assertThat(notes).extracting(n -> n.get("content").asText()).containsExactly("mergee's note");
        assertThat(notes.at("/0/user/name").asText()).as("the author stays").isEqualTo("Sam Agent");
        assertThat(Http.ok(world.admin.get(Http.account("/contacts"))).at("/meta/count").asInt()).isEqualTo(1);
    }

    /**
     * message_updated for each message that changed sender (the incoming ones), then the base's contact_updated
     * in the contacts table's column order; no conversation_updated (contact_id is not among its keys) and no
     * contact_deleted (not a webhook event).
     */
    @Test
    void theMovedMessagesAndTheBaseAreAnnounced() {
        Http.ok(merge(world.admin, base, mergee));
        assertThat(world.delivered()).containsExactly("message_updated", "message_updated", "contact_updated");
        List<DomainEvent.MessageUpdated> moved = world.events.of(DomainEvent.MessageUpdated.class);
        JsonNode messages = Http.ok(world.admin.get(Http.account("/conversations/" + mergeeConversation + "/messages")))
                .get("payload");
        List<Long> incoming = new java.util.ArrayList<>();
        messages.forEach(m -> {
            if (m.get("message_type").asInt() == 0) {
                incoming.add(m.get("id").asLong());
            }
        });
        assertThat(moved).extracting(DomainEvent.MessageUpdated::messageId).containsExactlyElementsOf(incoming);
        DomainEvent.ContactUpdated updated = world.events.of(DomainEvent.ContactUpdated.class).get(0);
        assertThat(updated.contactId()).isEqualTo(base);
        assertThat(updated.changes()).extracting(AttributeChange::attribute).containsExactly("name", "phone_number",
                "updated_at", "additional_attributes", "custom_attributes", "country_code");
    }

    /** A contact merged into itself: ContactMergeAction returns at once (200, nothing changes, no events). */
    @Test
    void aContactMergedIntoItselfStaysAsItIs() {
        String before = state();
        JsonNode same = Http.ok(merge(world.admin, mergee, "\"" + mergee + "\""));
        assertThat(same.get("id").asLong()).isEqualTo(mergee);
        assertThat(state()).isEqualTo(before);
        assertThat(world.events.list()).isEmpty();
    }

    /** Either contact not found — unknown, not given, not an id — is 404, and nothing moves. */
    @Test
    void unknownContactsAre404AndNothingMoves() {
        String before = state();
        for (Http.Result refused : List.of(merge(world.admin, 999, mergee), merge(world.admin, base, 999),
                world.admin.post(MERGE, "{\"base_contact_id\":" + base + "}"), world.admin.post(MERGE, "{}"),
                merge(world.admin, "\"abc\"", mergee), merge(world.admin, "[" + base + "]", mergee),
                merge(world.admin, base, "null"))) {
            assertThat(refused.body()).isEqualTo(NOT_FOUND);
        }
        assertThat(world.bot.post(MERGE, "{\"base_contact_id\":" + base + ",\"mergee_contact_id\":" + mergee + "}").body())
                .isEqualTo(RolesAndBotsTest.BOTS);
        assertThat(world.admin.withToken(null).post(MERGE, "{}").status()).isEqualTo(401);
        assertThat(state()).isEqualTo(before);
        assertThat(world.events.list()).isEmpty();
    }

    /**
     * One transaction: when the base cannot be saved (here a state file gave the mergee a phone number the model
     * refuses), the 422 leaves everything where it was — Chatwoot's update! raises inside its transaction.
     */
    @Test
    void aMergeThatCannotBeSavedChangesNothing() {
        ObjectNode state = world.sim.exportState();
        state.withArray("contacts").forEach(c -> {
            if (c.get("id").asLong() == mergee) {
                ((ObjectNode) c).put("phone_number", "12345");
            }
        });
        world.sim.importState(state);
        String before = state();
        Http.Result refused = merge(world.admin, base, mergee);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .isEqualTo("{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertThat(state()).isEqualTo(before);
        assertThat(world.events.list()).isEmpty();
    }
}
