package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.JsonBag;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /contacts/{id}/destroy_custom_attributes} (app/controllers/api/v1/accounts/contacts_controller.rb,
 * contacts/destroy_custom_attributes.json.jbuilder) and {@code POST /conversations/{id}/destroy_custom_attributes}
 * (app/controllers/concerns/conversation_custom_attributes_concern.rb): {@code custom_attributes.excluding(keys)},
 * saved — contact_updated / conversation_updated with the changed custom_attributes when a key went.
 */
@ExtendWith(WorldPerTest.class)
class DestroyCustomAttributesTest {
    World world;

    /** The spec: {test, test1} minus ["test"] is {test1}; the answer is the contact with its contact_inboxes. */
    @Test
    void aContactLosesTheNamedKeys() {
        JsonNode contact = world.contact("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@acme.test\","
                + "\"custom_attributes\":{\"test\":\"test\",\"test1\":\"test1\",\"plan\":\"gold\"}}");
        long id = contact.get("id").asLong();
        String path = Http.account("/contacts/" + id + "/destroy_custom_attributes");
        world.events.clear();

        Http.Result removed = world.sam.post(path, "{\"custom_attributes\":[\"test\",\"plan\",\"missing\"]}");
        assertThat(removed.status()).isEqualTo(200);
        JsonNode payload = removed.json().get("payload");
        assertThat(payload.get("custom_attributes").toString()).isEqualTo("{\"test1\":\"test1\"}");
        assertThat(payload.at("/contact_inboxes/0/inbox/id").asLong()).as("with contact_inboxes").isEqualTo(1);
        String shown = world.admin.get(Http.account("/contacts/" + id + "?include_contact_inboxes=true")).body();
        assertThat(removed.body()).as("the show partial with contact_inboxes").isEqualTo(shown);

        List<DomainEvent.ContactUpdated> updated = world.events.of(DomainEvent.ContactUpdated.class);
        assertThat(updated).hasSize(1);
        assertThat(updated.get(0).changes()).extracting(AttributeChange::attribute)
                .containsExactly("updated_at", "custom_attributes");
        AttributeChange change = updated.get(0).changes().get(1);
        assertThat(((JsonBag) change.currentValue()).keys()).containsExactly("test1");

        world.events.clear();
        Http.ok(world.admin.post(path, "{\"custom_attributes\":[\"missing\",1,[\"test1\"]]}"));
        Http.ok(world.admin.post(path, "{}"));
        assertThat(world.events.list()).as("nothing removed: no event").isEmpty();
        assertThat(Http.ok(world.admin.post(path, "{\"custom_attributes\":\"test1\"}")).at("/payload/custom_attributes").size())
                .as("a single key as a string").isZero();
        assertThat(world.admin.post(Http.account("/contacts/999/destroy_custom_attributes"), "{\"custom_attributes\":[\"a\"]}")
                .body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
        assertThat(world.bot.post(path, "{\"custom_attributes\":[\"a\"]}").body()).isEqualTo(RolesAndBotsTest.BOTS);
    }

    /** The spec: the answer is {"custom_attributes": what is left}; conversation_updated names custom_attributes. */
    @Test
    void aConversationLosesTheNamedKeys() {
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);
        Http.ok(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"test\":\"test\",\"test1\":\"test1\"}}"));
        world.events.clear();

        Http.Result removed = world.sam.post(base + "/destroy_custom_attributes", "{\"custom_attributes\":[\"test\"]}");
        assertThat(removed.body()).isEqualTo("{\"custom_attributes\":{\"test1\":\"test1\"}}");
        assertThat(world.show(conversation).get("custom_attributes").toString()).isEqualTo("{\"test1\":\"test1\"}");
        assertThat(world.delivered()).containsExactly("conversation_updated");
        DomainEvent.ConversationUpdated updated = world.events.of(DomainEvent.ConversationUpdated.class).get(0);
        assertThat(updated.changes()).extracting(AttributeChange::attribute).contains("custom_attributes");
        assertThat(world.contents(conversation)).as("no activity line").isEmpty();

        world.events.clear();
        assertThat(world.admin.post(base + "/destroy_custom_attributes", "{\"custom_attributes\":[\"other\"]}").body())
                .isEqualTo("{\"custom_attributes\":{\"test1\":\"test1\"}}");
        assertThat(world.events.list()).as("nothing removed: no event").isEmpty();
        assertThat(world.admin.post(Http.account("/conversations/999/destroy_custom_attributes"), "{}").body())
                .isEqualTo(RolesAndBotsTest.NOT_FOUND);
        // Bots may set custom attributes (BOT_ACCESSIBLE_ENDPOINTS lists custom_attributes), not destroy them.
        assertThat(world.bot.post(base + "/custom_attributes", "{\"custom_attributes\":{\"a\":1},\"merge\":true}").status())
                .isEqualTo(200);
        assertThat(world.bot.post(base + "/destroy_custom_attributes", "{\"custom_attributes\":[\"a\"]}").body())
                .isEqualTo(RolesAndBotsTest.BOTS);
        assertThat(world.show(conversation).get("custom_attributes").toString()).isEqualTo("{\"test1\":\"test1\",\"a\":1}");
    }
}
