package com.bevatel.simulator.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's own server), standing in for an integrator's
 * service: it records every request per path and answers with a configurable status, or holds
 * the answer until the test releases it.
 */
final class TestReceiver implements AutoCloseable {
    /** One request as it arrived. */
    record Received(String path, com.sun.net.httpserver.Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, ArrayDeque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, Map.Entry<Integer, String>> redirects = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile String responseBody = "";

    TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next requests to {@code path} get these statuses in turn; the last one stays. */
    TestReceiver respondWith(String path, int... statuses) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int status : statuses) {
            queue.add(status);
        }
        this.statuses.put(path, queue);
        return this;
    }

    private int status(String path) {
        ArrayDeque<Integer> queue = statuses.get(path);
        if (queue == null) {
            return 200;
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        }
    }

    /** Requests to {@code path} are answered {@code status} with {@code Location: location}. */
    TestReceiver redirect(String path, int status, String location) {
        redirects.put(path, Map.entry(status, location));
        return this;
    }

    TestReceiver responseBody(String body) {
        this.responseBody = body;
        return this;
    }

    /** Requests to {@code path} wait for the returned latch before they are answered. */
    CountDownLatch hold(String path) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(path, latch);
        arrived = new CountDownLatch(1);
        return latch;
    }

    /** Counts down when the next request arrives (after {@link #hold}). */
    CountDownLatch arrived() {
        return arrived;
    }

    /** Requests answered so far (all paths). */
    int answered() {
        return answered.get();
    }

    List<Received> received(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    List<String> events(String path) {
        return received(path).stream().map(r -> Json.event(r.body())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (received) {
            received.add(new Received(path, exchange.getRequestHeaders(), body));
        }
        arrived.countDown();
        CountDownLatch hold = holds.get(path);
        if (hold != null) {
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
        Map.Entry<Integer, String> redirect = redirects.get(path);
        if (redirect != null) {
            exchange.getResponseHeaders().add("Location", redirect.getValue());
        }
        int status = redirect != null ? redirect.getKey() : status(path);
        if (status == 204 || status == 304) {
            answer = new byte[0]; // HTTP gives these no body (the JDK server would drop it with a warning)
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
        answered.incrementAndGet();
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }

    /** Tiny JSON helpers for the tests. */
    static final class Json {
        private Json() {
        }

        static com.fasterxml.jackson.databind.JsonNode parse(String body) {
            try {
                return com.bevatel.simulator.json.Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        static String event(String body) {
            return parse(body).path("event").asText();
        }
    }
}
