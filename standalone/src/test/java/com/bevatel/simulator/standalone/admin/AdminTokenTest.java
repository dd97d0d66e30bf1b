package com.bevatel.simulator.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.HttpExtension;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With an admin token, every /_simulator/ route — the core's and other extensions' too — needs it; the API does not. */
class AdminTokenTest {
    private static BevatelSimulator sim;
    private static Client anonymous;
    private static Client admin;

    @BeforeAll
    static void start() {
        HttpExtension dashboardLike = (router, simulator) -> router.get("/_simulator/ui/probe",
                request -> Response.ok(Json.text("page")));
        sim = BevatelSimulator.builder().accessToken("T").apiInboxWebhookSink("hooks").extension(dashboardLike)
                .extension(new AdminApi(new AdminApi.Settings("test", "s3cret", null, null))).start();
        anonymous = new Client(sim.baseUrl(), "T");
        admin = anonymous.withAdminToken("s3cret");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyAdminRouteNeedsTheToken() {
        for (String path : new String[] {"/_simulator/health", "/_simulator/deliveries", "/_simulator/deliveries/wait", "/_simulator/state",
                "/_simulator/clock", "/_simulator/ui/probe", "/_simulator/openapi.json", "/_simulator/no-such-route"}) {
            Client.Result refused = anonymous.get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).contains("X-Simulator-Admin-Token");
            assertThat(anonymous.withAdminToken("wrong").get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(admin.get("/_simulator/health").status()).isEqualTo(200);
        assertThat(admin.get("/_simulator/clock").status()).isEqualTo(200);
        assertThat(admin.get("/_simulator/deliveries/wait?event=none&timeout_ms=0").status()).isEqualTo(408);
        assertThat(admin.get("/_simulator/ui/probe").body()).isEqualTo("\"page\"");
        assertThat(admin.get("/_simulator/no-such-route").status()).isEqualTo(404);
        assertThat(anonymous.withHeader("Authorization", "Bearer s3cret").get("/_simulator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/_simulator/health?admin_token=s3cret").status()).isEqualTo(200);
        assertThat(admin.get("/_simulator/ready").json().get("admin_token_required").asBoolean()).isTrue();
    }

    @Test
    void aRefusedAdminWriteChangesNothing() {
        anonymous.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\"}");
        anonymous.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
        assertThat(anonymous.post("/_simulator/agent/conversations/1/reply", "{\"content\":\"sneaky\"}").status()).isEqualTo(401);
        assertThat(anonymous.post("/_simulator/reset", null).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/accounts/1/conversations/1/messages").json().get("payload")).isEmpty();
        assertThat(admin.post("/_simulator/agent/conversations/1/reply", "{\"content\":\"hello\"}").status()).isEqualTo(200);
    }

    @Test
    void openingTheDashboardWithTheTokenRedirectsWithoutItAndStartsASessionCookie() {
        Client.Result opened = anonymous.get("/_simulator/ui?live=off&admin_token=s3cret");
        assertThat(opened.status()).isEqualTo(303);
        assertThat(opened.header("Location")).isEqualTo("/_simulator/ui?live=off");
        String setCookie = opened.header("Set-Cookie");
        assertThat(setCookie).startsWith("bevatel_simulator_admin_" + sim.port() + "=")
                .contains("; Path=/_simulator/;", "; Max-Age=28800;", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("s3cret");
        assertThat(anonymous.get("/_simulator/ui/?admin_token=wrong").header("Set-Cookie")).isNull();
    }

    @Test
    void theSessionCookieStandsForTheTokenOnWhatTheDashboardDoesOnly() {
        anonymous.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Carol\"}");
        long conversation = anonymous.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}")
                .json().get("id").asLong();
        String cookie = anonymous.get("/_simulator/ui?admin_token=s3cret").header("Set-Cookie").split(";", 2)[0];
        Client browser = anonymous.withHeader("Cookie", cookie);
        assertThat(browser.get("/_simulator/ui/probe").status()).isEqualTo(200);
        assertThat(browser.post("/_simulator/agent/conversations/" + conversation + "/reply", "{\"content\":\"hi\"}").status())
                .isEqualTo(200);
        for (String path : new String[] {"/_simulator/state", "/_simulator/deliveries", "/_simulator/deliveries/wait", "/_simulator/faults"}) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(browser.post("/_simulator/reset", null).status()).isEqualTo(401);
        assertThat(browser.post("/_simulator/clock", "{\"advance_seconds\":1}").status()).isEqualTo(401);

        String value = cookie.substring(cookie.indexOf('=') + 1);
        long expires = Long.parseLong(value.substring(0, value.indexOf('.')));
        String forged = cookie.substring(0, cookie.indexOf('=') + 1) + (expires + 86_400) + value.substring(value.indexOf('.'));
        assertThat(anonymous.withHeader("Cookie", forged).get("/_simulator/ui/probe").status()).as("a later expiry, same signature")
                .isEqualTo(401);
        String otherPort = "bevatel_simulator_admin_" + (sim.port() + 1) + "=" + value;
        assertThat(anonymous.withHeader("Cookie", otherPort).get("/_simulator/ui/probe").status()).isEqualTo(401);
    }

    @Test
    void theApiAndTheSinksReceivingEndStayOpen() {
        assertThat(anonymous.get("/api/v1/profile").status()).isEqualTo(200);
        assertThat(anonymous.post("/_simulator/sink/hooks", "{}").status()).isEqualTo(200);
        anonymous.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Bob\"}");
        long conversation = anonymous.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}")
                .json().get("id").asLong();
        sim.webhooks().await(1, d -> d.event().equals("conversation_created") && d.conversationId() == conversation,
                Duration.ofSeconds(20));
        assertThat(sim.webhooks().matching(d -> d.event().equals("conversation_created")))
                .allSatisfy(d -> assertThat(d.responseStatus()).as("the sink took the delivery without a token").isEqualTo(200));
    }
}
