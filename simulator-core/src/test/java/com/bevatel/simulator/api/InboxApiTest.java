package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.ApiInbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/accounts/{id}/inboxes} (app/controllers/api/v1/accounts/inboxes_controller.rb,
 * app/views/api/v1/models/_inbox.json.jbuilder).
 */
class InboxApiTest extends ApiTestSupport {
    private static final String WEEK = compact("""
            [{"day_of_week":0,"closed_all_day":true,"open_hour":null,"open_minutes":null,"close_hour":null,"close_minutes":null,"open_all_day":false},
            {"day_of_week":1,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":0,"open_all_day":false},
            {"day_of_week":2,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":0,"open_all_day":false},
            {"day_of_week":3,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":0,"open_all_day":false},
            {"day_of_week":4,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":0,"open_all_day":false},
            {"day_of_week":5,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":0,"open_all_day":false},
            {"day_of_week":6,"closed_all_day":true,"open_hour":null,"open_minutes":null,"close_hour":null,"close_minutes":null,"open_all_day":false}]
            """);

    static String seededInbox(ApiInbox inbox) {
        return compact("""
                {"id":1,"avatar_url":"","channel_id":1,"name":"Bevatel API","channel_type":"Channel::Api",
                "greeting_enabled":false,"greeting_message":null,"working_hours_enabled":false,
                "enable_email_collect":true,"csat_survey_enabled":false,"csat_config":{},
                "enable_auto_assignment":true,"auto_assignment_config":{},"out_of_office_message":null,
                "working_hours":%s,
                "timezone":"UTC","callback_webhook_url":null,"allow_messages_after_resolved":true,
                "lock_to_single_conversation":false,"sender_name_type":"friendly","business_name":null,
                "allowed_domains":null,"widget_color":null,"website_url":null,"hmac_mandatory":false,
                "welcome_title":null,"welcome_tagline":null,"web_widget_script":null,"website_token":null,
                "selected_feature_flags":null,"reply_time":null,"messaging_service_sid":null,"phone_number":null,
                "hmac_token":"%s","secret":"%s","webhook_url":null,"inbox_identifier":"%s",
                "additional_attributes":{},"provider":null}
                """.formatted(WEEK, inbox.hmacToken(), inbox.secret(), inbox.identifier()));
    }

    @Test
    void showsTheSeededApiInboxInKeyOrder() {
        ApiInbox inbox = sim.apiInbox();
        assertThat(inbox.identifier()).matches("[1-9A-HJ-NP-Za-km-z]{24}");
        assertThat(inbox.hmacToken()).matches("[1-9A-HJ-NP-Za-km-z]{24}").isNotEqualTo(inbox.identifier());
        assertThat(inbox.secret()).matches("[1-9A-HJ-NP-Za-km-z]{24}").isNotEqualTo(inbox.hmacToken());
        var result = http.get(account("/inboxes/1"));
        ok(result);
        assertThat(result.body()).isEqualTo(seededInbox(inbox));
    }

    @Test
    void listIsWrappedInPayloadAndOrderedByLowerCaseName() {
        ok(http.post(account("/inboxes"), "{\"name\":\"zeta\",\"channel\":{\"type\":\"api\"}}"));
        ok(http.post(account("/inboxes"), "{\"name\":\"Alpha\",\"channel\":{\"type\":\"api\"}}"));
        var result = http.get(account("/inboxes"));
        JsonNode list = ok(result);
        assertThat(list.get("payload")).extracting(i -> i.get("name").asText()).containsExactly("Alpha", "Bevatel API", "zeta");
        assertThat(result.body()).contains(seededInbox(sim.apiInbox())).startsWith("{\"payload\":[{\"id\":3,");
    }

    @Test
    void createsAnApiInboxWithGeneratedCredentials() {
        var result = http.post(account("/inboxes"), """
                {"name":"Bevatel API 2","channel":{"type":"api","webhook_url":"https://integrator.example/cb",
                "hmac_mandatory":true,"additional_attributes":{"agent_reply_time_window":24}},
                "greeting_enabled":true,"greeting_message":"Hi <there> & welcome","lock_to_single_conversation":true,
                "enable_auto_assignment":false,"timezone":"Europe/Berlin","sender_name_type":"professional",
                "business_name":"Acme","unknown_key":"ignored"}""");
        JsonNode inbox = ok(result);
        assertThat(inbox.get("id").asLong()).isEqualTo(2);
        assertThat(inbox.get("channel_id").asLong()).isEqualTo(2);
        String identifier = inbox.get("inbox_identifier").asText();
        String hmac = inbox.get("hmac_token").asText();
        String secret = inbox.get("secret").asText();
        assertThat(identifier).matches("[1-9A-HJ-NP-Za-km-z]{24}").isNotEqualTo(sim.apiInbox().identifier());
        assertThat(result.body()).isEqualTo(compact("""
                {"id":2,"avatar_url":"","channel_id":2,"name":"Bevatel API 2","channel_type":"Channel::Api",
                "greeting_enabled":true,"greeting_message":"Hi \\u003cthere\\u003e \\u0026 welcome","working_hours_enabled":false,
                "enable_email_collect":true,"csat_survey_enabled":false,"csat_config":{},
                "enable_auto_assignment":false,"auto_assignment_config":{},"out_of_office_message":null,
                "working_hours":%s,
                "timezone":"Europe/Berlin","callback_webhook_url":null,"allow_messages_after_resolved":true,
                "lock_to_single_conversation":true,"sender_name_type":"professional","business_name":"Acme",
                "allowed_domains":null,"widget_color":null,"website_url":null,"hmac_mandatory":true,
                "welcome_title":null,"welcome_tagline":null,"web_widget_script":null,"website_token":null,
                "selected_feature_flags":null,"reply_time":null,"messaging_service_sid":null,"phone_number":null,
                "hmac_token":"%s","secret":"%s","webhook_url":"https://integrator.example/cb","inbox_identifier":"%s",
                "additional_attributes":{"agent_reply_time_window":24},"provider":null}
                """.formatted(WEEK, hmac, secret, identifier)));
        assertThat(http.get(account("/inboxes/2")).body()).isEqualTo(result.body());
    }

    @Test
    void createValidationErrors() {
        assertError(http.post(account("/inboxes"), "{\"name\":\"\",\"channel\":{\"type\":\"api\"}}"), 422,
                "{\"message\":\"Name can't be blank\",\"attributes\":[\"name\"]}");
        assertError(http.post(account("/inboxes"), "{\"channel\":{\"type\":\"api\"}}"), 422,
                "{\"message\":\"Name can't be blank\",\"attributes\":[\"name\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"carrier_pigeon\"}}"), 422,
                "{\"message\":\"Channel must exist\",\"attributes\":[\"channel\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{}}"), 422,
                "{\"message\":\"Channel must exist\",\"attributes\":[\"channel\"]}");
        // Chatwoot answers 500 here (NoMethodError on nil): a documented deviation.
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\"}"), 422,
                "{\"error\":\"param is missing or the value is empty: channel\"}");
        assertThat(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"web_widget\"}}").status())
                .isEqualTo(422);
        assertError(http.post(account("/inboxes"), "{\"name\":\"" + "n".repeat(256) + "\",\"channel\":{\"type\":\"api\"}}"),
                422, "{\"message\":\"Name is too long (maximum is 255 characters)\",\"attributes\":[\"name\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"timezone\":\"Mars/Olympus\",\"channel\":{\"type\":\"api\"}}"),
                422, "{\"message\":\"Timezone is not included in the list\",\"attributes\":[\"timezone\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"greeting_message\":\"" + "g".repeat(10_001)
                        + "\",\"channel\":{\"type\":\"api\"}}"), 422,
                "{\"message\":\"Greeting message is too long (maximum is 10000 characters)\",\"attributes\":[\"greeting_message\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"api\",\"webhook_url\":\"https://x/"
                        + "a".repeat(2048) + "\"}}"), 422,
                "{\"message\":\"Webhook url is too long (maximum is 2048 characters)\",\"attributes\":[\"webhook_url\"]}");
        // Beyond Chatwoot (which fails only at delivery): a callback URL must be absolute http(s), as account webhooks'.
        for (String url : new String[] {"file:///etc/passwd", "jar:file:/x.jar!/a", "javascript:alert(1)", "/relative", "http://"}) {
            assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"api\",\"webhook_url\":\""
                    + url + "\"}}"), 422, "{\"message\":\"Webhook url is invalid\",\"attributes\":[\"webhook_url\"]}");
            assertError(http.patch(account("/inboxes/1"), "{\"channel\":{\"webhook_url\":\"" + url + "\"}}"), 422,
                    "{\"message\":\"Webhook url is invalid\",\"attributes\":[\"webhook_url\"]}");
        }
        // The channel is saved before the inbox, so its error wins over the inbox's.
        assertError(http.post(account("/inboxes"), "{\"name\":\"\",\"channel\":{\"type\":\"api\","
                        + "\"additional_attributes\":{\"agent_reply_time_window\":0}}}"), 422,
                "{\"message\":\"Agent reply time window agent_reply_time_window must be greater than 0\","
                        + "\"attributes\":[\"agent_reply_time_window\"]}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"sender_name_type\":\"fancy\",\"channel\":{\"type\":\"api\"}}"),
                422, "{\"error\":\"'fancy' is not a valid sender_name_type\"}");
        // Nothing was created by any of these.
        assertThat(ok(http.get(account("/inboxes"))).get("payload")).hasSize(1);
        assertThat(ok(http.post(account("/inboxes"), "{\"name\":\"Y\",\"channel\":{\"type\":\"api\"}}")).get("id").asLong())
                .isEqualTo(2);
    }

    @Test
    void updateChangesOnlyTheGivenKeys() {
        ApiInbox before = sim.apiInbox();
        var result = http.patch(account("/inboxes/1"), """
                {"channel":{"webhook_url":"https://integrator.example/hooks","additional_attributes":{"agent_reply_time_window":"48"}},
                "greeting_enabled":true,"greeting_message":"Hello","business_name":"null"}""");
        JsonNode inbox = ok(result);
        assertThat(inbox.get("webhook_url").asText()).isEqualTo("https://integrator.example/hooks");
        assertThat(inbox.get("additional_attributes").toString()).isEqualTo("{\"agent_reply_time_window\":\"48\"}");
        assertThat(inbox.get("greeting_enabled").asBoolean()).isTrue();
        assertThat(inbox.get("greeting_message").asText()).isEqualTo("Hello");
        assertThat(inbox.get("business_name").isNull()).isTrue();
        assertThat(inbox.get("name").asText()).isEqualTo("Bevatel API");
        assertThat(inbox.get("inbox_identifier").asText()).isEqualTo(before.identifier());
        assertThat(inbox.get("hmac_token").asText()).isEqualTo(before.hmacToken());
        assertThat(inbox.get("secret").asText()).isEqualTo(before.secret());
        assertThat(sim.apiInbox().identifier()).isEqualTo(before.identifier());

        var put = http.put(account("/inboxes/1"), "{\"name\":\"Renamed\",\"channel\":{\"hmac_mandatory\":true}}");
        assertThat(ok(put).get("name").asText()).isEqualTo("Renamed");
        assertThat(ok(put).get("hmac_mandatory").asBoolean()).isTrue();
        assertThat(ok(put).get("webhook_url").asText()).isEqualTo("https://integrator.example/hooks");
        assertThat(http.get(account("/inboxes/1")).body()).isEqualTo(put.body());
    }

    @Test
    void updateValidationErrorsChangeNothing() {
        String before = http.get(account("/inboxes/1")).body();
        assertError(http.patch(account("/inboxes/1"), "{\"name\":\"\"}"), 422,
                "{\"message\":\"Name can't be blank\",\"attributes\":[\"name\"]}");
        assertError(http.patch(account("/inboxes/1"), "{\"name\":\"Changed\",\"channel\":{\"additional_attributes\":{\"agent_reply_time_window\":\"-1\"}}}"),
                422, "{\"message\":\"Agent reply time window agent_reply_time_window must be greater than 0\","
                        + "\"attributes\":[\"agent_reply_time_window\"]}");
        assertError(http.patch(account("/inboxes/1"), "{\"timezone\":\"+01:00\"}"), 422,
                "{\"message\":\"Timezone is not included in the list\",\"attributes\":[\"timezone\"]}");
        assertError(http.patch(account("/inboxes/1"), "{\"greeting_enabled\":{\"a\":1}}"), 422,
                "{\"error\":\"Invalid parameter greeting_enabled: expected true or false\"}");
        assertThat(http.get(account("/inboxes/1")).body()).isEqualTo(before);
    }

    @Test
    void workingHoursRowsUpdateTheKeysTheyGive() {
        JsonNode inbox = ok(http.patch(account("/inboxes/1"), """
                {"working_hours_enabled":true,"working_hours":[
                {"day_of_week":1,"open_hour":10},
                {"day_of_week":6,"closed_all_day":false,"open_hour":8,"open_minutes":30,"close_hour":12,"close_minutes":0},
                {"day_of_week":0,"open_all_day":true,"closed_all_day":false},
                {"day_of_week":2,"open_hour":18},
                {"day_of_week":3,"open_all_day":true}]}"""));
        JsonNode week = inbox.get("working_hours");
        assertThat(inbox.get("working_hours_enabled").asBoolean()).isTrue();
        assertThat(week.get(1).toString()).isEqualTo("{\"day_of_week\":1,\"closed_all_day\":false,\"open_hour\":10,"
                + "\"open_minutes\":0,\"close_hour\":17,\"close_minutes\":0,\"open_all_day\":false}");
        assertThat(week.get(6).toString()).isEqualTo("{\"day_of_week\":6,\"closed_all_day\":false,\"open_hour\":8,"
                + "\"open_minutes\":30,\"close_hour\":12,\"close_minutes\":0,\"open_all_day\":false}");
        assertThat(week.get(0).toString()).isEqualTo("{\"day_of_week\":0,\"closed_all_day\":false,\"open_hour\":0,"
                + "\"open_minutes\":0,\"close_hour\":23,\"close_minutes\":59,\"open_all_day\":true}");
        // Rows that would be invalid (opening after closing) are dropped silently, as Rails' update does.
        assertThat(week.get(2).toString()).isEqualTo("{\"day_of_week\":2,\"closed_all_day\":false,\"open_hour\":9,"
                + "\"open_minutes\":0,\"close_hour\":17,\"close_minutes\":0,\"open_all_day\":false}");
        assertThat(week.get(3).get("open_all_day").asBoolean()).isTrue();
        assertError(http.patch(account("/inboxes/1"), "{\"working_hours\":[{\"day_of_week\":7}]}"), 422,
                "{\"error\":\"Invalid parameter working_hours: day_of_week must be 0 to 6\"}");
    }

    @Test
    void unknownAndForeignInboxesAreNotFound() {
        SecondAccount other = addSecondAccount();
        assertError(http.get(account("/inboxes/99")), 404, NOT_FOUND);
        assertError(http.get(account("/inboxes/abc")), 404, NOT_FOUND);
        assertError(http.get(account("/inboxes/" + other.inboxId())), 404, NOT_FOUND);
        assertError(http.patch(account("/inboxes/" + other.inboxId()), "{\"name\":\"Mine\"}"), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/inboxes"))).get("payload")).hasSize(1);
        assertThat(ok(http.withToken("other-token").get("/api/v1/accounts/" + other.accountId() + "/inboxes/"
                + other.inboxId())).get("name").asText()).isEqualTo("Other API");
    }
}
