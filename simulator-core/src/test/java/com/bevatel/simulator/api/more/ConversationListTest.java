package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /conversations} (app/finders/conversation_finder.rb) with {@code q}, {@code labels[]}, {@code team_id},
 * {@code sort_by}, {@code updated_within}.
 */
class ConversationListTest {
    static World world;
    static long first;
    static long second;
    static long third;

    @BeforeAll
    static void start() {
        world = new World();
        first = world.conversation("Alice");
        second = world.conversation("Bob");
        third = world.conversation("Carol");
        world.incoming(first, "My parcel never arrived");
        world.admin.post(Http.account("/conversations/" + second + "/messages"), "{\"content\":\"Your PARCEL is here\"}");
        world.admin.post(Http.account("/conversations/" + first + "/labels"), "{\"labels\":[\"billing\",\"vip\"]}");
        world.admin.post(Http.account("/conversations/" + second + "/labels"), "{\"labels\":[\"vip\"]}");
        world.admin.post(Http.account("/conversations/" + second + "/toggle_priority"), "{\"priority\":\"high\"}");
        world.admin.post(Http.account("/conversations/" + third + "/toggle_priority"), "{\"priority\":\"low\"}");
        world.admin.post(Http.account("/conversations/" + third + "/assignments"),
                "{\"team_id\":" + world.sim.team("support").id() + "}");
        world.admin.post(Http.account("/conversations/" + third + "/toggle_status"), "{\"status\":\"resolved\"}");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static List<Long> ids(String query) {
        Http.Result r = world.admin.get(Http.account("/conversations?" + query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().at("/data/payload").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @Test
    void qSearchesMessageContentAcrossStatuses() {
        assertThat(ids("q=parcel")).containsExactlyInAnyOrder(first, second);
        assertThat(ids("q=nothing-like-this")).isEmpty();
    }

    @Test
    void labelsMatchAnyOfTheGivenOnes() {
        // Chatwoot's ConversationFinder: tagged_with(params[:labels], any: true).
        assertThat(ids("labels[]=vip")).containsExactlyInAnyOrder(first, second);
        assertThat(ids("labels[]=vip&labels[]=billing")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void teamFilterAndUnknownTeam() {
        long team = world.sim.team("support").id();
        assertThat(ids("status=all&team_id=" + team)).containsExactly(third);
        assertThat(world.admin.get(Http.account("/conversations?team_id=99")).body())
                .isEqualTo("{\"error\":\"Resource could not be found\"}");
    }

    @Test
    void sortOrders() {
        assertThat(ids("status=all&sort_by=created_at_asc")).containsExactly(first, second, third);
        assertThat(ids("status=all&sort_by=created_at_desc")).containsExactly(third, second, first);
        assertThat(ids("status=all&sort_by=priority_desc")).containsExactly(second, third, first);
        assertThat(world.admin.get(Http.account("/conversations?sort_by=sideways")).status()).isEqualTo(422);
    }

    @Test
    void updatedWithinKeepsRecentlyUpdatedConversationsUnpaged() {
        world.sim.clock().advance(Duration.ofHours(1));
        world.admin.post(Http.account("/conversations/" + second + "/toggle_priority"), "{\"priority\":\"urgent\"}");
        assertThat(ids("updated_within=60")).containsExactly(second);
        JsonNode meta = world.admin.get(Http.account("/conversations?updated_within=60")).json().at("/data/meta");
        assertThat(meta.get("all_count").asInt()).isEqualTo(1);
        assertThat(ids("updated_within=100000&status=all")).hasSize(3);
    }
}
