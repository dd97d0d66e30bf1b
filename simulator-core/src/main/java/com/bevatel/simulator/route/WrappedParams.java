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
 * Rails' {@code params.require(key)} behind ParamsWrapper (config/initializers/wrap_parameters.rb):
 * the {@code key} object, or — for a JSON body without that key — the body's keys that are
 * attributes of the controller's model, wrapped under it. Nothing to wrap, or an empty or non-object
 * {@code key}, is Rails' 422 {@code param is missing or the value is empty: key}.
 */
final class WrappedParams {
    private WrappedParams() {
    }

    /**
     * @param modelAttributes the model's attributes, without {@code id} and {@code account_id}: here
     *                        they also arrive as path parameters, which Rails never wraps
     */
    static Params require(Request request, String key, List<String> modelAttributes) {
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
            for (String attribute : modelAttributes) {
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
