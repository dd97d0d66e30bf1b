package com.bevatel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that reach the server before the simulator is assembled: held without a thread, then
 * answered by the bound handler with their bodies intact, or 503 JSON when the start fails or
 * outlasts the hold limit. A real Undertow server, as the simulator runs it.
 */
class LateBoundHandlerTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** More than the shared worker's I/O threads (at most 4): all held at once means none of them is blocked. */
    private static final int HELD_GETS = 8;

    private HttpServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private URI start(LateBoundHandler root) {
        server = new HttpServer("127.0.0.1", 0, root, 50L * 1024 * 1024, READ_TIMEOUT);
        server.start();
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Echoes the method and what the body was: its length, its start and its end. */
    private static final HttpHandler ECHO = exchange -> exchange.getRequestReceiver().receiveFullString((ex, body) -> {
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseSender().send(Json.string(Json.object().put("method", ex.getRequestMethod().toString())
                .put("length", body.length()).put("start", body.substring(0, Math.min(20, body.length())))
                .put("end", body.substring(Math.max(0, body.length() - 20)))));
    }, StandardCharsets.UTF_8);

    @Test
    void requestsArrivingBeforeTheBindAreHeldAndAnsweredByTheBoundHandlerBodiesIncluded() throws Exception {
        LateBoundHandler root = new LateBoundHandler(READ_TIMEOUT);
        URI base = start(root);
        String small = "{\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}";
        // Past HttpServer.BUFFERED_BODY_BYTES: not read before the hold, so read by the bound handler after it.
        String large = "{\"content\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        answers.add(send(base, "POST", BodyPublishers.ofString(small)));
        answers.add(send(base, "POST", BodyPublishers.ofString(large)));
        // No length: chunked, which the server never buffers.
        answers.add(send(base, "PUT", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)))));
        for (int i = 0; i < HELD_GETS; i++) {
            answers.add(send(base, "GET", BodyPublishers.noBody()));
        }
        awaitAtLeast(root::waiting, answers.size());
        assertThat(answers).as("nothing answered before the bind").noneMatch(CompletableFuture::isDone);

        root.bind(ECHO);

        assertThat(json(answers.get(0))).isEqualTo(Json.parse("{\"method\":\"POST\",\"length\":" + small.length()
                + ",\"start\":\"{\\\"name\\\":\\\"Alice\\\",\\\"pho\",\"end\":\"ber\\\":\\\"+15550001111\\\"}\"}", true));
        JsonNode largeEcho = json(answers.get(1));
        assertThat(largeEcho.get("length").asInt()).isEqualTo(large.length());
        assertThat(largeEcho.get("start").asText()).isEqualTo(large.substring(0, 20));
        assertThat(largeEcho.get("end").asText()).isEqualTo("x".repeat(18) + "\"}");
        assertThat(json(answers.get(2)).get("method").asText()).isEqualTo("PUT");
        assertThat(json(answers.get(2)).get("length").asInt()).isEqualTo(small.length());
        for (CompletableFuture<HttpResponse<String>> get : answers.subList(3, answers.size())) {
            assertThat(json(get).get("method").asText()).isEqualTo("GET");
        }
        assertThat(root.waiting()).isZero();
        assertThat(json(send(base, "POST", BodyPublishers.ofString(small))).get("length").asInt())
                .as("after the bind: served at once").isEqualTo(small.length());
    }

    @Test
    void aFailedStartAnswersHeldAndLaterRequests503() throws Exception {
        LateBoundHandler root = new LateBoundHandler(READ_TIMEOUT);
        URI base = start(root);
        CompletableFuture<HttpResponse<String>> get = send(base, "GET", BodyPublishers.noBody());
        CompletableFuture<HttpResponse<String>> post = send(base, "POST", BodyPublishers.ofString("{\"name\":\"Alice\"}"));
        awaitAtLeast(root::waiting, 2);

        root.fail(new IllegalArgumentException("conversations[3]: contact 9 does not exist"));

        String expected = "{\"status\":503,\"error\":\"Service Unavailable\","
                + "\"message\":\"the simulator failed to start: conversations[3]: contact 9 does not exist\"}";
        for (CompletableFuture<HttpResponse<String>> held : List.of(get, post)) {
            HttpResponse<String> answer = held.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(answer.body()).isEqualTo(expected);
        }
        HttpResponse<String> later = send(base, "GET", BodyPublishers.noBody()).get(30, TimeUnit.SECONDS);
        assertThat(later.statusCode()).isEqualTo(503);
        assertThat(later.body()).isEqualTo(expected);
    }

    @Test
    void aStartThatOutlastsTheHoldLimitIsAnswered503BeforeTheReadTimeoutClosesTheConnection() throws Exception {
        // The hold limit is 9/10 of the read timeout when that is shorter than HOLD_LIMIT: 900 ms here.
        LateBoundHandler root = new LateBoundHandler(Duration.ofSeconds(1));
        server = new HttpServer("127.0.0.1", 0, root, 1024 * 1024, Duration.ofSeconds(1));
        server.start();
        HttpResponse<String> answer = send(URI.create("http://127.0.0.1:" + server.port()), "POST",
                BodyPublishers.ofString("{\"name\":\"Alice\"}")).get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(Json.parse(answer.body(), true).get("message").asText())
                .isEqualTo("the simulator is still starting after 900 ms; try again");
        assertThat(root.waiting()).isZero();
    }

    private static CompletableFuture<HttpResponse<String>> send(URI base, String method, BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/profile")).method(method, body)
                .header("Content-Type", "application/json").build();
        return CLIENT.sendAsync(request, BodyHandlers.ofString());
    }

    private static JsonNode json(CompletableFuture<HttpResponse<String>> answer) throws Exception {
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body(), true);
    }

    private static void awaitAtLeast(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < expected) {
            assertThat(System.nanoTime()).as("%s requests held within 30 s (%s so far)", expected, count.getAsInt())
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
