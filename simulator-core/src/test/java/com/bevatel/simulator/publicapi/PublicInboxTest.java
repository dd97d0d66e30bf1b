package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /public/api/v1/inboxes/{inbox_identifier}} (app/controllers/public/api/v1/inboxes_controller.rb). */
class PublicInboxTest {
    private static final String WEEK = "[{\"day_of_week\":0,\"closed_all_day\":true,\"open_hour\":null,\"open_minutes\":null,"
            + "\"close_hour\":null,\"close_minutes\":null,\"open_all_day\":false},"
            + weekday(1) + "," + weekday(2) + "," + weekday(3) + "," + weekday(4) + "," + weekday(5) + ","
            + "{\"day_of_week\":6,\"closed_all_day\":true,\"open_hour\":null,\"open_minutes\":null,"
            + "\"close_hour\":null,\"close_minutes\":null,\"open_all_day\":false}]";

    @RegisterExtension
    static final PublicApi api = new PublicApi();

    private static String weekday(int day) {
        return "{\"day_of_week\":" + day + ",\"closed_all_day\":false,\"open_hour\":9,\"open_minutes\":0,"
                + "\"close_hour\":17,\"close_minutes\":0,\"open_all_day\":false}";
    }

    @Test
    void showsThePublicInboxWithoutAnyToken() {
        Http.Result result = api.client.get(api.inbox());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(result.body()).isEqualTo("{\"identifier\":\"" + api.sim.apiInbox().identifier() + "\","
                + "\"identity_validation_enabled\":false,\"name\":\"Bevatel API\",\"timezone\":\"UTC\","
                + "\"working_hours\":" + WEEK + ",\"working_hours_enabled\":false,\"csat_survey_enabled\":false,"
                + "\"greeting_enabled\":false}");
    }

    @Test
    void reflectsTheInboxSettingsAnAdministratorChanges() {
        Http.ok(api.app.patch(Http.account("/inboxes/1"), "{\"name\":\"Support\",\"greeting_enabled\":true,"
                + "\"greeting_message\":\"Hi\",\"working_hours_enabled\":true,\"timezone\":\"Asia/Riyadh\","
                + "\"channel\":{\"hmac_mandatory\":true}}"));

        var body = Http.ok(api.client.get(api.inbox()));

        assertThat(body.get("identity_validation_enabled").asBoolean()).isTrue();
        assertThat(body.get("name").asText()).isEqualTo("Support");
        assertThat(body.get("timezone").asText()).isEqualTo("Asia/Riyadh");
        assertThat(body.get("working_hours_enabled").asBoolean()).isTrue();
        assertThat(body.get("greeting_enabled").asBoolean()).isTrue();
    }

    @Test
    void anUnknownIdentifierIsTheRailsNotFoundPage() {
        for (String path : new String[] {"/public/api/v1/inboxes/NoSuchInbox123", "/public/api/v1/inboxes/1",
                "/public/api/v1/inboxes/NoSuchInbox123/contacts/x", "/public/api/v1/inboxes/NoSuchInbox123/contacts/x/conversations"}) {
            Http.Result result = api.client.get(path);
            assertThat(result.status()).as(path).isEqualTo(404);
            assertThat(result.body()).as(path).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
        }
        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void theInboxIdentifierIsTheOnlyCredentialNeeded() {
        Http.Result withWrongToken = api.app.withToken("not-a-token").get(api.inbox());

        assertThat(withWrongToken.status()).isEqualTo(200);
        assertThat(withWrongToken.body()).isEqualTo(api.client.get(api.inbox()).body());
    }
}
