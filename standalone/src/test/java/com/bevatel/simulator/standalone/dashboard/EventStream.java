package com.bevatel.simulator.standalone.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent events client for tests: reads the stream in the background, hands out whole events. */
final class EventStream implements AutoCloseable {
    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final List<Event> seen = new ArrayList<>();

    EventStream(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            r.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name[0], data.toString()));
                    }
                    name[0] = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            });
        });
    }

    int status() throws Exception {
        return response.get(20, TimeUnit.SECONDS).statusCode();
    }

    String contentType() throws Exception {
        return response.get(20, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
    }

    /** The next event named {@code name}, skipping others (kept in {@link #seen()}); fails after {@code timeout}. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + name + "' event within " + timeout + "; seen: " + seen);
            }
            seen.add(event);
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /**
     * The next event of each of {@code names}, whichever order they come in (others skipped, kept in
     * {@link #seen()}); fails after {@code timeout}.
     */
    Map<String, Event> nextOfEach(Duration timeout, String... names) throws InterruptedException {
        Map<String, Event> found = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < names.length) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("not all of " + List.of(names) + " within " + timeout + "; seen: " + seen);
            }
            seen.add(event);
            if (List.of(names).contains(event.name())) {
                found.putIfAbsent(event.name(), event);
            }
        }
        return found;
    }

    List<Event> seen() {
        return seen;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
