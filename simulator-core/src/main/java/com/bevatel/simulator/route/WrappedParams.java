package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code params.require(root)} after Rails' ParamsWrapper (config/initializers/wrap_parameters.rb wraps
 * JSON bodies): the body's {@code root} object when it has one; else, for a JSON body, its keys
 * wrapped under {@code root} — the model's attributes only, or every key when the controller has no
 * model of its name ({@code AgentsController}, {@code ProfilesController}). Path and query parameters
 * are never wrapped. Nothing to wrap, or an empty root: 422 {@code param is missing or the value is empty}.
 */
final class WrappedParams {
    private WrappedParams() {
    }

    /**
     * @param attributes the model's attributes, or null for every key of the body
     */
    static Params require(Request request, String root, List<String> attributes) {
        Params p = request.params();
        if (p.has(root)) {
            JsonNode node = p.node(root);
            if (node.isObject() && !node.isEmpty()) {
                return p.nested(root);
            }
            throw Errors.paramMissing(root);
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json")) {
            Set<String> notWrapped = queryKeys(request);
            ObjectNode wrapped = Json.object();
            p.raw().properties().forEach(entry -> {
                String key = entry.getKey();
                if ((attributes == null ? request.pathParam(key) == null && !notWrapped.contains(key) : attributes.contains(key))) {
                    wrapped.set(key, entry.getValue());
                }
            });
            if (!wrapped.isEmpty()) {
                return new Params(wrapped);
            }
        }
        throw Errors.paramMissing(root);
    }

    /** The top-level names of the query string's parameters ({@code a[b]=1} is {@code a}). */
    private static Set<String> queryKeys(Request request) {
        Set<String> keys = new HashSet<>();
        String query = request.exchange().getQueryString();
        if (query == null || query.isEmpty()) {
            return keys;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            int bracket = name.indexOf('[');
            try {
                keys.add(URLDecoder.decode(bracket < 0 ? name : name.substring(0, bracket), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                keys.add(name);
            }
        }
        return keys;
    }
}
