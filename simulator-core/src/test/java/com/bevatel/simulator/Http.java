package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small HTTP client for tests: real requests against a started simulator, as users make them. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String token;

    public Http(BevatelSimulator sim) {
        this(sim.baseUrl(), sim.accessToken());
    }

    public Http(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same client with another token (null: no header at all). */
    public Http withToken(String other) {
        return new Http(base, other);
    }

    /** An account-scoped path: {@code account("/contacts")} → /api/v1/accounts/1/contacts. */
    public static String account(String path) {
        return "/api/v1/accounts/1" + path;
    }

    public Result get(String path) {
        return send("GET", path, null, null);
    }

    public Result post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Result patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Result put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Result delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Result send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("api_access_token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The guide's first two steps as this client: a contact named {@code name} in the seeded API inbox,
     * then a conversation on its {@code source_id}. Returns the conversation's display id.
     */
    public long openConversation(String name) {
        String sourceId = ok(post(account("/contacts"), "{\"inbox_id\":1,\"name\":\"" + name + "\"}"))
                .at("/payload/contact_inbox/source_id").asText();
        return ok(post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}")).get("id").asLong();
    }

    /** The JSON of a response that must be a 200 (the one helper every test class shares). */
    public static JsonNode ok(Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    /** A response: status, raw body and (lazily) its JSON. */
    public record Result(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
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
