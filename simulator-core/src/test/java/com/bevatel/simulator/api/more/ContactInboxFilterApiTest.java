package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /contact_inboxes/filter} over HTTP — how an API-channel integration finds its user by
 * {@code inbox_id} + {@code source_id} — as Chatwoot 4.16.2 answers it
 * (app/controllers/api/v1/accounts/contact_inboxes_controller.rb and its spec,
 * app/views/api/v1/accounts/contact_inboxes/filter.json.jbuilder, app/policies/inbox_policy.rb).
 */
@ExtendWith(WorldPerTest.class)
class ContactInboxFilterApiTest {
    private static final String FILTER = Http.account("/contact_inboxes/filter");
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;

    World world;
    JsonNode alice;
    String source;
    long unstaffed;

    @BeforeEach
    void start() {
        alice = world.contact("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.test\",\"custom_attributes\":{\"plan\":\"gold\"}}");
        source = alice.at("/contact_inboxes/0/source_id").asText();
        unstaffed = Http.ok(world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}"))
                .get("id").asLong();
        Http.ok(world.admin.post(Http.account("/contacts/" + alice.get("id").asLong() + "/contact_inboxes"),
                "{\"inbox_id\":" + unstaffed + ",\"source_id\":\"alice-elsewhere\"}"));
        world.events.clear();
    }

    private Http.Result filter(Http as, Object inboxId, String sourceId) {
        return as.post(FILTER, "{\"inbox_id\":" + inboxId + ",\"source_id\":" + sourceId + "}");
    }

    /** The contact partial at the top level, with every contact-inbox of the contact (as GET /contacts/{id} shows). */
    @Test
    void theSessionsContactIsAnsweredWithItsContactInboxes() {
        Http.Result found = filter(world.admin, 1, "\"" + source + "\"");
        assertThat(found.status()).isEqualTo(200);
        JsonNode shown = Http.ok(world.admin.get(Http.account("/contacts/" + alice.get("id").asLong()))).get("payload");
        assertThat(found.body()).isEqualTo(shown.toString());
        assertThat(found.json().get("contact_inboxes")).hasSize(2);
        assertThat(found.body()).startsWith("{\"additional_attributes\":{},\"availability_status\":\"offline\","
                + "\"email\":\"alice@x.test\",\"id\":1,\"name\":\"Alice\",\"phone_number\":null,\"blocked\":false,"
                + "\"identifier\":null,\"thumbnail\":\"\",\"custom_attributes\":{\"plan\":\"gold\"},\"created_at\":");
        assertThat(filter(world.admin, unstaffed, "\"alice-elsewhere\"").json().get("id").asLong())
                .isEqualTo(alice.get("id").asLong());
        assertThat(world.admin.post(FILTER + "?inbox_id=1&source_id=" + source, null).status()).as("query parameters")
                .isEqualTo(200);
        assertThat(world.events.list()).isEmpty();
    }

    /** No session with that source_id in that inbox: head :not_found, a 404 without a body. */
    @Test
    void anUnknownSourceIdIsABodiless404() {
        for (Http.Result none : List.of(filter(world.admin, 1, "\"random_source_id\""), filter(world.admin, 1, "null"),
                filter(world.admin, 1, "{\"a\":1}"), world.admin.post(FILTER, "{\"inbox_id\":1}"),
                filter(world.admin, 1, "\"alice-elsewhere\""), filter(world.admin, unstaffed, "\"" + source + "\""))) {
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.body()).isEmpty();
        }
    }

    /** The inbox is found first: missing, unknown, not an id or another account's is the JSON 404. */
    @Test
    void anUnknownInboxIsTheJson404() {
        for (Http.Result none : List.of(filter(world.admin, 999, "\"" + source + "\""),
                world.admin.post(FILTER, "{\"source_id\":\"" + source + "\"}"), world.admin.post(FILTER, "{}"),
                filter(world.admin, "\"abc\"", "\"" + source + "\""), filter(world.admin, "[1]", "\"" + source + "\""),
                world.admin.post(FILTER, null))) {
            assertThat(none.body()).isEqualTo(NOT_FOUND);
        }
        assertThat(filter(world.admin, "\"1\"", "\"" + source + "\"").status()).as("an id as a string").isEqualTo(200);
    }

    /**
     * authorize @inbox, :show?: an agent finds sessions of their own inboxes only (401 for another inbox, before
     * the session is looked up); bots are refused the route, callers without a token too.
     */
    @Test
    void agentsFindSessionsOfTheirInboxesOnly() {
        assertThat(filter(world.sam, 1, "\"" + source + "\"").status()).isEqualTo(200);
        assertThat(filter(world.sam, unstaffed, "\"alice-elsewhere\"").body()).isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
        assertThat(filter(world.sam, unstaffed, "\"nobody\"").body()).isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
        assertThat(filter(world.sam, 999, "\"nobody\"").body()).isEqualTo(NOT_FOUND);
        assertThat(filter(world.admin, unstaffed, "\"alice-elsewhere\"").status()).isEqualTo(200);
        assertThat(filter(world.bot, 1, "\"" + source + "\"").body()).isEqualTo(RolesAndBotsTest.BOTS);
        assertThat(filter(world.admin.withToken(null), 1, "\"" + source + "\"").body())
                .isEqualTo("{\"errors\":[\"You need to sign in or sign up before continuing.\"]}");
    }
}
