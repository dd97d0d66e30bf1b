package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The built-in receivers under {@link #PREFIX}, created on first use (by name from Java, or by the
 * first request). Requests are answered on the I/O thread; a delayed answer is a timer, so slow
 * sinks hold no thread. What they received is in the {@link WebhookJournal}.
 */
@API(status = INTERNAL)
public final class Sinks implements HttpHandler {
    public static final String PREFIX = "/_simulator/sink/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,100}");
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    /**
     * Sinks are made by the first request to a name, with no credentials (they receive the simulator's
     * own deliveries): a bound keeps a stream of new names from growing the heap without end.
     */
    public static final int MAX_SINKS = 1000;

    private final ConcurrentMap<String, Sink> sinks = new ConcurrentHashMap<>();

    /**
     * The sink called {@code name} (letters, digits, {@code . _ ~ -}; up to 100 characters).
     *
     * @throws IllegalStateException when it would be sink number {@value #MAX_SINKS} + 1
     */
    public Sink sink(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("sink names are 1-100 of A-Z a-z 0-9 . _ ~ -: " + name);
        }
        Sink existing = sinks.get(name);
        if (existing != null) {
            return existing;
        }
        synchronized (sinks) {
            if (sinks.size() >= MAX_SINKS && !sinks.containsKey(name)) {
                throw new IllegalStateException("there are " + MAX_SINKS + " sinks already, the most a simulator keeps");
            }
            return sinks.computeIfAbsent(name, Sink::new);
        }
    }

    /** Every sink created so far, by name. */
    public List<Sink> all() {
        return sinks.values().stream().sorted(Comparator.comparing(Sink::name)).toList();
    }

    /** Every sink back to 200 at once with nothing received; the names stay, so a held {@link Sink} stays live. */
    public void resetAll() {
        sinks.values().forEach(Sink::reset);
    }

    /** Is this request for a sink? */
    public static boolean handles(HttpServerExchange exchange) {
        return exchange.getRequestPath().startsWith(PREFIX);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String name = exchange.getRequestPath().substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            answer(exchange, 404, "{\"status\":404,\"error\":\"Not Found\"}");
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            answer(exchange, 405, "{\"status\":405,\"error\":\"Method Not Allowed\"}");
            return;
        }
        Sink sink;
        try {
            sink = sink(name);
        } catch (IllegalStateException full) {
            answer(exchange, 429, "{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + full.getMessage() + "\"}");
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            sink.count();
            int status = sink.status();
            long delayMillis = sink.delay().toMillis();
            if (delayMillis <= 0) {
                answer(ex, status, "");
                return;
            }
            // Keeps the exchange open past this callback; the I/O thread's timer answers later.
            ex.dispatch(SameThreadExecutor.INSTANCE, () -> ex.getIoThread().executeAfter(
                    () -> answer(ex, status, ""), delayMillis, TimeUnit.MILLISECONDS));
        }, (ex, error) -> answer(ex, 400, "{\"status\":400,\"error\":\"Bad Request\"}"));
    }

    private static void answer(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
