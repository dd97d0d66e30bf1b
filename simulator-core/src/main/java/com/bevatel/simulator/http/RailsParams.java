package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;

/**
 * One request's parameters in Rails' bracket notation — {@code a=1}, {@code labels[]=x},
 * {@code channel[type]=api} — from its query string, form body and multipart fields, with the limits
 * every source shares: nesting {@link Json#MAX_DEPTH} deep (the parameters object is level 1, each
 * bracket one more, as Jackson counts a JSON body) and {@link #MAX_PARAMETERS} parameters in all
 * (name=value pairs, multipart parts, and a JSON body's leaves). Both are checked as names are read,
 * so an attack is refused after {@code MAX_DEPTH} brackets or {@code MAX_PARAMETERS} pairs, not after
 * parsing all of it; each name is read once, left to right (no copy of the rest per bracket, which
 * made a 900 KB {@code a[a][a]…} name cost seconds). Values stay strings, as Rails receives them.
 */
final class RailsParams {
    /**
     * Parameters per request, all sources together. Rack 2.2 (Chatwoot's) has no count limit, only a
     * 64 KiB key space; Rack 3.1 refuses more than 4,096 parameters. 1,000 was already Undertow's
     * limit for the query string here, and is now the one limit for every source.
     */
    static final int MAX_PARAMETERS = 1000;
    /** How much of an offending name an error message repeats. */
    private static final int NAME_IN_MESSAGE = 80;

    private final ObjectNode target;
    private int count;

    RailsParams(ObjectNode target) {
        this.target = target;
    }

    ObjectNode values() {
        return target;
    }

    /** How many more parameters the request may carry (a JSON body's budget). */
    int remaining() {
        return MAX_PARAMETERS - count;
    }

    /** Counts one parameter, refusing the request past {@link #MAX_PARAMETERS}. */
    void count() {
        if (++count > MAX_PARAMETERS) {
            throw tooMany();
        }
    }

    static ApiException tooMany() {
        return Errors.badRequest("more than " + MAX_PARAMETERS
                + " parameters (query string, form fields, multipart parts and JSON values together)");
    }

    /**
     * The query string as Undertow decoded it, with the route's path parameters ({@code account_id} …),
     * which Undertow's routing adds to it: those are the route's, not the client's, and are not counted.
     */
    void addAll(Map<String, Deque<String>> decoded, int pathParameters) {
        count -= pathParameters;
        for (Map.Entry<String, Deque<String>> entry : decoded.entrySet()) {
            for (String value : entry.getValue()) {
                add(entry.getKey(), value);
            }
        }
        count = Math.max(count, 0);
    }

    /** An {@code application/x-www-form-urlencoded} body, pair by pair. */
    void addForm(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = 0;
        while (at <= text.length()) {
            int end = text.indexOf('&', at);
            if (end < 0) {
                end = text.length();
            }
            if (end > at) {
                int eq = text.indexOf('=', at);
                boolean hasValue = eq >= 0 && eq < end;
                add(decode(text.substring(at, hasValue ? eq : end)), hasValue ? decode(text.substring(eq + 1, end)) : "");
            }
            at = end + 1;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * One parameter: {@code name} in bracket notation. As Rails: {@code a[]} appends to an array (and
     * ignores what follows it), {@code a[b]} descends into an object (replacing a string there), and
     * reading stops at the first character after a {@code ]} that is not {@code [}.
     */
    void add(String name, String value) {
        count();
        int bracket = name.indexOf('[');
        if (bracket <= 0) {
            target.put(name, value);
            return;
        }
        ObjectNode node = target;
        String key = name.substring(0, bracket);
        int depth = 1;
        int at = bracket;
        while (at < name.length() && name.charAt(at) == '[') {
            int close = name.indexOf(']', at + 1);
            if (close < 0) {
                break;
            }
            if (++depth > Json.MAX_DEPTH) {
                throw tooDeep(name, depth);
            }
            String inner = name.substring(at + 1, close);
            at = close + 1;
            JsonNode existing = node.get(key);
            if (inner.isEmpty()) {
                ArrayNode array = existing instanceof ArrayNode a ? a : node.putArray(key);
                array.add(value);
                return;
            }
            node = existing instanceof ObjectNode o ? o : node.putObject(key);
            key = inner;
        }
        node.put(key, value);
    }

    private static ApiException tooDeep(String name, int depth) {
        String shown = name.length() <= NAME_IN_MESSAGE ? name : name.substring(0, NAME_IN_MESSAGE) + "…";
        return Errors.badRequest("parameter nesting depth (" + depth + ") exceeds the maximum allowed (" + Json.MAX_DEPTH
                + "): " + shown);
    }
}
