package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /contacts/{id}/contactable_inboxes} (app/controllers/api/v1/accounts/contacts_controller.rb). */
@ExtendWith(WorldPerTest.class)
class ContactableInboxTest {
    World world;

    @Test
    void everyVisibleApiInboxWithTheLatestOrAFreshSourceId() {
        JsonNode alice = world.contact("{\"name\":\"Alice\",\"inbox_id\":1,\"source_id\":\"alice-1\"}");
        world.admin.post(Http.account("/contacts/" + alice.get("id").asLong() + "/contact_inboxes"),
                "{\"inbox_id\":1,\"source_id\":\"alice-2\"}");
        world.admin.post(Http.account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\"}}");
        String path = Http.account("/contacts/" + alice.get("id").asLong() + "/contactable_inboxes");

        JsonNode payload = world.admin.get(path).json().get("payload");
        assertThat(payload).hasSize(2);
        assertThat(payload.get(0).toString()).isEqualTo("{\"inbox\":{\"id\":1,\"avatar_url\":\"\",\"channel_id\":1,"
                + "\"name\":\"Bevatel API\",\"channel_type\":\"Channel::Api\",\"provider\":null},\"source_id\":\"alice-2\"}");
        String fresh = payload.get(1).get("source_id").asText();
        assertThat(fresh).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(world.admin.get(path).json().at("/payload/1/source_id").asText()).isEqualTo(fresh);

        assertThat(world.sam.get(path).json().get("payload")).extracting(i -> i.at("/inbox/id").asLong()).containsExactly(1L);
        assertThat(world.admin.get(Http.account("/contacts/99/contactable_inboxes")).status()).isEqualTo(404);
    }
}
