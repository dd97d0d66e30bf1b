package com.bevatel.simulator.http;

import com.bevatel.simulator.fault.Fault;
import com.bevatel.simulator.fault.FaultRule;
import com.bevatel.simulator.fault.Faults;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * Puts {@link Faults} in front of the API: a request a rule fires for is answered with the rule's
 * status, held first, or dropped. Holding is a timer on the I/O thread, so a delayed request holds
 * no thread. The simulator's own {@code /_simulator/} routes are never affected, so a test can
 * always reach the admin API to lift a fault.
 */
public final class FaultInjectingHandler implements HttpHandler {
    private static final String ADMIN_PREFIX = "/_simulator/";

    private final Faults faults;
    private final HttpHandler next;

    public FaultInjectingHandler(Faults faults, HttpHandler next) {
        this.faults = faults;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        FaultRule rule = path.startsWith(ADMIN_PREFIX) ? null
                : faults.decide(exchange.getRequestMethod().toString(), path);
        if (rule == null) {
            next.handleRequest(exchange);
            return;
        }
        long delayMillis = rule.fault().delay().toMillis();
        if (delayMillis <= 0) {
            apply(exchange, rule);
            return;
        }
        // Keeps the exchange open past this call; the I/O thread's timer carries on with it later.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                () -> apply(exchange, rule), delayMillis, TimeUnit.MILLISECONDS));
    }

    private void apply(HttpServerExchange exchange, FaultRule rule) {
        Fault fault = rule.fault();
        switch (fault.kind()) {
            case RESPOND -> respond(exchange, rule);
            case DROP -> IoUtils.safeClose(exchange.getConnection());
            // A delay fault always has a delay, so this runs from the timer: outside any handler call.
            case DELAY -> Connectors.executeRootHandler(next, exchange);
        }
    }

    private static void respond(HttpServerExchange exchange, FaultRule rule) {
        Fault fault = rule.fault();
        exchange.setStatusCode(fault.status());
        if (fault.retryAfter() != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(fault.retryAfter().toSeconds()));
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        String body = fault.body();
        if (body == null) {
            ObjectNode error = Json.object();
            error.put("error", StatusCodes.getReason(fault.status()));
            error.put("injected_fault", rule.id());
            body = Json.string(error);
        }
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
