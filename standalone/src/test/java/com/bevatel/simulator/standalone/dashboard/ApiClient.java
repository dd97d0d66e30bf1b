package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.BevatelSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP against a started simulator, as a user's test makes it: the Application API with the token. */
final class ApiClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BevatelSimulator sim;

    ApiClient(BevatelSimulator sim) {
        this.sim = sim;
    }

    Result get(String path) {
        return send(HttpRequest.newBuilder(sim.baseUrl().resolve(path)).GET());
    }

    Result post(String path, String json) {
        return send(HttpRequest.newBuilder(sim.baseUrl().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A contact in the API inbox and a conversation for it; answers the conversation's display id. */
    long conversation(String name, String phone) {
        Result contact = post("/api/v1/accounts/1/contacts",
                "{\"inbox_id\":1,\"name\":\"" + name + "\",\"phone_number\":\"" + phone + "\"}");
        String sourceId = contact.json().at("/payload/contact_inbox/source_id").asText();
        Result conversation = post("/api/v1/accounts/1/conversations",
                "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
        if (conversation.status() != 200) {
            throw new AssertionError("conversation create failed: " + conversation);
        }
        return conversation.json().get("id").asLong();
    }

    /** An incoming message from the contact, as an integration posts it. */
    void incoming(long conversation, String content) {
        Result message = post("/api/v1/accounts/1/conversations/" + conversation + "/messages",
                "{\"content\":\"" + content + "\",\"message_type\":\"incoming\"}");
        if (message.status() != 200) {
            throw new AssertionError("message create failed: " + message);
        }
    }

    private Result send(HttpRequest.Builder request) {
        request.header("api_access_token", sim.accessToken());
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
