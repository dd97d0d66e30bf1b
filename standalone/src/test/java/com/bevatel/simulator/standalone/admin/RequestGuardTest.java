package com.bevatel.simulator.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.standalone.RawHttp;
import com.bevatel.simulator.standalone.dashboard.Dashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 §9 and §19, as the jar runs by default (no admin token): another web page in the
 * developer's browser cannot act on the admin API — not with the "simple" requests a browser sends
 * cross-site without asking (a form, a {@code text/plain} fetch), not with its own {@code Origin},
 * not through DNS rebinding — and admin answers carry the headers that keep them out of frames.
 */
class RequestGuardTest {
    private static final String EVIL = "Origin: http://attacker.example";
    private BevatelSimulator sim;
    private Client api;
    private String host;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().accessToken("T").apiInboxWebhookSink("inbox").extension(new Dashboard())
                .extension(new AdminApi(new AdminApi.Settings("test", null, null, null))).start();
        api = new Client(sim.baseUrl(), "T");
        host = "Host: 127.0.0.1:" + sim.port();
        api.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\"}");
        api.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RawHttp.Reply raw(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 1];
        all[0] = host;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return RawHttp.send(sim.port(), method, path, body, all);
    }

    private String clock() {
        return api.get("/_simulator/clock").json().get("now").asText();
    }

    @Test
    void aCrossSiteFormOrTextPostIsRefusedAndChangesNothing() {
        String before = clock();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            RawHttp.Reply refused = raw("POST", "/_simulator/clock", "{\"advance_seconds\":3600}", "Content-Type: " + type);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.body()).contains("\"error\":\"admin requests with a body send JSON");
        }
        assertThat(raw("POST", "/_simulator/clock", "{\"advance_seconds\":3600}").status()).as("a body without a type").isEqualTo(415);
        assertThat(raw("POST", "/_simulator/agent/conversations/1/reply", "content=pwned",
                "Content-Type: application/x-www-form-urlencoded").status()).isEqualTo(415);
        assertThat(clock()).isEqualTo(before);
        assertThat(api.get("/api/v1/accounts/1/conversations/1/messages").json().get("payload")).isEmpty();
    }

    @Test
    void aForeignOriginIsRefusedOnWritesAndOnSecretReads() {
        RawHttp.Reply reset = raw("POST", "/_simulator/reset", null, EVIL);
        assertThat(reset.status()).isEqualTo(403);
        assertThat(reset.header("Content-Type")).startsWith("application/json");
        assertThat(reset.body()).contains("\"error\":\"forbidden: a request from http://attacker.example");
        String json = "Content-Type: application/json";
        assertThat(raw("POST", "/_simulator/faults", "{\"path\":\"/**\",\"drop\":true}", EVIL, json).status()).isEqualTo(403);
        assertThat(raw("POST", "/_simulator/agent/conversations/1/reply", "{\"content\":\"pwned\"}", EVIL, json).status()).isEqualTo(403);
        assertThat(raw("POST", "/_simulator/clock", "{\"advance_seconds\":60}", "Origin: null", json).status()).isEqualTo(403);
        assertThat(raw("POST", "/_simulator/clock", "{\"advance_seconds\":60}", "Origin: http://127.0.0.1:1", json).status())
                .as("another port is another origin").isEqualTo(403);
        assertThat(raw("GET", "/_simulator/state", null, EVIL).status()).isEqualTo(403);
        assertThat(raw("GET", "/_simulator/deliveries?bodies=true", null, EVIL).status()).isEqualTo(403);
        assertThat(raw("GET", "/_simulator/deliveries/wait?bodies=true&timeout_ms=0", null, EVIL).status()).isEqualTo(403);

        assertThat(api.get("/api/v1/accounts/1/contacts/1").status()).as("not reset").isEqualTo(200);
        assertThat(api.get("/_simulator/faults").json().get("rules")).isEmpty();
        assertThat(api.get("/api/v1/accounts/1/conversations/1/messages").json().get("payload")).isEmpty();
    }

    @Test
    void theSimulatorsOwnPagesAndNonBrowserClientsGetThrough() {
        String self = "Origin: http://127.0.0.1:" + sim.port();
        RawHttp.Reply reply = raw("POST", "/_simulator/agent/conversations/1/reply", "{\"content\":\"hello\"}", self,
                "Content-Type: application/json; charset=utf-8");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(raw("POST", "/_simulator/clock", "{\"advance_seconds\":60}", "Content-Type: application/merge-patch+json").status())
                .isEqualTo(200);
        assertThat(raw("POST", "/_simulator/reset", null).status()).as("no body, no type").isEqualTo(200);
        assertThat(raw("GET", "/_simulator/state", null).status()).isEqualTo(200);
        // The sinks take the simulator's own deliveries (and anyone's): not the admin API.
        assertThat(raw("POST", "/_simulator/sink/inbox", "x=1", EVIL, "Content-Type: text/plain").status()).isEqualTo(200);
    }

    @Test
    void aRebindingPageHostIsRefusedEverywhereWhenBoundToLoopback() {
        int port = sim.port();
        for (String path : new String[] {"/_simulator/state", "/api/v1/profile", Dashboard.PATH}) {
            RawHttp.Reply refused = RawHttp.send(port, "GET", path, null, "Host: attacker.example:" + port, "api_access_token: T");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("is not this simulator, which listens on loopback only");
        }
        for (String bad : new String[] {"0.0.0.0:" + port, "127.0.0.1.attacker.example:" + port,
                "localhost.attacker.example:" + port}) {
            assertThat(RawHttp.send(port, "GET", "/_simulator/health", null, "Host: " + bad).status()).as(bad).isEqualTo(403);
        }
        // Any port: a forwarded one (ssh -L 8080:127.0.0.1:3000) or none at all still names loopback.
        for (String good : new String[] {"localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port, "127.1.2.3:" + port,
                "[::1]:" + port, "app.localhost:" + port, "127.0.0.1:" + (port + 1), "localhost", "127.0.0.1"}) {
            assertThat(RawHttp.send(port, "GET", "/_simulator/health", null, "Host: " + good).status()).as(good).isEqualTo(200);
        }
    }

    @Test
    void boundToAllAddressesAnyHostIsServedButOriginsStillMatchIt() {
        try (BevatelSimulator open = BevatelSimulator.builder().host("0.0.0.0")
                .extension(new AdminApi(new AdminApi.Settings("test", null, null, null))).start()) {
            int port = open.port();
            assertThat(RawHttp.send(port, "GET", "/_simulator/health", null, "Host: simulator:" + port).status()).isEqualTo(200);
            String json = "Content-Type: application/json";
            assertThat(RawHttp.send(port, "POST", "/_simulator/clock", "{\"advance_seconds\":1}", "Host: simulator:" + port,
                    "Origin: http://simulator:" + port, json).status()).isEqualTo(200);
            assertThat(RawHttp.send(port, "POST", "/_simulator/clock", "{\"advance_seconds\":1}", "Host: simulator:" + port,
                    EVIL, json).status()).isEqualTo(403);
        }
    }

    @Test
    void adminAnswersCarryHeadersThatKeepThemOutOfFramesAndUnsniffed() {
        for (String path : new String[] {"/_simulator/health", "/_simulator/state", "/_simulator/no-such-route"}) {
            Client.Result answer = api.get(path);
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy")).as(path).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
        Client.Result page = api.get(Dashboard.PATH);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(Dashboard.POLICY).contains("script-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
