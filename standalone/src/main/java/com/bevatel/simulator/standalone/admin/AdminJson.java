package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.ResponseBodies;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.IoUtils;

/** Small helpers the admin routes share: JSON answers from raw handlers, and turning Java's refusals into 422. */
final class AdminJson {
    private static final Logger LOG = Logger.getLogger(AdminJson.class.getName());

    private AdminJson() {
    }

    /**
     * Runs a raw handler's work on a worker thread (where it may block) and answers whatever it ends
     * in. Undertow leaves a dispatched task's exception unanswered — the exchange stays open and the
     * client waits for ever — so a failure is answered here, in the shape the JSON routes use for a
     * simulator bug (500 naming the exception); if even that cannot be sent, the connection is closed.
     */
    static void onWorker(HttpServerExchange exchange, HttpHandler work) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> onWorker(exchange, work));
            return;
        }
        try {
            work.handleRequest(exchange);
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "unexpected error on " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            try {
                if (exchange.isResponseStarted()) {
                    IoUtils.safeClose(exchange.getConnection());
                    return;
                }
                ObjectNode body = Json.object();
                body.put("status", 500);
                body.put("error", "Internal Server Error");
                body.put("exception", e.getClass().getName() + ": " + e.getMessage());
                exchange.setPersistent(false);
                send(exchange, 500, body);
            } catch (RuntimeException | Error answering) {
                IoUtils.safeClose(exchange.getConnection());
            }
        }
    }

    static void send(HttpServerExchange exchange, int status, JsonNode body) {
        byte[] bytes = Json.bytes(body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.setResponseContentLength(bytes.length);
        ResponseBodies.send(exchange, bytes);
    }

    static ObjectNode error(String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return body;
    }

    /** Runs a call into the simulator's Java API; its IllegalArgumentException is the client's mistake: 422. */
    static <T> T unprocessable(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Errors.error(422, e.getMessage());
        }
    }

    static Duration millis(Long value, String name) {
        if (value == null) {
            return null;
        }
        if (value < 0) {
            throw Errors.error(422, name + " must not be negative");
        }
        return Duration.ofMillis(value);
    }
}
