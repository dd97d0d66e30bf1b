package com.bevatel.simulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The error bodies Chatwoot renders (app/controllers/concerns/request_exception_handler.rb), and nothing else: {@code {"error":"…"}},
 * {@code {"errors":["…"]}}, {@code {"message":"…","attributes":["…"]}} and Rails' error page
 * {@code {"status":N,"error":"…"}} (the simulator may add a {@code "message"} saying what was wrong).
 */
final class ErrorShapes {
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private ErrorShapes() {
    }

    /** Null when {@code reply} is a well-formed error response to a {@code method} request; otherwise what is wrong. */
    static String problem(String method, RawHttp.Reply reply) {
        if (!JSON_UTF8.equals(reply.header("content-type"))) {
            return "content type " + reply.header("content-type");
        }
        if (method.equalsIgnoreCase("HEAD")) {
            return reply.body().length == 0 ? null : "a body on a HEAD response";
        }
        JsonNode body = reply.jsonOrNull();
        if (body == null || !body.isObject()) {
            return "not a JSON object: " + reply.text();
        }
        return shape(reply.status(), body);
    }

    static String shape(int status, JsonNode body) {
        Set<String> keys = keys(body);
        boolean ok = switch (keys.size()) {
            case 1 -> (keys.contains("error") && body.get("error").isTextual())
                    || (keys.contains("errors") && strings(body.get("errors")))
                    || (keys.contains("message") && body.get("message").isTextual());
            case 2 -> (keys.equals(Set.of("message", "attributes")) && body.get("message").isTextual()
                            && strings(body.get("attributes")))
                    || (keys.equals(Set.of("status", "error")) && railsPage(status, body));
            case 3 -> keys.equals(Set.of("status", "error", "message")) && railsPage(status, body)
                    && body.get("message").isTextual();
            default -> false;
        };
        return ok ? null : "undocumented error shape: " + body;
    }

    private static boolean railsPage(int status, JsonNode body) {
        return body.get("status").isInt() && body.get("status").intValue() == status && body.get("error").isTextual();
    }

    private static boolean strings(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> keys(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }
}
