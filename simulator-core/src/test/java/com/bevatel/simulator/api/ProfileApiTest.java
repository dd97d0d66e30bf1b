package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/profile} (app/views/api/v1/profiles/show.json.jbuilder). */
class ProfileApiTest extends ApiTestSupport {

    @Test
    void profileOfTheSeededAdministratorInKeyOrder() {
        var result = http.get("/api/v1/profile");
        String pubsub = ok(result).get("pubsub_token").asText();
        assertThat(pubsub).matches("[1-9A-HJ-NP-Za-km-z]{24}");
        assertThat(result.body()).isEqualTo(compact("""
                {"access_token":"test-token",
                "account_id":1,
                "available_name":"Bevatel Admin",
                "avatar_url":"",
                "confirmed":true,
                "display_name":null,
                "message_signature":null,
                "email":"admin@bevatel.test",
                "id":1,
                "inviter_id":null,
                "name":"Bevatel Admin",
                "provider":"email",
                "pubsub_token":"%s",
                "role":"administrator",
                "ui_settings":{},
                "uid":"admin@bevatel.test",
                "type":null,
                "accounts":[{"id":1,
                "name":"Bevatel Simulator",
                "status":"active",
                "onboarding_step":null,
                "active_at":"2026-01-01T00:00:00.000Z",
                "role":"administrator",
                "permissions":["administrator"],
                "availability":"online",
                "availability_status":"offline",
                "auto_offline":true,
                "api_and_webhooks":false}]}
                """.formatted(pubsub)));
    }

    @Test
    void theAgentSeesItsOwnProfile() {
        addAgent();
        var profile = ok(http.withToken("agent-token").get("/api/v1/profile"));
        assertThat(profile.get("id").asLong()).isEqualTo(2);
        assertThat(profile.get("available_name").asText()).isEqualTo("Sam");
        assertThat(profile.get("display_name").asText()).isEqualTo("Sam");
        assertThat(profile.get("role").asText()).isEqualTo("agent");
        assertThat(profile.at("/accounts/0/permissions/0").asText()).isEqualTo("agent");
        assertThat(profile.get("access_token").asText()).isEqualTo("agent-token");
    }

    @Test
    void derivedAccessTokenComesFromTheSeed() {
        try (var a = com.bevatel.simulator.BevatelSimulator.builder().seed(7).start();
             var b = com.bevatel.simulator.BevatelSimulator.builder().seed(7).start();
             var c = com.bevatel.simulator.BevatelSimulator.builder().seed(8).start()) {
            assertThat(a.accessToken()).matches("[1-9A-HJ-NP-Za-km-z]{24}").isEqualTo(b.accessToken())
                    .isNotEqualTo(c.accessToken());
            var profile = new com.bevatel.simulator.Http(a).get("/api/v1/profile");
            assertThat(ok(profile).get("access_token").asText()).isEqualTo(a.accessToken());
        }
    }
}
