package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * The request every throughput and latency figure uses, shared by JMH, the heap probe and load.sh:
 * an agent's outgoing message with 100 characters of content, posted to conversation 1.
 */
public final class Workload {
    public static final String TOKEN = "bench-token";
    public static final Map<String, String> AUTH = Map.of("api_access_token", TOKEN);
    /** Exactly 100 characters, plain ASCII (nothing to escape). */
    public static final String CONTENT =
            "Benchmark message: hello from the load test, checking that this body has one hundred characters, ok.";
    public static final String MESSAGE_BODY = "{\"content\":\"" + CONTENT + "\",\"message_type\":\"outgoing\"}";
    public static final String MESSAGES_PATH = "/api/v1/accounts/1/conversations/1/messages";
    public static final String PROFILE_PATH = "/api/v1/profile";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        if (CONTENT.length() != 100) {
            throw new AssertionError("CONTENT must be 100 characters, is " + CONTENT.length());
        }
    }

    private Workload() {
    }

    /** For load.sh: {@code body}, {@code token} or {@code path} of the workload request. */
    public static void main(String[] args) {
        String what = args.length == 0 ? "body" : args[0];
        System.out.println(switch (what) {
            case "body" -> MESSAGE_BODY;
            case "token" -> TOKEN;
            case "path" -> MESSAGES_PATH;
            default -> throw new IllegalArgumentException("body, token or path: " + what);
        });
    }

    public static BevatelSimulator startSimulator() {
        return BevatelSimulator.builder().accessToken(TOKEN).start();
    }

    /** Creates a contact on the API inbox and its conversation (display id 1) over HTTP, as a user would. */
    public static void openConversation(RawHttp http) throws IOException {
        RawHttp.Response contact = http.postJson("/api/v1/accounts/1/contacts", AUTH,
                "{\"inbox_id\":1,\"name\":\"Load Test\",\"email\":\"load@example.test\"}");
        expectOk(contact, "contact create");
        JsonNode json = MAPPER.readTree(contact.body());
        String sourceId = json.at("/payload/contact_inbox/source_id").asText();
        RawHttp.Response conversation = http.postJson("/api/v1/accounts/1/conversations", AUTH,
                "{\"inbox_id\":1,\"source_id\":\"" + sourceId + "\"}");
        expectOk(conversation, "conversation create");
    }

    public static void expectOk(RawHttp.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.text());
        }
    }
}
