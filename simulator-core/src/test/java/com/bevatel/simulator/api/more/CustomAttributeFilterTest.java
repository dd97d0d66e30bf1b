package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filtering on custom attributes as their definitions say (app/services/filters/custom_attribute_filter_helper.rb,
 * app/services/filter_service.rb, Contacts::FilterService and Conversations::FilterService): a key needs a
 * definition for the entity's model; text, link and list compare as lower-cased text, number as numeric, date
 * as date, checkbox as boolean. What makes Chatwoot's database query fail (500) answers 422 here.
 */
class CustomAttributeFilterTest {
    static World world;

    @BeforeAll
    static void start() {
        world = new World();
        world.define("contact_attribute", "plan", "list");
        world.define("contact_attribute", "seats", "number");
        world.define("contact_attribute", "since", "date");
        world.define("contact_attribute", "vip", "checkbox");
        world.define("contact_attribute", "budget", "currency");
        world.define("conversation_attribute", "score", "number");
        world.define("conversation_attribute", "tier", "text");
        world.contact("{\"name\":\"A\",\"email\":\"a@acme.test\",\"custom_attributes\":{\"plan\":\"Gold\",\"seats\":10,"
                + "\"since\":\"2024-01-15\",\"vip\":true,\"budget\":100}}");
        world.contact("{\"name\":\"B\",\"email\":\"b@acme.test\",\"custom_attributes\":{\"plan\":\"silver\",\"seats\":\"9\","
                + "\"since\":\"2023-12-31T10:00:00Z\",\"vip\":\"no\"}}");
        world.contact("{\"name\":\"C\",\"email\":\"c@acme.test\",\"custom_attributes\":{\"plan\":\"gold%\",\"seats\":2.5}}");
        world.contact("{\"name\":\"D\",\"email\":\"d@acme.test\",\"custom_attributes\":{\"mood\":\"happy\"}}");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String row(String key, String operator, String values, String queryOperator) {
        return "{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator + "\",\"values\":" + values
                + ",\"query_operator\":" + (queryOperator == null ? "null" : "\"" + queryOperator + "\"") + "}";
    }

    private static Http.Result contacts(String... rows) {
        return world.admin.post(Http.account("/contacts/filter"), "{\"payload\":[" + String.join(",", rows) + "]}");
    }

    private static List<String> names(String... rows) {
        Http.Result r = contacts(rows);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("payload").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static String error(Http.Result r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        return r.json().get("error").asText();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // number: numeric, so 10 > 9 > 5 (as text "10" < "5"); a string value is cast, a number compares as one
            "seats|is_greater_than|[5]|A,B",
            "seats|is_less_than|[\"9.5\"]|B,C",
            "seats|equal_to|[\"10\"]|A",
            "seats|equal_to|[10.0]|A",
            "seats|not_equal_to|[9]|A,C,D",
            "seats|is_present|[]|A,B,C",
            "seats|is_not_present|[]|D",
            // date: a date-time's day counts; days_before against the simulated today
            "since|is_less_than|[\"2024-01-01\"]|B",
            "since|is_greater_than|[\"20231231\"]|A",
            "since|equal_to|[\"2023-12-31\"]|B",
            "since|days_before|[\"3\"]|A,B",
            // text and list: lower-cased; contains is ILIKE, so % and _ are wildcards
            "plan|equal_to|[\"GOLD\"]|A",
            "plan|contains|[\"_old\"]|A,C",
            "plan|does_not_contain|[\"GOLD\"]|B",
            "plan|not_equal_to|[\"gold\"]|B,C,D",
            // checkbox: Postgres booleans, prefixes included
            "vip|equal_to|[true]|A",
            "vip|equal_to|[\"no\"]|B",
            "vip|equal_to|[\"f\"]|B",
            "vip|not_equal_to|[\"TRUE\"]|B,C,D",
    })
    void valuesCompareAsTheirTypeSays(String key, String operator, String values, String expected) {
        assertThat(names(row(key, operator, values, null))).containsExactly(expected.split(","));
    }

    /** Chatwoot appends " OR … IS NULL" after the last row's query: it joins the whole filter, not the row. */
    @Test
    void aLastNotEqualToAlsoMatchesRecordsWithoutTheKey() {
        assertThat(names(row("seats", "is_greater_than", "[5]", "AND"), row("plan", "not_equal_to", "[\"gold\"]", null)))
                .containsExactly("B", "D");
    }

    @Test
    void keysNeedADefinitionForTheEntitysModel() {
        String contactKeys = "[name,phone_number,email,identifier,country_code,city,company_name,labels,created_at,"
                + "last_activity_at,blocked]";
        assertThat(error(contacts(row("mood", "equal_to", "[\"happy\"]", null)))).as("carried by a contact, not defined")
                .isEqualTo("Invalid attribute key - [mood]. The key should be one of " + contactKeys
                        + " or a custom attribute defined in the account.");
        assertThat(error(contacts(row("tier", "equal_to", "[\"x\"]", null)))).as("defined for conversations only")
                .isEqualTo("Invalid attribute key - [tier]. The key should be one of " + contactKeys
                        + " or a custom attribute defined in the account.");
        assertThat(error(contacts("{\"filter_operator\":\"equal_to\",\"values\":[\"x\"]}")))
                .isEqualTo("Invalid attribute key - []. The key should be one of " + contactKeys
                        + " or a custom attribute defined in the account.");
        assertThat(error(contacts(row("mood", "is_greater_than", "[1]", null))))
                .as("filter_operation needs the type before the key is looked up")
                .isEqualTo("Invalid value. The values provided for mood are invalid");
    }

    /** Chatwoot's own 422s: the values of a number or date row, comparisons on other types. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "seats|equal_to|[\"10\",\"ten\"]",
            "seats|is_greater_than|[\"Infinity\"]",
            "seats|days_before|[\"3\"]",
            "since|equal_to|[\"15/01/2024\"]",
            "since|days_before|[\"999\"]",
            "plan|is_greater_than|[\"a\"]",
            "vip|is_less_than|[true]",
            "budget|is_greater_than|[5]",
    })
    void invalidValues(String key, String operator, String values) {
        assertThat(error(contacts(row(key, operator, values, null))))
                .isEqualTo("Invalid value. The values provided for " + key + " are invalid");
    }

    /** Where Chatwoot's query fails in the database (500): 422 saying why. */
    @Test
    void queriesChatwootsDatabaseRefusesAre422() {
        assertThat(error(contacts(row("budget", "equal_to", "[100]", null))))
                .startsWith("Cannot filter on the currency custom attribute budget");
        assertThat(error(contacts(row("seats", "contains", "[\"1\"]", null))))
                .startsWith("Invalid operator. contains compares text, and the custom attribute seats is a number");
        assertThat(error(contacts(row("plan", "not_equal_to", "[\"gold\"]", "AND"), row("seats", "is_present", "[]", null))))
                .startsWith("not_equal_to on the custom attribute plan works in the last row only");
        assertThat(error(contacts(row("vip", "equal_to", "[\"perhaps\"]", null))))
                .isEqualTo("Invalid value. The values provided for vip are invalid");
        assertThat(error(contacts(row("plan", "equal_to", "[5]", null)))).as("text = integer")
                .isEqualTo("Invalid value. The values provided for plan are invalid");
        assertThat(error(contacts(row("seats", "contains", "[\"1\"]", "AND"), row("mood", "equal_to", "[\"x\"]", null))))
                .as("Chatwoot's 422 while building the query comes before the database's failure")
                .startsWith("Invalid attribute key - [mood].");

        long bad = world.contact("{\"name\":\"E\",\"email\":\"e@acme.test\",\"custom_attributes\":{\"seats\":\"ten\"}}")
                .get("id").asLong();
        try {
            assertThat(error(contacts(row("seats", "is_greater_than", "[5]", null))))
                    .startsWith("Contact " + bad + " has seats \"ten\", which is not a number value");
            assertThat(names(row("plan", "equal_to", "[\"silver\"]", null))).as("rows not compared fail nothing")
                    .containsExactly("B");
        } finally {
            world.admin.delete(Http.account("/contacts/" + bad));
        }
    }

    /**
     * Conversations: IN (values) — all of them when the first is not a string, else only the first;
     * after a custom attribute's row, @custom_attribute_type stays set and a standard key's equality
     * takes its first string value only, lower-cased.
     */
    @Test
    void conversationsTakeTheirValuesAsConversationsFilterServiceDoes() {
        long one = world.conversation("Olga");
        long two = world.conversation("Pia");
        world.admin.post(Http.account("/conversations/" + one + "/custom_attributes"),
                "{\"custom_attributes\":{\"score\":1,\"tier\":\"Gold\"}}");
        world.admin.post(Http.account("/conversations/" + two + "/custom_attributes"), "{\"custom_attributes\":{\"score\":3}}");
        assertThat(conversations(row("score", "equal_to", "[1,3]", null))).containsExactly(two, one);
        assertThat(conversations(row("score", "equal_to", "[\"1\",\"3\"]", null))).containsExactly(one);
        assertThat(conversations(row("tier", "equal_to", "\"GOLD\"", null))).as("a single string value").containsExactly(one);
        assertThat(conversations(row("inbox_id", "equal_to", "[\"2\",\"1\"]", null))).containsExactly(two, one);
        assertThat(conversations(row("score", "is_present", "[]", "AND"), row("inbox_id", "equal_to", "[\"2\",\"1\"]", null)))
                .as("after a custom row: the first value only").isEmpty();
        assertThat(conversations(row("tier", "equal_to", "[\"a\"]", "OR"), row("inbox_id", "equal_to", "[\"2\",\"1\"]", null)))
                .isEmpty();
        assertThat(conversations(row("inbox_id", "equal_to", "[\"1\",\"2\"]", "AND"), row("score", "is_present", "[]", null)))
                .as("before it: all values").containsExactly(two, one);
    }

    private static List<Long> conversations(String... rows) {
        Http.Result r = world.admin.post(Http.account("/conversations/filter"), "{\"payload\":[" + String.join(",", rows) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("payload").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
