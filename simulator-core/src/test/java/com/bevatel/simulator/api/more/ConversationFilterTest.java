package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /conversations/filter} (app/services/conversations/filter_service.rb). */
class ConversationFilterTest {
    static World world;
    static long first;
    static long second;
    static long third;

    @BeforeAll
    static void start() {
        world = new World();
        world.define("conversation_attribute", "tier", "list");
        first = world.conversation("Alice");
        second = world.conversation("Bob");
        third = world.conversation("Carol");
        long sam = world.sim.user("Sam Agent").id();
        world.admin.post(Http.account("/conversations/" + first + "/assignments"), "{\"assignee_id\":" + sam + "}");
        world.admin.post(Http.account("/conversations/" + first + "/labels"), "{\"labels\":[\"billing\"]}");
        world.admin.post(Http.account("/conversations/" + second + "/toggle_status"), "{\"status\":\"resolved\"}");
        world.admin.post(Http.account("/conversations/" + second + "/toggle_priority"), "{\"priority\":\"urgent\"}");
        world.admin.post(Http.account("/conversations/" + third + "/custom_attributes"), "{\"custom_attributes\":{\"tier\":\"Gold\"}}");
        world.admin.post(Http.account("/conversations/" + third + "/assignments"),
                "{\"team_id\":" + world.sim.team("support").id() + "}");
        world.incoming(third, "latest");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static JsonNode filter(Http http, String key, String operator, String values) {
        Http.Result r = http.post(Http.account("/conversations/filter"), "{\"payload\":[{\"attribute_key\":\"" + key
                + "\",\"filter_operator\":\"" + operator + "\",\"values\":" + values + ",\"query_operator\":null}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.get("payload").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "status|equal_to|[\"open\"]|3,1",
            "status|equal_to|[\"resolved\",\"open\"]|3,2,1",
            "status|not_equal_to|[\"open\"]|2",
            "status|equal_to|[\"all\"]|3,2,1",
            "assignee_id|is_present|[]|1",
            "assignee_id|is_not_present|[]|3,2",
            "assignee_id|equal_to|[\"2\"]|1",
            "priority|equal_to|[\"urgent\"]|2",
            "labels|equal_to|[\"billing\"]|1",
            "labels|is_not_present|[]|3,2",
            "display_id|contains|[\"2\"]|2",
            "display_id|equal_to|[1,3]|3,1",
            "inbox_id|equal_to|[1]|3,2,1",
            "team_id|is_present|[]|3",
            "tier|equal_to|[\"GOLD\"]|3",
            "created_at|is_greater_than|[\"2025-12-31\"]|3,2,1",
            "campaign_id|is_present|[]|''",
    })
    void operators(String key, String operator, String values, String expected) {
        List<Long> wanted = new ArrayList<>();
        if (!expected.isEmpty()) {
            for (String id : expected.split(",")) {
                wanted.add(Long.parseLong(id));
            }
        }
        assertThat(ids(filter(world.admin, key, operator, values))).containsExactlyElementsOf(wanted);
    }

    @Test
    void metaCountsAndTheShape() {
        JsonNode body = filter(world.sam, "status", "equal_to", "[\"open\",\"resolved\"]");
        assertThat(body.get("meta").toString()).isEqualTo("{\"mine_count\":1,\"unassigned_count\":2,\"all_count\":3}");
        assertThat(body.has("data")).isFalse();
        assertThat(body.at("/payload/0/meta/team/is_member").asBoolean()).isTrue();
        assertThat(body.at("/payload/0/messages/0/content").asText()).isEqualTo("latest");
    }

    @Test
    void errors() {
        Http.Result bad = world.admin.post(Http.account("/conversations/filter"), "{\"payload\":[{\"attribute_key\":\"mood\","
                + "\"filter_operator\":\"equal_to\",\"values\":[\"x\"]}]}");
        assertThat(bad.json().get("error").asText()).isEqualTo("Invalid attribute key - [mood]. The key should be one of "
                + "[status,assignee_id,inbox_id,team_id,contact_id,priority,display_id,campaign_id,labels,browser_language,"
                + "conversation_language,referer,created_at,last_activity_at,mail_subject] or a custom attribute defined in the account.");
        Http.Result operator = world.admin.post(Http.account("/conversations/filter"), "{\"payload\":[{\"attribute_key\":"
                + "\"status\",\"filter_operator\":\"contains\",\"values\":[\"o\"]}]}");
        assertThat(operator.json().get("error").asText())
                .isEqualTo("Invalid operator. The allowed operators for status are [equal_to,not_equal_to].");
        Http.Result value = world.admin.post(Http.account("/conversations/filter"), "{\"payload\":[{\"attribute_key\":"
                + "\"assignee_id\",\"filter_operator\":\"equal_to\",\"values\":[\"sam\"]}]}");
        assertThat(value.json().get("error").asText()).isEqualTo("Invalid value. The values provided for assignee_id are invalid");
        assertThat(world.bot.post(Http.account("/conversations/filter"), "{\"payload\":[]}").status()).isEqualTo(401);
    }
}
