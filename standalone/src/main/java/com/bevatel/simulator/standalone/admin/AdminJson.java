package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.ResponseBodies;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.function.Supplier;

/** Small helpers the admin routes share: JSON answers from raw handlers, and turning Java's refusals into 422. */
final class AdminJson {
    private AdminJson() {
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
