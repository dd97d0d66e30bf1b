package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * {@code params.require(key)} after Rails' ParamsWrapper (config/initializers/wrap_parameters.rb): the
 * object under {@code key}, or — for a JSON body without one — the body's keys that are the model's
 * attributes, wrapped under {@code key}. Nothing there: 422 "param is missing or the value is empty".
 */
final class WrappedParams {
    private WrappedParams() {
    }

    /**
     * @param attributes the model's attribute names ({@code id} and {@code account_id} left out: here they
     *                   also arrive as path parameters, which Rails never wraps)
     */
    static Params require(Request request, String key, List<String> attributes) {
        Params p = request.params();
        if (p.has(key)) {
            JsonNode node = p.node(key);
            if (node.isObject() && !node.isEmpty()) {
                return p.nested(key);
            }
            throw Errors.paramMissing(key);
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json")) {
            ObjectNode wrapped = Json.object();
            for (String attribute : attributes) {
                if (p.has(attribute)) {
                    wrapped.set(attribute, p.node(attribute));
                }
            }
            if (!wrapped.isEmpty()) {
                return new Params(wrapped);
            }
        }
        throw Errors.paramMissing(key);
    }
}
