package com.bevatel.simulator.readme;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The README's "Embedding it without JUnit" example: the README shows this file as it is. */
public class EmbeddingExample {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        try (BevatelSimulator sim = BevatelSimulator.builder()
                .port(0)                                            // default: a free port on 127.0.0.1
                .seed(42)                                           // drives every uuid and token
                .startTime(Instant.parse("2026-01-01T00:00:00Z"))   // start of the simulated clock
                .accessToken("test-token")                          // default: derived from the seed
                .apiInboxWebhookSink("hooks")        // or .apiInboxWebhookUrl(URI.create("http://127.0.0.1:8081/hooks"))
                .agent("Sam Agent", "sam@acme.test", "sam-token")   // more members, teams, bots: see the builder
                .start()) {
            URI base = sim.baseUrl();               // http://127.0.0.1:<port>
            String token = sim.accessToken();       // "test-token"
            long account = sim.accountId();         // 1
            long inbox = sim.apiInbox().id();       // 1

            // What your code does, as Bevatel's API-channel guide says: a contact, a conversation, a message.
            String accountUrl = base + "/api/v1/accounts/" + account;
            String contact = post(accountUrl + "/contacts", token, "{\"inbox_id\":" + inbox + ",\"name\":\"Alice\"}");
            String sourceId = contact.replaceAll(".*\"source_id\":\"([^\"]+)\".*", "$1");
            post(accountUrl + "/conversations", token, "{\"inbox_id\":" + inbox + ",\"source_id\":\"" + sourceId + "\"}");
            post(accountUrl + "/conversations/1/messages", token, "{\"content\":\"Hi\",\"message_type\":\"incoming\"}");

            // What a human agent does in the Bevatel dashboard, with the webhooks it causes.
            sim.agent("Sam Agent").reply(1, "Hello from the dashboard, {{contact.name}}");
            Delivery reply = sim.webhooks().await(2, d -> d.event().equals("message_created"), Duration.ofSeconds(5))
                    .get(1);
            System.out.println(reply.event() + " -> " + reply.url() + ": " + reply.requestBody());

            sim.clock().advance(Duration.ofHours(25));   // past Chatwoot's 24-hour reply window
            sim.reset();                                 // back to the start: state, journal, faults, sinks
        }
    }

    private static String post(String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("api_access_token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
