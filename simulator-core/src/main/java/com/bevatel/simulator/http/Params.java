package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Request parameters as Rails sees them: query string, then body (JSON or form), merged into one
 * object. Typed getters coerce the way Rails casts ("5" is an integer, 5 is a string when a string
 * is wanted) and answer 422 naming the parameter when a value cannot be used — never a 500.
 */
public final class Params {
    private static final Set<String> FALSE_VALUES = Set.of("false", "f", "0", "off", "no", "n");

    private final ObjectNode values;
    private final String prefix;

    public Params(ObjectNode values) {
        this(values, "");
    }

    private Params(ObjectNode values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    public static Params empty() {
        return new Params(Json.object());
    }

    public ObjectNode raw() {
        return values;
    }

    /** True when the key is present, even with a null value. */
    public boolean has(String key) {
        return values.has(key);
    }

    /** True when the key is present with a non-null value. */
    public boolean present(String key) {
        JsonNode node = values.get(key);
        return node != null && !node.isNull();
    }

    public String string(String key) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw wrongType(key, "a string");
    }

    /** An integer parameter (a JSON number or a numeric string), or null when absent/blank. */
    public Long integer(String key) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw wrongType(key, "an integer");
            }
        }
        throw wrongType(key, "an integer");
    }

    /**
     * An id parameter as {@code Model.find(params[:key])} takes it: a JSON integer or a string of digits.
     * Anything else (absent, null, an object, "abc") names no record: empty, for the caller's 404.
     */
    public Optional<Long> recordId(String key) {
        JsonNode node = values.get(key);
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.longValue());
        }
        if (node != null && node.isTextual()) {
            try {
                return Optional.of(Long.parseLong(node.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A boolean cast like ActiveModel: false, "false", "0", "f", "off" are false; other scalars true. */
    public Boolean bool(String key) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        if (node.isTextual()) {
            String text = node.asText().trim().toLowerCase(Locale.ROOT);
            return text.isEmpty() ? null : !FALSE_VALUES.contains(text);
        }
        throw wrongType(key, "true or false");
    }

    /** A JSON object parameter, or null when absent. */
    public ObjectNode object(String key) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return (ObjectNode) node;
        }
        throw wrongType(key, "an object");
    }

    /** Like {@link #object} but also accepts a string holding JSON; an unparsable string gives {}. */
    public ObjectNode objectOrJsonString(String key) {
        JsonNode node = values.get(key);
        if (node != null && node.isTextual()) {
            try {
                JsonNode parsed = Json.parse(node.asText(), false);
                return parsed != null && parsed.isObject() ? (ObjectNode) parsed : Json.object();
            } catch (IOException e) {
                return Json.object();
            }
        }
        return object(key);
    }

    /** Nested parameters ({"channel": {...}}), empty when absent. */
    public Params nested(String key) {
        ObjectNode node = object(key);
        return new Params(node == null ? Json.object() : node, prefix + key + ".");
    }

    /** A list of strings (a JSON array of scalars, or Rails' {@code key[]=a&key[]=b}), or null when absent. */
    public List<String> strings(String key) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(key, "an array");
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode item : (ArrayNode) node) {
            if (!item.isValueNode() || item.isNull()) {
                throw wrongType(key, "an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    public JsonNode node(String key) {
        return values.get(key);
    }

    private RuntimeException wrongType(String key, String expected) {
        return Errors.error(422, "Invalid parameter " + prefix + key + ": expected " + expected);
    }
}
