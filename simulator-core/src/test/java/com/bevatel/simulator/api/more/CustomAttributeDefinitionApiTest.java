package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /custom_attribute_definitions} over HTTP, as Chatwoot 4.16.2 answers it:
 * app/controllers/api/v1/accounts/custom_attribute_definitions_controller.rb (and its spec),
 * app/policies/custom_attribute_definition_policy.rb, app/models/custom_attribute_definition.rb and
 * app/views/api/v1/models/_custom_attribute_definition.json.jbuilder.
 */
@ExtendWith(WorldPerTest.class)
class CustomAttributeDefinitionApiTest {
    private static final String DEFINITIONS = Http.account("/custom_attribute_definitions");
    private static final String SIGN_IN = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";

    World world;

    private Http.Result create(String json) {
        return world.admin.post(DEFINITIONS, json);
    }

    private static String definition(String key, String model, String type) {
        return "{\"attribute_display_name\":\"" + key + "\",\"attribute_key\":\"" + key + "\",\"attribute_model\":\"" + model
                + "\",\"attribute_display_type\":\"" + type + "\"}";
    }

    /** The spec's payload: a contact attribute; default_value is not permitted, so not kept. */
    @Test
    void createAnswers200WithThePartialsKeysInOrder() {
        Http.Result created = create("{\"attribute_display_name\":\"Developer ID\",\"attribute_key\":\"developer_id\","
                + "\"attribute_model\":\"contact_attribute\",\"attribute_display_type\":\"text\",\"default_value\":\"\"}");
        assertThat(created.status()).isEqualTo(200);
        String at = created.json().get("created_at").asText();
        assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        String expected = "{\"id\":1,\"attribute_display_name\":\"Developer ID\",\"attribute_display_type\":\"text\","
                + "\"attribute_description\":null,\"attribute_key\":\"developer_id\",\"regex_pattern\":null,\"regex_cue\":null,"
                + "\"attribute_values\":[],\"attribute_model\":\"contact_attribute\",\"default_value\":null,\"created_at\":\""
                + at + "\",\"updated_at\":\"" + at + "\"}";
        assertThat(created.body()).isEqualTo(expected);
        assertThat(world.admin.get(DEFINITIONS + "/1").body()).isEqualTo(expected);
        assertThat(world.sam.get(DEFINITIONS + "/1").body()).as("agents read").isEqualTo(expected);
        assertThat(world.sam.get(DEFINITIONS).body()).isEqualTo("[" + expected + "]");

        JsonNode full = Http.ok(create("{\"custom_attribute_definition\":{\"attribute_display_name\":\"  Tier  \","
                + "\"attribute_key\":\" tier \",\"attribute_description\":\"Support tier\",\"attribute_display_type\":\"list\","
                + "\"attribute_values\":[\"gold\",1,2.5,true,null],\"regex_pattern\":\"^[a-z]+$\",\"regex_cue\":\"lower case\"}}"));
        assertThat(full.get("attribute_display_name").asText()).as("stripped").isEqualTo("Tier");
        assertThat(full.get("attribute_key").asText()).as("stripped").isEqualTo("tier");
        assertThat(full.get("attribute_model").asText()).as("the column's default").isEqualTo("conversation_attribute");
        assertThat(full.get("attribute_values").toString()).isEqualTo("[\"gold\",1,2.5,true,null]");
        assertThat(full.get("regex_pattern").asText()).isEqualTo("^[a-z]+$");
        assertThat(Http.ok(create("{\"attribute_display_name\":\"Score\",\"attribute_key\":\"score\"}"))
                .get("attribute_display_type").asText()).as("the column's default").isEqualTo("text");
    }

    /** Members list and read; administrators create, change and delete; bots and callers without a token nothing. */
    @Test
    void eachRouteAsAdministratorAgentBotAndNobody() {
        Http.ok(create(definition("plan", "contact_attribute", "list")));
        String before = world.admin.get(DEFINITIONS).body();
        for (String id : List.of("1", "999")) {
            String one = DEFINITIONS + "/" + id;
            List<Http.Result> agent = List.of(world.sam.post(DEFINITIONS, definition("mine", "contact_attribute", "text")),
                    world.sam.patch(one, "{\"attribute_display_name\":\"Renamed\"}"),
                    world.sam.put(one, "{\"attribute_display_name\":\"Renamed\"}"), world.sam.delete(one));
            for (int i = 0; i < agent.size(); i++) {
                boolean found = i == 0 || id.equals("1");
                assertThat(agent.get(i).body()).as("agent change " + i + " of " + id)
                        .isEqualTo(found ? RolesAndBotsTest.NOT_AUTHORIZED : RolesAndBotsTest.NOT_FOUND);
            }
            assertThat(world.sam.get(one).status()).isEqualTo(id.equals("1") ? 200 : 404);
            for (Http client : List.of(world.bot, world.admin.withToken(null))) {
                for (Http.Result r : List.of(client.get(DEFINITIONS), client.post(DEFINITIONS, "{}"), client.get(one),
                        client.patch(one, "{}"), client.delete(one))) {
                    assertThat(r.body()).isEqualTo(client == world.bot ? RolesAndBotsTest.BOTS : SIGN_IN);
                }
            }
        }
        assertThat(world.admin.get(DEFINITIONS).body()).as("nothing changed").isEqualTo(before);
        for (Http.Result r : List.of(world.admin.get(DEFINITIONS + "/999"), world.admin.patch(DEFINITIONS + "/999", "{}"),
                world.admin.delete(DEFINITIONS + "/999"), world.admin.get(DEFINITIONS + "/abc"))) {
            assertThat(r.body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
        }
    }

    /** with_attribute_model: by name or number ("1" is contact_attribute), all when blank, none for an unknown model. */
    @Test
    void theListIsFilteredByAttributeModel() {
        Http.ok(create(definition("order", "conversation_attribute", "text")));
        Http.ok(create(definition("plan", "contact_attribute", "list")));
        Http.ok(create("{\"attribute_display_name\":\"Seats\",\"attribute_key\":\"seats\",\"attribute_model\":1,"
                + "\"attribute_display_type\":1}"));
        assertThat(keys("")).containsExactly("order", "plan", "seats");
        assertThat(keys("?attribute_model=")).containsExactly("order", "plan", "seats");
        assertThat(keys("?attribute_model=contact_attribute")).containsExactly("plan", "seats");
        assertThat(keys("?attribute_model=1")).containsExactly("plan", "seats");
        assertThat(keys("?attribute_model=0")).containsExactly("order");
        assertThat(keys("?attribute_model=conversation_attribute&filter_type=1")).containsExactly("order");
        assertThat(keys("?attribute_model=company_attribute")).isEmpty();
        assertThat(keys("?attribute_model=contact")).isEmpty();
        assertThat(world.admin.get(DEFINITIONS + "/3").json().get("attribute_display_type").asText()).isEqualTo("number");
    }

    private List<String> keys(String query) {
        List<String> keys = new ArrayList<>();
        Http.ok(world.sam.get(DEFINITIONS + query)).forEach(d -> keys.add(d.get("attribute_key").asText()));
        return keys;
    }

    /** The model's validations with Rails' full messages, in its order; a failed create leaves nothing. */
    @Test
    void validationsAnswer422WithRailsMessages() {
        Http.ok(create(definition("plan", "contact_attribute", "list")));
        assertValidation(create("{\"attribute_display_name\":\" \",\"attribute_key\":\"\"}"),
                "Attribute display name can't be blank, Attribute key can't be blank, "
                        + "Attribute key must only contain letters, numbers, underscores, hyphens, and dots",
                "attribute_display_name", "attribute_key");
        assertValidation(create(definition("plan", "contact_attribute", "text")),
                "Attribute key has already been taken", "attribute_key");
        assertValidation(create(definition("order date", "contact_attribute", "text")),
                "Attribute key must only contain letters, numbers, underscores, hyphens, and dots", "attribute_key");
        assertValidation(create(definition("status", "conversation_attribute", "text")),
                "Attribute key The provided key is not allowed as it might conflict with default attributes.", "attribute_key");
        assertValidation(create(definition("email", "contact_attribute", "text")),
                "Attribute key The provided key is not allowed as it might conflict with default attributes.", "attribute_key");
        assertValidation(create("{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"p\",\"attribute_model\":null,"
                + "\"attribute_display_type\":\"\"}"), "Attribute display type can't be blank, Attribute model can't be blank",
                "attribute_display_type", "attribute_model");
        assertValidation(create("{\"attribute_display_name\":\"" + "n".repeat(256) + "\",\"attribute_key\":\"long\","
                + "\"attribute_description\":\"" + "d".repeat(20_001) + "\"}"),
                "Attribute display name is too long (maximum is 255 characters), "
                        + "Attribute description is too long (maximum is 20000 characters)",
                "attribute_display_name", "attribute_description");

        assertThat(Http.ok(create(definition("plan", "conversation_attribute", "text"))).get("id").asLong())
                .as("the same key for the other model").isEqualTo(2);
        assertThat(Http.ok(create(definition("status", "contact_attribute", "text"))).get("attribute_key").asText())
                .as("status is standard for conversations only").isEqualTo("status");
        assertThat(Http.ok(create(definition("客户类型", "contact_attribute", "text"))).get("attribute_key").asText())
                .as("Unicode letters").isEqualTo("客户类型");
        assertThat(Http.ok(create(definition("order-date.v2", "contact_attribute", "date"))).get("id").asLong()).isEqualTo(5);
    }

    private static void assertValidation(Http.Result r, String message, String... attributes) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("message").asText()).isEqualTo(message);
        List<String> names = new ArrayList<>();
        r.json().get("attributes").forEach(a -> names.add(a.asText()));
        assertThat(names).containsExactly(attributes);
    }

    /**
     * An enum takes a name or an integer of its mapping; anything else makes Rails raise ArgumentError (500):
     * here 422 with the same words. A missing or empty custom_attribute_definition is Rails' ParameterMissing.
     */
    @Test
    void badEnumsAndMissingParametersAre422() {
        assertThat(create(definition("plan", "contact", "text")).body())
                .isEqualTo("{\"error\":\"'contact' is not a valid attribute_model\"}");
        assertThat(create("{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"plan\",\"attribute_display_type\":\"1\"}").body())
                .as("a numeric string is not a value of the mapping").isEqualTo("{\"error\":\"'1' is not a valid attribute_display_type\"}");
        assertThat(create("{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"plan\",\"attribute_display_type\":8}").body())
                .isEqualTo("{\"error\":\"'8' is not a valid attribute_display_type\"}");
        String missing = "{\"error\":\"param is missing or the value is empty: custom_attribute_definition\"}";
        assertThat(create("{}").body()).isEqualTo(missing);
        assertThat(create("{\"name\":\"Plan\"}").body()).as("nothing of the model to wrap").isEqualTo(missing);
        assertThat(create("{\"custom_attribute_definition\":{}}").body()).isEqualTo(missing);
        assertThat(world.admin.send("POST", DEFINITIONS, "attribute_key=plan", "application/x-www-form-urlencoded").body())
                .as("a form is not wrapped").isEqualTo(missing);
        assertThat(world.admin.send("POST", DEFINITIONS, "custom_attribute_definition[attribute_display_name]=Plan"
                + "&custom_attribute_definition[attribute_key]=plan&custom_attribute_definition[attribute_values][]=a",
                "application/x-www-form-urlencoded").json().get("attribute_values").toString()).isEqualTo("[\"a\"]");
        assertThat(world.admin.get(DEFINITIONS).json()).hasSize(1);
    }

    /** update: what is given, the standard-key check skipped; updated_at moves only on a change; a non-scalar list is not permitted. */
    @Test
    void updateChangesWhatIsGiven() {
        JsonNode created = Http.ok(create("{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"plan\","
                + "\"attribute_model\":\"contact_attribute\",\"attribute_display_type\":\"list\",\"attribute_values\":[\"a\"]}"));
        Http.ok(create(definition("seats", "contact_attribute", "number")));
        String one = DEFINITIONS + "/1";
        world.sim.clock().advance(Duration.ofMinutes(5));
        JsonNode same = Http.ok(world.admin.patch(one, "{\"attribute_display_name\":\"Plan\"}"));
        assertThat(same.get("updated_at")).as("nothing changed").isEqualTo(created.get("updated_at"));
        JsonNode changed = Http.ok(world.admin.put(one, "{\"attribute_description\":\"Billing\",\"attribute_values\":[{\"a\":1}]}"));
        assertThat(changed.get("attribute_description").asText()).isEqualTo("Billing");
        assertThat(changed.get("attribute_values").toString()).as("not permitted: kept").isEqualTo("[\"a\"]");
        assertThat(changed.get("updated_at")).isNotEqualTo(created.get("updated_at"));
        assertThat(changed.get("created_at")).isEqualTo(created.get("created_at"));
        assertThat(Http.ok(world.admin.patch(one, "{\"attribute_key\":\"email\",\"attribute_model\":\"conversation_attribute\"}"))
                .get("attribute_key").asText()).as("the conflict check is on create only").isEqualTo("email");
        assertValidation(world.admin.patch(DEFINITIONS + "/2", "{\"attribute_model\":\"conversation_attribute\","
                + "\"attribute_key\":\"email\"}"), "Attribute key has already been taken", "attribute_key");
        assertThat(world.admin.patch(one, "{}").body())
                .isEqualTo("{\"error\":\"param is missing or the value is empty: custom_attribute_definition\"}");
    }

    /** destroy: head :no_content; the values records carry stay; the key is no longer defined. */
    @Test
    void destroyAnswers204AndLeavesRecordsValues() {
        Http.ok(create(definition("plan", "contact_attribute", "list")));
        long contact = world.contact("{\"name\":\"Alice\",\"email\":\"alice@acme.test\",\"custom_attributes\":{\"plan\":\"gold\"}}")
                .get("id").asLong();
        Http.Result deleted = world.admin.delete(DEFINITIONS + "/1");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.contentType()).as("Rails sends no content type with a 204").isNull();
        assertThat(world.admin.get(DEFINITIONS + "/1").body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
        assertThat(world.admin.get(Http.account("/contacts/" + contact)).json().at("/payload/custom_attributes/plan").asText())
                .isEqualTo("gold");
        assertThat(world.admin.post(Http.account("/contacts/filter"), "{\"payload\":[{\"attribute_key\":\"plan\","
                + "\"filter_operator\":\"equal_to\",\"values\":[\"gold\"]}]}").json().get("error").asText())
                .startsWith("Invalid attribute key - [plan].");
        assertThat(world.events.list()).as("no webhook event for definitions").noneMatch(e -> e.name().contains("attribute"));
    }
}
