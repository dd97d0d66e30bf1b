package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user changes of themself (app/controllers/api/v1/profiles_controller.rb and
 * spec/controllers/api/v1/profiles_controller_spec.rb; every action answers
 * app/views/api/v1/models/_user.json.jbuilder): {@code PUT|PATCH /api/v1/profile},
 * {@code POST /api/v1/profile/availability}, {@code /auto_offline}, {@code /reset_access_token}.
 * The world: administrator "admin-token" (user 1), agents Sam (2, "sam-token") and Kim.
 */
@ExtendWith(WorldPerTest.class)
class ProfileUpdateApiTest {
    private static final String PROFILE = "/api/v1/profile";

    World world;

    private static JsonNode ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    /** name, display_name, message_signature, ui_settings and phone_number (into custom_attributes), in the partial's order. */
    @Test
    void anUpdateAnswersTheUserPartialWithEveryFieldInItsPlace() {
        JsonNode updated = ok(world.sam.put(PROFILE, "{\"profile\":{\"name\":\"Samuel Agent\",\"display_name\":\"Sam\","
                + "\"message_signature\":\"-- Sam\",\"ui_settings\":{\"is_contact_sidebar_open\":false,\"locale\":\"fr\"},"
                + "\"phone_number\":\"+15550001111\",\"avatar\":\"ignored\"}}"));
        String pubsub = updated.get("pubsub_token").asText();
        assertThat(updated.toString()).isEqualTo("{\"access_token\":\"sam-token\",\"account_id\":1,\"available_name\":\"Sam\","
                + "\"avatar_url\":\"\",\"confirmed\":true,\"display_name\":\"Sam\",\"message_signature\":\"-- Sam\","
                + "\"email\":\"sam@acme.test\",\"id\":2,\"inviter_id\":null,\"name\":\"Samuel Agent\",\"provider\":\"email\","
                + "\"pubsub_token\":\"" + pubsub + "\",\"custom_attributes\":{\"phone_number\":\"+15550001111\"},\"role\":\"agent\","
                + "\"ui_settings\":{\"is_contact_sidebar_open\":false,\"locale\":\"fr\"},\"uid\":\"sam@acme.test\",\"type\":null,"
                + "\"accounts\":[{\"id\":1,\"name\":\"Bevatel Simulator\",\"status\":\"active\",\"onboarding_step\":null,"
                + "\"active_at\":\"2026-01-01T00:00:00.000Z\",\"role\":\"agent\",\"permissions\":[\"agent\"],\"availability\":\"online\","
                + "\"availability_status\":\"offline\",\"auto_offline\":true,\"api_and_webhooks\":false}]}");
        assertThat(world.sam.get(PROFILE).body()).isEqualTo(updated.toString());
        // The agent partial shows the display name and the custom attributes too.
        JsonNode listed = world.admin.get(Http.account("/agents")).json().get(2);
        assertThat(listed.toString()).contains("\"available_name\":\"Sam\",\"custom_attributes\":{\"phone_number\":\"+15550001111\"},"
                + "\"name\":\"Samuel Agent\"");
        assertThat(world.admin.get("/api/v1/profile").json().get("name").asText()).as("only Sam changed").isEqualTo("Bevatel Admin");
    }

    /**
     * JSON keys are wrapped under {@code profile}; ui_settings is replaced whole (a jsonb column assigned), one
     * that is not an object is not permitted; the email is not applied (Chatwoot keeps the old one until the
     * new one is confirmed by mail); a null display name clears it.
     */
    @Test
    void wrappedKeysReplaceTheSettingsWholeAndLeaveTheEmail() {
        ok(world.sam.patch(PROFILE, "{\"ui_settings\":{\"a\":1,\"b\":2},\"display_name\":\"S\"}"));
        assertThat(ok(world.sam.patch(PROFILE, "{\"ui_settings\":{\"b\":3}}")).get("ui_settings").toString()).isEqualTo("{\"b\":3}");
        assertThat(ok(world.sam.patch(PROFILE, "{\"ui_settings\":\"dark\"}")).get("ui_settings").toString()).isEqualTo("{\"b\":3}");
        JsonNode after = ok(world.sam.patch(PROFILE, "{\"email\":\"new@acme.test\",\"display_name\":null}"));
        assertThat(after.get("email").asText()).isEqualTo("sam@acme.test");
        assertThat(after.get("display_name").isNull()).isTrue();
        assertThat(after.get("available_name").asText()).isEqualTo("Sam Agent");
        assertThat(ok(world.sam.patch(PROFILE, "{\"phone_number\":null}")).get("custom_attributes").toString())
                .isEqualTo("{\"phone_number\":null}");
    }

    /** User's validations (the spec's 'test' * 999 name), the root key, and passwords, which are not simulated. */
    @Test
    void invalidProfilesAreRefusedAndNothingChanges() {
        String before = world.sam.get(PROFILE).body();
        AgentApiTest.assertError(world.sam.put(PROFILE, "{\"profile\":{\"name\":\"" + "test".repeat(999) + "\"}}"),
                "{\"message\":\"Name is too long (maximum is 255 characters)\",\"attributes\":[\"name\"]}");
        AgentApiTest.assertError(world.sam.put(PROFILE, "{\"name\":\"\",\"display_name\":\"" + "d".repeat(256) + "\",\"message_signature\":\""
                + "s".repeat(20_001) + "\"}"), "{\"message\":\"Display name is too long (maximum is 255 characters), "
                + "Message signature is too long (maximum is 20000 characters), Name can't be blank\","
                + "\"attributes\":[\"display_name\",\"message_signature\",\"name\"]}");
        AgentApiTest.assertError(world.sam.put(PROFILE, "{}"), "{\"error\":\"param is missing or the value is empty: profile\"}");
        AgentApiTest.assertError(world.sam.send("PUT", PROFILE, "name=x", "application/x-www-form-urlencoded"),
                "{\"error\":\"param is missing or the value is empty: profile\"}");
        AgentApiTest.assertError(world.sam.put(PROFILE, "{\"profile\":{\"password\":\"Secret1!\",\"password_confirmation\":\"Secret1!\","
                + "\"name\":\"x\"}}"), "{\"error\":\"Invalid current password\"}");
        assertThat(world.sam.put(PROFILE, "{\"profile\":{\"current_password\":\"Old1!pass\",\"password\":\"Secret1!\"}}").body())
                .contains("Passwords are not simulated");
        assertThat(world.sam.get(PROFILE).body()).isEqualTo(before);
    }

    /**
     * availability: the account user's, shown in accounts[].availability; availability_status follows it once
     * auto_offline is off (a user of the API has no presence). The account must be the user's (404).
     */
    @Test
    void availabilityAndAutoOfflineSetWhatTheAccountShows() {
        JsonNode busy = ok(world.sam.post(PROFILE + "/availability", "{\"profile\":{\"availability\":\"busy\",\"account_id\":1}}"));
        assertThat(busy.at("/accounts/0/availability").asText()).isEqualTo("busy");
        assertThat(busy.at("/accounts/0/availability_status").asText()).isEqualTo("offline");
        JsonNode manual = ok(world.sam.post(PROFILE + "/auto_offline", "{\"account_id\":1,\"auto_offline\":false}"));
        assertThat(manual.at("/accounts/0/auto_offline").asBoolean()).isFalse();
        assertThat(manual.at("/accounts/0/availability_status").asText()).isEqualTo("busy");
        assertThat(world.admin.get(Http.account("/agents")).json().get(2).get("availability_status").asText()).isEqualTo("busy");
        long conversation = world.conversation("Alice");
        world.admin.post(Http.account("/conversations/" + conversation + "/assignments"), "{\"assignee_id\":2}");
        assertThat(world.show(conversation).at("/meta/assignee/availability_status").asText()).isEqualTo("busy");
        assertThat(ok(world.sam.post(PROFILE + "/auto_offline", "{\"account_id\":1}")).at("/accounts/0/auto_offline")
                .asBoolean()).as("auto_offline || false").isFalse();

        String notFound = RolesAndBotsTest.NOT_FOUND;
        assertThat(world.sam.post(PROFILE + "/availability", "{\"availability\":\"online\",\"account_id\":2}").body()).isEqualTo(notFound);
        assertThat(world.sam.post(PROFILE + "/availability", "{\"availability\":\"online\"}").body()).isEqualTo(notFound);
        AgentApiTest.assertError(world.sam.post(PROFILE + "/availability", "{\"availability\":\"away\",\"account_id\":1}"),
                "{\"error\":\"'away' is not a valid availability\"}");
        AgentApiTest.assertError(world.sam.post(PROFILE + "/availability", "{\"account_id\":1}"),
                "{\"error\":\"param is missing or the value is empty: availability\"}");
        assertThat(world.sam.get(PROFILE).json().at("/accounts/0/availability").asText()).isEqualTo("busy");
    }

    /** reset_access_token: a new token, shown once; the old one stops working at once, the new one works. */
    @Test
    void aResetTokenReplacesTheOldOne() {
        JsonNode reset = ok(world.admin.post(PROFILE + "/reset_access_token", null));
        String token = reset.get("access_token").asText();
        assertThat(token).matches("[1-9A-HJ-NP-Za-km-z]{24}").isNotEqualTo(World.ADMIN);
        assertThat(world.admin.get(PROFILE).body()).isEqualTo("{\"error\":\"Invalid Access Token\"}");
        assertThat(world.admin.withToken(token).get(Http.account("/agents")).status()).isEqualTo(200);
        assertThat(world.sim.accessToken()).isEqualTo(token);
        assertThat(world.sam.get(PROFILE).json().get("access_token").asText()).isEqualTo(World.SAM);
    }

    /** Bots are refused every profile route (not BOT_ACCESSIBLE_ENDPOINTS); no token is devise's 401. */
    @Test
    void botsAndStrangersAreRefused() {
        for (String[] call : new String[][] {{"GET", PROFILE}, {"PUT", PROFILE}, {"PATCH", PROFILE},
                {"POST", PROFILE + "/availability"}, {"POST", PROFILE + "/auto_offline"}, {"POST", PROFILE + "/reset_access_token"}}) {
            String body = call[0].equals("GET") ? null : "{\"profile\":{\"name\":\"x\",\"availability\":\"busy\",\"account_id\":1}}";
            Http.Result bot = world.bot.send(call[0], call[1], body, "application/json");
            assertThat(bot.status()).isEqualTo(401);
            assertThat(bot.body()).as(call[1]).isEqualTo(RolesAndBotsTest.BOTS);
            assertThat(world.admin.withToken(null).send(call[0], call[1], body, "application/json").body())
                    .isEqualTo("{\"errors\":[\"You need to sign in or sign up before continuing.\"]}");
        }
        assertThat(world.sim.agentBot("Helper Bot").accessToken()).isEqualTo(World.BOT);
    }
}
