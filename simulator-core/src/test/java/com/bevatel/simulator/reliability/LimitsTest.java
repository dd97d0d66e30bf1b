package com.bevatel.simulator.reliability;

import static com.bevatel.simulator.Http.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.http.HttpServer;
import com.bevatel.simulator.webhook.Delivery;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits that keep one client from hurting the others, each at its documented value: body
 * size (413), JSON nesting, number and string sizes (400), request line and headers (400),
 * string lengths of the reference (422), and the journal and attachment memory bounds. Slow and
 * stalled clients are {@link SlowClientTest}'s.
 */
class LimitsTest {
    private static final String TOKEN = "limits-token";
    private static BevatelSimulator sim;
    private static Http http;

    @BeforeAll
    static void start() {
        sim = BevatelSimulator.builder().accessToken(TOKEN).journalCapacity(3).maxAttachmentStorageBytes(4096)
                .maxRequestBodyBytes(256 * 1024).start();
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static RawHttp.Reply raw(RawHttp.Request request) {
        return RawHttp.send(sim.port(), request.header("api_access_token", TOKEN));
    }

    private static RawHttp.Request json(String method, String path, String body) {
        return new RawHttp.Request(method, path).header("Content-Type", "application/json").body(body);
    }

    @Test
    void bodiesOverTheConfiguredLimitAre413WithJsonAndStoreNothing() {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        RawHttp.Reply declared = raw(json("POST", Http.account("/contacts"), big));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text()).isEqualTo("{\"error\":\"Request body is larger than 262144 bytes\"}");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        String chunk = Integer.toHexString(bytes.length) + "\r\n" + big + "\r\n0\r\n\r\n";
        RawHttp.Reply chunked = raw(new RawHttp.Request("POST", Http.account("/contacts")).header("Content-Type", "application/json")
                .header("Transfer-Encoding", "chunked").noContentLength().body(chunk));
        assertThat(chunked.dropped()).as("a chunked body over the limit is answered, not cut off").isFalse();
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.header("content-type")).isEqualTo(ErrorShapes.JSON_UTF8);
        assertThat(chunked.text()).isEqualTo("{\"error\":\"Request body is larger than 262144 bytes\"}");

        String small = "{\"name\":\"Chunky\"}";
        RawHttp.Reply within = raw(new RawHttp.Request("POST", Http.account("/contacts")).header("Content-Type", "application/json")
                .header("Transfer-Encoding", "chunked").noContentLength()
                .body("5\r\n" + small.substring(0, 5) + "\r\n" + Integer.toHexString(small.length() - 5) + "\r\n" + small.substring(5) + "\r\n0\r\n\r\n"));
        assertThat(within.status()).as(within.text()).isEqualTo(200);
        sim.reset();
        assertThat(SimulatorAccess.store(sim).read(state -> state.contacts.size()).intValue()).isZero();
    }

    @Test
    void jsonNestingBeyond200LevelsIs400AndUpTo200IsAccepted() {
        String deep = "{\"custom_attributes\":{\"a\":" + "[".repeat(198) + "1" + "]".repeat(198) + "}}";
        assertThat(raw(json("POST", Http.account("/contacts"), deep)).status()).isEqualTo(200);

        String deeper = "{\"custom_attributes\":{\"a\":" + "[".repeat(199) + "1" + "]".repeat(199) + "}}";
        RawHttp.Reply reply = raw(json("POST", Http.account("/contacts"), deeper));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.jsonOrNull().get("message").asText()).startsWith("malformed JSON body: Document nesting depth (201) exceeds");
        assertThat(ErrorShapes.problem("POST", reply)).isNull();
    }

    @Test
    void numbersLongerThan100DigitsAndStringsLongerThanAMillionCharactersAre400() {
        RawHttp.Reply number = raw(json("POST", Http.account("/contacts"), "{\"inbox_id\":" + "9".repeat(101) + "}"));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.jsonOrNull().get("message").asText()).contains("Number value length (101) exceeds");

        try (BevatelSimulator roomy = BevatelSimulator.builder().accessToken(TOKEN).start()) {
            RawHttp.Reply string = RawHttp.send(roomy.port(), new RawHttp.Request("POST", Http.account("/contacts"))
                    .header("api_access_token", TOKEN).header("Content-Type", "application/json")
                    .body("{\"custom_attributes\":{\"a\":\"" + "s".repeat(1_000_001) + "\"}}"));
            assertThat(string.status()).isEqualTo(400);
            assertThat(string.jsonOrNull().get("message").asText()).contains("String value length (1000001) exceeds");
        }
    }

    @Test
    void requestLineAndHeadersBeyond64KiBAre400NotADroppedConnection() {
        String path = Http.account("/contacts/search?q=");
        int room = HttpServer.MAX_HEADER_BYTES - 1024;
        RawHttp.Reply fits = raw(new RawHttp.Request("GET", path + "a".repeat(room)));
        assertThat(fits.status()).isEqualTo(200);

        RawHttp.Reply longUrl = raw(new RawHttp.Request("GET", path + "a".repeat(HttpServer.MAX_HEADER_BYTES)));
        assertThat(longUrl.status()).isEqualTo(400);
        assertThat(longUrl.header("connection")).isEqualTo("close");

        RawHttp.Reply bigHeader = raw(new RawHttp.Request("GET", "/api/v1/profile").header("X-Big", "b".repeat(HttpServer.MAX_HEADER_BYTES)));
        assertThat(bigHeader.status()).isEqualTo(400);

        RawHttp.Request many = new RawHttp.Request("GET", "/api/v1/profile");
        for (int i = 0; i < HttpServer.MAX_HEADERS + 1; i++) {
            many.header("X-H" + i, "v");
        }
        assertThat(raw(many).status()).isEqualTo(400);

        StringBuilder parameters = new StringBuilder("/api/v1/profile?");
        for (int i = 0; i <= HttpServer.MAX_PARAMETERS; i++) {
            parameters.append("k").append(i).append("=v&");
        }
        assertThat(raw(new RawHttp.Request("GET", parameters.toString())).status()).isEqualTo(400);
        assertThat(raw(new RawHttp.Request("GET", "/api/v1/profile")).status()).as("the server still answers").isEqualTo(200);
    }

    @Test
    void malformedHttpIs400NotADroppedConnection() {
        for (String request : new String[] {"GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/v1/profile?q=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/profile HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "GET /é HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/v1/profile HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"}) {
            RawHttp.Reply reply = RawHttp.send(sim.port(), request.getBytes(StandardCharsets.UTF_8), RawHttp.TIMEOUT);
            assertThat(reply.status()).as(request).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "POST | /contacts | name | 255 | Name is too long (maximum is 255 characters)",
        "POST | /contacts | email | 255 | Email is too long (maximum is 255 characters)",
        "POST | /contacts | identifier | 255 | Identifier is too long (maximum is 255 characters)",
        "POST | /inboxes | name | 255 | Name is too long (maximum is 255 characters)",
        "POST | /webhooks | url | 20000 | Url is too long (maximum is 20000 characters)",
        "POST | /conversations/1/messages | content | 150000 | Content is too long (maximum is 150000 characters)",
        "POST | /contacts/1/contact_inboxes | source_id | 20000 | Source is too long (maximum is 20000 characters)",
        "POST | /agent_bots | name | 255 | Name is too long (maximum is 255 characters)",
        "POST | /agent_bots | description | 255 | Description is too long (maximum is 255 characters)",
        "POST | /agent_bots | outgoing_url | 2048 | Outgoing url is too long (maximum is 2048 characters)",
        "POST | /teams | name | 255 | Name is too long (maximum is 255 characters)",
        "POST | /teams | description | 20000 | Description is too long (maximum is 20000 characters)",
        "POST | /labels | title | 255 | Title is too long (maximum is 255 characters)",
        "POST | /labels | description | 20000 | Description is too long (maximum is 20000 characters)",
        "POST | /canned_responses | short_code | 255 | Short code is too long (maximum is 255 characters)",
        "POST | /canned_responses | content | 20000 | Content is too long (maximum is 20000 characters)",
        "POST | /agents | name | 255 | Name is too long (maximum is 255 characters)",
        "POST | /agents | email | 255 | Email is too long (maximum is 255 characters)",
        "PATCH | /agents/1 | name | 255 | Name is too long (maximum is 255 characters)"})
    void stringsLongerThanTheReferenceAllowsAre422(String method, String path, String field, int max, String message) {
        String json = ok(http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Lena\"}"))
                .at("/payload/contact_inbox/source_id").asText();
        ok(http.post(Http.account("/conversations"), "{\"source_id\":\"" + json + "\"}"));
        String before = StateFingerprint.of(sim);
        Http.Result tooLong = http.send(method, Http.account(path), body(path, field, max + 1), "application/json");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.body()).contains(message);
        assertThat(StateFingerprint.of(sim)).isEqualTo(before);
        Http.Result longest = http.send(method, Http.account(path), body(path, field, max), "application/json");
        assertThat(longest.status()).as("exactly %d characters are accepted", max).isEqualTo(200);
    }

    /** A body that is valid for {@code path} but for {@code field}, {@code length} characters long. */
    private static String body(String path, String field, int length) {
        String value = field.equals("email") ? "a".repeat(length - 7) + "@b.test"
                : field.endsWith("url") ? "http://127.0.0.1:1/" + "u".repeat(length - 19) : "v".repeat(length);
        return switch (path) {
            case "/inboxes" -> "{\"name\":\"" + value + "\",\"channel\":{\"type\":\"api\"}}";
            case "/webhooks" -> "{\"webhook\":{\"url\":\"" + value + "\",\"subscriptions\":[\"message_created\"]}}";
            case "/contacts/1/contact_inboxes" -> "{\"inbox_id\":1,\"source_id\":\"" + value + "\"}";
            // Each other required field unique to this field's length, so the two posts do not collide.
            case "/teams" -> field.equals("name") ? "{\"name\":\"" + value + "\"}"
                    : "{\"name\":\"team-" + length + "\",\"" + field + "\":\"" + value + "\"}";
            case "/labels" -> field.equals("title") ? "{\"title\":\"" + value + "\"}"
                    : "{\"title\":\"label-" + length + "\",\"" + field + "\":\"" + value + "\"}";
            case "/canned_responses" -> field.equals("short_code") ? "{\"short_code\":\"" + value + "\",\"content\":\"x\"}"
                    : "{\"short_code\":\"code-" + length + "\",\"content\":\"" + value + "\"}";
            case "/agents" -> field.equals("email") ? "{\"email\":\"" + value + "\"}" : "{\"name\":\"" + value + "\",\"email\":\"l@b.test\"}";
            default -> "{\"" + field + "\":\"" + value + "\"}";
        };
    }

    @Test
    void theJournalKeepsItsCapacityAndCountsWhatItEvicted() {
        sim.sink("limits").reset();
        ok(http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + sim.sinkUrl("limits") + "\",\"subscriptions\":[\"contact_created\"]}}"));
        for (int i = 0; i < 5; i++) {
            ok(http.post(Http.account("/contacts"), "{\"name\":\"J" + i + "\"}"));
        }
        sim.webhooks().await(1, d -> d.payload().get("name").asText().equals("J4"), Duration.ofSeconds(20));
        assertThat(sim.webhooks().size()).isEqualTo(3);
        assertThat(sim.webhooks().evicted()).isEqualTo(2);
        assertThat(sim.webhooks().all()).extracting(d -> d.payload().get("name").asText()).containsExactly("J2", "J3", "J4");
        assertThat(sim.webhooks().all()).allMatch(Delivery::succeeded);
    }

    @Test
    void attachmentsBeyondTheStorageBoundAre422AndStoreNothing() {
        String boundary = "limits";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"f.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        RawHttp.Request first = new RawHttp.Request("POST", Http.account("/conversations/1/messages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(part + "a".repeat(3000) + "\r\n--" + boundary + "--\r\n");
        String source = ok(http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Ada\"}")).at("/payload/contact_inbox/source_id").asText();
        ok(http.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\"}"));
        assertThat(raw(first).status()).isEqualTo(200);
        String before = StateFingerprint.of(sim);
        RawHttp.Request second = new RawHttp.Request("POST", Http.account("/conversations/1/messages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(part + "b".repeat(2000) + "\r\n--" + boundary + "--\r\n");
        RawHttp.Reply refused = raw(second);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.jsonOrNull().get("error").asText()).contains("attachment storage of 4096 bytes (3000 in use)");
        assertThat(StateFingerprint.of(sim)).isEqualTo(before);
    }
}
