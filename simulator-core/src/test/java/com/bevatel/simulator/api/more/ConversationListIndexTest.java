package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrator's default conversation list is read from an index (counts and one page) instead
 * of a scan; any extra filter, such as {@code inbox_id} of the only inbox, takes the scanning path.
 * After a mixed history — statuses, agent and bot assignments, new messages reordering the list, a
 * clock set back (ties in last activity), deletions — both paths must answer byte for byte the same.
 */
class ConversationListIndexTest {
    private static final List<String> STATUSES = List.of("open", "resolved", "pending", "snoozed", "all");
    private static final List<String> ASSIGNEE_TYPES = List.of("all", "me", "unassigned", "assigned");

    static World world;
    static final List<Long> conversations = new ArrayList<>();

    @BeforeAll
    static void start() {
        world = new World();
        Random random = new Random(7);
        long sam = world.sim.user("Sam Agent").id();
        long kim = world.sim.user("Kim Agent").id();
        long bot = world.sim.agentBot("Helper Bot").id();
        for (int i = 0; i < 70; i++) {
            if (i == 40) {
                // Later conversations start at the same instants as earlier ones: ties broken by id.
                world.sim.clock().set(Instant.parse("2026-01-01T00:00:30Z"));
            }
            long id = world.conversation("Contact " + i);
            conversations.add(id);
            switch (random.nextInt(6)) {
                case 0 -> assign(id, "{\"assignee_id\":" + sam + "}");
                case 1 -> assign(id, "{\"assignee_id\":" + kim + "}");
                case 2 -> assign(id, "{\"assignee_id\":1}");
                case 3 -> assign(id, "{\"assignee_id\":" + bot + ",\"assignee_type\":\"AgentBot\"}");
                default -> { }
            }
            switch (random.nextInt(5)) {
                case 0 -> status(id, "{\"status\":\"resolved\"}");
                case 1 -> status(id, "{\"status\":\"pending\"}");
                case 2 -> status(id, "{\"status\":\"snoozed\"}");
                default -> { }
            }
        }
        for (int i = 0; i < 40; i++) {
            long id = conversations.get(random.nextInt(conversations.size()));
            world.incoming(id, "message " + i);
        }
        for (int i = 0; i < 3; i++) {
            long id = conversations.remove(random.nextInt(conversations.size()));
            assertThat(world.admin.delete(Http.account("/conversations/" + id)).status()).isEqualTo(200);
        }
    }

    private static void assign(long conversation, String json) {
        Http.Result r = world.admin.post(Http.account("/conversations/" + conversation + "/assignments"), json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void status(long conversation, String json) {
        Http.Result r = world.admin.post(Http.account("/conversations/" + conversation + "/toggle_status"), json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void indexedListEqualsTheScan() {
        int nonEmptyPages = 0;
        for (String status : STATUSES) {
            for (String assigneeType : ASSIGNEE_TYPES) {
                for (int page = 1; page <= 3; page++) {
                    String query = "status=" + status + "&assignee_type=" + assigneeType + "&page=" + page;
                    Http.Result indexed = world.admin.get(Http.account("/conversations?" + query));
                    Http.Result scanned = world.admin.get(Http.account("/conversations?" + query + "&inbox_id=1"));
                    assertThat(indexed.status()).as(indexed.toString()).isEqualTo(200);
                    assertThat(indexed.body()).as(query).isEqualTo(scanned.body());
                    if (!indexed.json().at("/data/payload").isEmpty()) {
                        nonEmptyPages++;
                    }
                }
            }
        }
        // The history above spreads conversations over every status and assignee kind, past one page.
        assertThat(nonEmptyPages).isGreaterThanOrEqualTo(20);
        assertThat(world.admin.get(Http.account("/conversations?status=all&page=3")).json().at("/data/payload").size())
                .isEqualTo(conversations.size() - 50);
        assertThat(world.admin.get(Http.account("/conversations?status=all")).json().at("/data/meta/all_count").asLong())
                .isEqualTo(conversations.size());
    }

    @Test
    void defaultsSortAliasesAndMetaEqualTheScan() {
        for (String query : List.of("", "sort_by=latest", "sort_by=last_activity_at_desc&page=2", "page=0", "page=99")) {
            Http.Result indexed = world.admin.get(Http.account("/conversations?" + query));
            Http.Result scanned = world.admin.get(Http.account("/conversations?" + query + "&inbox_id=1"));
            assertThat(indexed.body()).as(query).isEqualTo(scanned.body());
        }
        for (String status : STATUSES) {
            assertThat(world.admin.get(Http.account("/conversations/meta?status=" + status)).body())
                    .isEqualTo(world.admin.get(Http.account("/conversations/meta?inbox_id=1&status=" + status)).body());
        }
    }

    @Test
    void badStatusAndAssigneeTypeAreTheSame422() {
        for (String query : List.of("status=sideways", "assignee_type=nobody", "status=sideways&assignee_type=nobody")) {
            Http.Result indexed = world.admin.get(Http.account("/conversations?" + query));
            assertThat(indexed.status()).isEqualTo(422);
            assertThat(indexed.body()).isEqualTo(world.admin.get(Http.account("/conversations?inbox_id=1&" + query)).body());
        }
    }
}
