package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET|POST /contacts/{id}/labels} (app/controllers/api/v1/accounts/contacts/labels_controller.rb), and
 * {@code labels[]} on the contact list.
 */
@ExtendWith(WorldPerTest.class)
class ContactLabelTest {
    World world;
    long alice;

    @BeforeEach
    void start() {
        alice = world.contact("{\"name\":\"Alice\",\"email\":\"alice@x.test\"}").get("id").asLong();
        world.events.clear();
    }

    @Test
    void postReplacesTheLabelsAndFiresContactUpdated() {
        String labels = Http.account("/contacts/" + alice + "/labels");
        assertThat(world.admin.get(labels).body()).isEqualTo("{\"payload\":[]}");
        assertThat(world.sam.post(labels, "{\"labels\":[\"lead\",\"vip\",\"lead\"]}").body())
                .isEqualTo("{\"payload\":[\"lead\",\"vip\"]}");
        assertThat(world.admin.get(labels).body()).isEqualTo("{\"payload\":[\"lead\",\"vip\"]}");
        assertThat(world.delivered()).containsExactly("contact_updated");
        DomainEvent.ContactUpdated event = world.events.of(DomainEvent.ContactUpdated.class).get(0);
        assertThat(event.contactId()).isEqualTo(alice);
        assertThat(event.changes()).extracting(AttributeChange::attribute).containsExactly("label_list", "updated_at");
        assertThat(event.changes().get(0).currentValue()).isEqualTo(List.of("lead", "vip"));

        world.admin.post(labels, "{\"labels\":[\"vip\",\"lead\"]}");
        assertThat(world.events.list()).hasSize(1);
        assertThat(world.admin.post(labels, "{\"labels\":[]}").body()).isEqualTo("{\"payload\":[]}");
        assertThat(world.events.list()).hasSize(2);
    }

    @Test
    void theListFiltersByAnyOfTheLabels() {
        long bob = world.contact("{\"name\":\"Bob\",\"email\":\"bob@x.test\"}").get("id").asLong();
        world.contact("{\"name\":\"Carol\",\"email\":\"carol@x.test\"}");
        world.admin.post(Http.account("/contacts/" + alice + "/labels"), "{\"labels\":[\"vip\"]}");
        world.admin.post(Http.account("/contacts/" + bob + "/labels"), "{\"labels\":[\"churn\"]}");
        assertThat(world.admin.get(Http.account("/contacts?labels[]=vip&labels[]=churn")).json().get("payload"))
                .extracting(c -> c.get("name").asText()).containsExactly("Alice", "Bob");
        assertThat(world.admin.get(Http.account("/contacts?labels[]=vip")).json().at("/meta/count").asInt()).isEqualTo(1);
        assertThat(world.admin.get(Http.account("/contacts")).json().at("/meta/count").asInt()).isEqualTo(3);
    }

    @Test
    void deletingTheContactDeletesItsLabels() {
        world.admin.post(Http.account("/contacts/" + alice + "/labels"), "{\"labels\":[\"vip\"]}");
        assertThat(world.sim.exportState().get("contact_labels")).hasSize(1);
        assertThat(world.admin.delete(Http.account("/contacts/" + alice)).status()).isEqualTo(200);
        assertThat(world.sim.exportState().get("contact_labels")).as("labels of the deleted contact").isEmpty();
    }

    @Test
    void errors() {
        assertThat(world.admin.get(Http.account("/contacts/999/labels")).body())
                .isEqualTo("{\"error\":\"Resource could not be found\"}");
        assertThat(world.admin.post(Http.account("/contacts/999/labels"), "{\"labels\":[\"a\"]}").status()).isEqualTo(404);
        assertThat(world.admin.post(Http.account("/contacts/" + alice + "/labels"), "{\"labels\":{\"a\":1}}").status())
                .isEqualTo(422);
        assertThat(world.events.list()).isEmpty();
    }
}
