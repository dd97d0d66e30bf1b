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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /contacts/filter} (app/services/contacts/filter_service.rb): operators, AND/OR, and the 422s. */
class ContactFilterTest {
    static World world;

    @BeforeAll
    static void start() {
        world = new World();
        world.define("contact_attribute", "plan", "list");
        world.define("contact_attribute", "seats", "number");
        long alice = world.contact("{\"name\":\"Alice Smith\",\"email\":\"alice@acme.test\",\"phone_number\":\"+15550001111\","
                + "\"additional_attributes\":{\"city\":\"Berlin\",\"country_code\":\"DE\"},\"custom_attributes\":{\"plan\":\"Gold\",\"seats\":10}}")
                .get("id").asLong();
        world.sim.clock().advance(Duration.ofDays(3));
        world.contact("{\"name\":\"Bob\",\"email\":\"bob@other.test\",\"blocked\":true,"
                + "\"additional_attributes\":{\"city\":\"Paris\"},\"custom_attributes\":{\"plan\":\"silver\",\"seats\":2}}");
        world.contact("{\"name\":\"Carol\",\"identifier\":\"carol-1\"}");
        world.contact("{\"name\":\"Nobody Identified\"}");
        world.admin.post(Http.account("/contacts/" + alice + "/labels"), "{\"labels\":[\"vip\"]}");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Http.Result filter(String payload) {
        return world.admin.post(Http.account("/contacts/filter"), "{\"payload\":" + payload + "}");
    }

    private static List<String> names(String payload) {
        Http.Result r = filter(payload);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("payload").forEach(c -> names.add(c.get("name").asText()));
        assertThat(r.json().at("/meta/count").asInt()).isEqualTo(names.size());
        return names;
    }

    private static String row(String key, String operator, String values, String queryOperator) {
        return "{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator + "\",\"values\":" + values
                + ",\"query_operator\":" + (queryOperator == null ? "null" : "\"" + queryOperator + "\"") + "}";
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "email|contains|[\"@ACME\"]|Alice Smith",
            "email|equal_to|[\"BOB@other.test\"]|Bob",
            "email|does_not_contain|[\"acme\",\"zzz\"]|Bob",
            "name|equal_to|[\"alice smith\"]|Alice Smith",
            "name|not_equal_to|[\"alice smith\"]|Bob,Carol",
            "phone_number|equal_to|[\"15550001111\"]|Alice Smith",
            "phone_number|contains|[\"0001\"]|Alice Smith",
            "identifier|equal_to|[\"CAROL-1\"]|Carol",
            "city|equal_to|[\"berlin\"]|Alice Smith",
            "city|contains|[\"ari\"]|Bob",
            "country_code|equal_to|[\"de\"]|Alice Smith",
            "labels|equal_to|[\"VIP\"]|Alice Smith",
            "labels|not_equal_to|[\"vip\"]|Bob,Carol",
            "labels|is_present|[]|Alice Smith",
            "labels|is_not_present|[]|Bob,Carol",
            "blocked|equal_to|[true]|Bob",
            "blocked|not_equal_to|[\"true\"]|Alice Smith,Carol",
            "created_at|is_less_than|[\"2026-01-02\"]|Alice Smith",
            "created_at|is_greater_than|[\"2026-01-02\"]|Bob,Carol",
            "created_at|days_before|[\"2\"]|Alice Smith",
            "plan|equal_to|[\"gold\"]|Alice Smith",
            "plan|not_equal_to|[\"gold\"]|Bob,Carol",
            "seats|is_greater_than|[5]|Alice Smith",
            "plan|is_present|[]|Alice Smith,Bob",
    })
    void operators(String key, String operator, String values, String expected) {
        assertThat(names("[" + row(key, operator, values, null) + "]")).containsExactly(expected.split(","));
    }

    @Test
    void andBindsTighterThanOr() {
        String payload = "[" + row("name", "equal_to", "[\"carol\"]", "OR")
                + "," + row("email", "contains", "[\"test\"]", "and")
                + "," + row("blocked", "equal_to", "[false]", null) + "]";
        assertThat(names(payload)).containsExactly("Alice Smith", "Carol");
    }

    @Test
    void pagesLikeTheListAndSorts() {
        Http.Result r = world.admin.post(Http.account("/contacts/filter?page=1&sort=-name"),
                "{\"payload\":[" + row("name", "contains", "[\"\",\"o\"]", null) + "]}");
        assertThat(r.json().at("/meta/current_page").asText()).isEqualTo("1");
        assertThat(r.json().get("payload")).extracting(c -> c.get("name").asText()).containsExactly("Carol", "Bob", "Alice Smith");
        assertThat(r.json().at("/payload/0/contact_inboxes").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[{\"attribute_key\":\"foo\",\"filter_operator\":\"equal_to\",\"values\":[\"x\"],\"query_operator\":null}]"
                    + "|Invalid attribute key - [foo]. The key should be one of [name,phone_number,email,identifier,country_code,"
                    + "city,company_name,labels,created_at,last_activity_at,blocked] or a custom attribute defined in the account.",
            "[{\"attribute_key\":\"email\",\"filter_operator\":\"is_greater_than\",\"values\":[\"x\"],\"query_operator\":null}]"
                    + "|Invalid operator. The allowed operators for email are [equal_to,not_equal_to,contains,does_not_contain].",
            "[{\"attribute_key\":\"email\",\"filter_operator\":\"contains\",\"values\":[\"x\"],\"query_operator\":\"XOR\"},"
                    + "{\"attribute_key\":\"name\",\"filter_operator\":\"contains\",\"values\":[\"x\"]}]"
                    + "|Query operator must be either \"AND\" or \"OR\".",
            "[{\"attribute_key\":\"email\",\"filter_operator\":\"contains\",\"values\":[\"x\"],\"query_operator\":\"AND\"}]"
                    + "|Query operator must be either \"AND\" or \"OR\".",
            "[{\"attribute_key\":\"email\",\"filter_operator\":\"contains\",\"values\":[],\"query_operator\":null}]"
                    + "|Invalid value. The values provided for email are invalid",
            "[{\"attribute_key\":\"created_at\",\"filter_operator\":\"is_less_than\",\"values\":[\"soon\"]}]"
                    + "|Invalid value. The values provided for created_at are invalid",
            "[{\"attribute_key\":\"created_at\",\"filter_operator\":\"days_before\",\"values\":[\"999\"]}]"
                    + "|Invalid value. The values provided for created_at are invalid",
            "[{\"attribute_key\":\"blocked\",\"filter_operator\":\"equal_to\",\"values\":[\"perhaps\"]}]"
                    + "|Invalid value. The values provided for blocked are invalid",
            "{\"attribute_key\":\"email\"}|param is missing or the value is empty: payload",
    })
    void errors(String payload, String message) {
        Http.Result r = filter(payload);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).isEqualTo(message);
    }

    @Test
    void aMissingPayloadIsA422() {
        JsonNode body = world.admin.post(Http.account("/contacts/filter"), "{}").json();
        assertThat(body.get("error").asText()).isEqualTo("param is missing or the value is empty: payload");
    }
}
