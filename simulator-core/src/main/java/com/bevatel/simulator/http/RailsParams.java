package com.bevatel.simulator.http;

import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;

/**
 * Rails' bracket notation for query strings and form bodies: {@code a=1}, {@code labels[]=x},
 * {@code channel[type]=api}. Values stay strings, as Rails receives them.
 */
final class RailsParams {
    private RailsParams() {
    }

    static void addAll(ObjectNode target, Map<String, Deque<String>> decoded) {
        decoded.forEach((name, values) -> values.forEach(value -> add(target, name, value)));
    }

    static void addForm(ObjectNode target, String body) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            add(target, name, value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static void add(ObjectNode target, String name, String value) {
        int bracket = name.indexOf('[');
        if (bracket <= 0) {
            target.put(name, value);
            return;
        }
        String head = name.substring(0, bracket);
        String rest = name.substring(bracket);
        ObjectNode node = target;
        String key = head;
        while (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                break;
            }
            String inner = rest.substring(1, close);
            rest = rest.substring(close + 1);
            if (inner.isEmpty()) {
                JsonNode existing = node.get(key);
                ArrayNode array = existing instanceof ArrayNode a ? a : node.putArray(key);
                array.add(value);
                return;
            }
            JsonNode existing = node.get(key);
            node = existing instanceof ObjectNode o ? o : node.putObject(key);
            key = inner;
        }
        node.put(key, value);
    }

    static ObjectNode empty() {
        return Json.object();
    }
}
