package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed bodies, wrong types, oversized bodies, unknown routes: always a 4xx with a JSON body in Chatwoot's error shapes. */
class BadInputApiTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "{name: 'x'}", "{\"name\":\"A\"} trailing", "{\"a\":1}{\"b\":2}", "nul"})
    void malformedJsonIs400WithAJsonBodyAndChangesNothing(String body) {
        var result = http.post(account("/contacts"), body);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode json = result.json();
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("error").asText()).isEqualTo("Bad Request");
        assertThat(json.get("message").asText()).startsWith("malformed JSON body: ");
        assertThat(ok(http.get(account("/contacts/search?q=a"))).get("payload")).isEmpty();
        assertThat(ok(createContact("{\"name\":\"A\"}")).at("/payload/contact/id").asLong()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsRejectedBeforeAuthentication() {
        var result = http.withToken(null).send("POST", account("/contacts"), "{oops", "application/json");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("error").asText()).isEqualTo("Bad Request");
    }

    @Test
    void wrongTypesAre422NamingTheParameter() {
        conversationFor("Alice");
        assertError(createContact("{\"name\":{\"first\":\"A\"}}"), 422, "{\"error\":\"Invalid parameter name: expected a string\"}");
        assertError(createContact("{\"inbox_id\":true}"), 422, "{\"error\":\"Invalid parameter inbox_id: expected an integer\"}");
        assertError(createContact("{\"inbox_id\":1.5}"), 422, "{\"error\":\"Invalid parameter inbox_id: expected an integer\"}");
        assertError(createContact("{\"custom_attributes\":\"gold\"}"), 422,
                "{\"error\":\"Invalid parameter custom_attributes: expected an object\"}");
        assertError(createContact("{\"blocked\":[true]}"), 422, "{\"error\":\"Invalid parameter blocked: expected true or false\"}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":\"api\"}"), 422,
                "{\"error\":\"Invalid parameter channel: expected an object\"}");
        assertError(http.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"api\",\"hmac_mandatory\":{}}}"), 422,
                "{\"error\":\"Invalid parameter channel.hmac_mandatory: expected true or false\"}");
        assertError(http.post(account("/conversations"), "{\"source_id\":[\"a\"]}"), 422,
                "{\"error\":\"Invalid parameter source_id: expected a string\"}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"x\",\"message\":{\"content\":{}}}"), 422,
                "{\"error\":\"Invalid parameter message.content: expected a string\"}");
        assertError(http.get(account("/conversations?labels[x]=vip")), 422, "{\"error\":\"Invalid parameter labels: expected an array\"}");
        assertThat(ok(http.get(account("/conversations?labels=vip"))).at("/data/payload")).isEmpty();
        assertThat(ok(http.get(account("/contacts/search?q=a"))).get("payload")).hasSize(1);
    }

    @Test
    void extremeNumbersAreClientErrorsOrEmptyPagesNeverServerErrors() {
        conversationFor("Alice");
        assertThat(ok(http.get(account("/contacts?page=9223372036854775807"))).get("payload")).isEmpty();
        assertThat(ok(http.get(account("/contacts/search?q=a&page=9223372036854775807"))).get("payload")).isEmpty();
        assertThat(ok(http.get(account("/conversations?page=9223372036854775807"))).at("/data/payload")).isEmpty();
        assertThat(ok(http.get(account("/conversations?updated_within=9223372036854775807"))).at("/data/payload")).hasSize(1);
        assertThat(ok(http.get(account("/conversations?updated_within=-5"))).at("/data/payload")).isEmpty();
        assertError(http.get(account("/contacts?page=99999999999999999999")), 422,
                "{\"error\":\"Invalid parameter page: expected an integer\"}");
        assertError(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":9223372036854775807}"),
                422, "{\"error\":\"Invalid parameter snoozed_until: '9223372036854775807' is not a time\"}");
        assertError(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":\"2026-02-30\"}"),
                422, "{\"error\":\"Invalid parameter snoozed_until: '2026-02-30' is not a time\"}");
        assertError(http.get(account("/conversations/99999999999999999999")), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/conversations/1/messages?before=9223372036854775807"))).get("payload")).isEmpty();
        assertError(http.patch(account("/inboxes/1"), "{\"working_hours\":[{\"day_of_week\":1,\"open_hour\":99999999999}]}"), 200,
                http.get(account("/inboxes/1")).body());
    }

    @Test
    void scalarsAreCastTheRailsWay() {
        JsonNode contact = ok(createContact("{\"name\":42,\"inbox_id\":\"1\",\"blocked\":\"0\"}")).at("/payload/contact");
        assertThat(contact.get("name").asText()).isEqualTo("42");
        assertThat(contact.get("blocked").asBoolean()).isFalse();
        assertThat(contact.get("contact_inboxes")).hasSize(1);
    }

    @Test
    void formBodiesAndBracketNotationWork() {
        var result = http.send("POST", account("/contacts"),
                "name=Alice+Smith&inbox_id=1&custom_attributes[plan]=gold&additional_attributes[city]=Riyadh",
                "application/x-www-form-urlencoded");
        JsonNode contact = ok(result).at("/payload/contact");
        assertThat(contact.get("name").asText()).isEqualTo("Alice Smith");
        assertThat(contact.get("custom_attributes").toString()).isEqualTo("{\"plan\":\"gold\"}");
        assertThat(contact.get("contact_inboxes")).hasSize(1);
        // curl -d without a content type, with a JSON body.
        assertThat(ok(http.send("POST", account("/contacts"), "{\"name\":\"Bob\"}", null)).at("/payload/contact/name").asText())
                .isEqualTo("Bob");
        var inbox = http.send("POST", account("/inboxes"), "name=Form&channel[type]=api&channel[webhook_url]=http://x/y",
                "application/x-www-form-urlencoded");
        assertThat(ok(inbox).get("webhook_url").asText()).isEqualTo("http://x/y");
    }

    @Test
    void jsonIsEscapedLikeActiveSupport() {
        var result = createContact("{\"name\":\"<script>&\\u2028\\u2029 مرحبا ✓\"}");
        assertThat(result.body()).contains("\"name\":\"\\u003cscript\\u003e\\u0026\\u2028\\u2029 مرحبا ✓\"");
        assertThat(ok(result).at("/payload/contact/name").asText()).isEqualTo("<script>&\u2028\u2029 مرحبا ✓");
    }

    @Test
    void unknownRoutesAndMethodsAreJson404() {
        for (String path : new String[] {"/api/v1/nothing", "/api/v1/accounts/1/widgets", "/", "/api/v2/profile"}) {
            assertError(http.get(path), 404, "{\"status\":404,\"error\":\"Not Found\"}");
        }
        assertError(http.delete(account("/inboxes")), 404, "{\"status\":404,\"error\":\"Not Found\"}");
        assertError(http.withToken(null).send("PATCH", account("/conversations"), "{}", "application/json"), 404,
                "{\"status\":404,\"error\":\"Not Found\"}");
    }

    @Test
    void oversizedBodiesAre413() {
        try (BevatelSimulator small = BevatelSimulator.builder().accessToken(TOKEN).maxRequestBodyBytes(1024).start()) {
            Http client = new Http(small);
            var result = client.post(account("/contacts"), "{\"name\":\"" + "x".repeat(2000) + "\"}");
            assertThat(result.status()).isEqualTo(413);
            assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(result.body()).isEqualTo("{\"error\":\"Request body is larger than 1024 bytes\"}");
            var huge = client.post(account("/contacts"), "{\"name\":\"" + "x".repeat(3_000_000) + "\"}");
            assertThat(huge.status()).isEqualTo(413);
            var fits = client.post(account("/contacts"), "{\"custom_attributes\":{\"note\":\"" + "x".repeat(900) + "\"}}");
            assertThat(ok(fits).at("/payload/contact/id").asLong()).isEqualTo(1);
        }
    }
}
