package com.bevatel.simulator.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What JSON Schema cannot say about a body, checked against the same schemas:
 * <ul>
 *   <li><b>key order</b>: an object's keys must come in the order its schema's {@code properties}
 *       list them (Chatwoot's views write keys in a fixed order, and clients that compare raw bodies
 *       depend on it). Keys a schema brings in through {@code $ref} come before its own
 *       {@code properties}; absent optional keys are simply skipped;</li>
 *   <li><b>number literals</b>: JSON Schema's data model makes 5 and 5.0 the same integer, but the
 *       wire does not: wherever a schema says {@code "type": "integer"} the number must be written
 *       without a decimal point, and where it says {@code "x-literal": "decimal"} (Ruby floats) with
 *       one, and at most six fractional digits.</li>
 * </ul>
 * It walks the body with every subschema that applies at each place: the schema itself, what its
 * {@code $ref} and {@code allOf} point to, and of a {@code oneOf}/{@code anyOf} the first branch
 * the body validates against (where none does, the validator has already said so).
 */
final class WireForm {
    private static final int MAX_DEPTH = 64;

    private final SchemaFiles files;

    WireForm(SchemaFiles files) {
        this.files = files;
    }

    /** A subschema: the file it is in and its JSON pointer there. */
    private record At(String file, String pointer) {
        At child(String... segments) {
            StringBuilder p = new StringBuilder(pointer);
            for (String segment : segments) {
                p.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return new At(file, p.toString());
        }
    }

    /** Problems found in {@code body} against {@code file}: pairs of (JSON pointer, message). */
    List<Map.Entry<String, String>> check(String file, JsonNode body) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        walk(body, List.of(new At(file, "")), "", problems, 0);
        return problems;
    }

    private void walk(JsonNode node, List<At> schemas, String path, List<Map.Entry<String, String>> problems, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<At> applicable = new ArrayList<>();
        for (At at : schemas) {
            expand(at, node, applicable, 0);
        }
        if (node.isNumber()) {
            checkLiteral(node, applicable, path, problems);
        } else if (node.isObject()) {
            checkOrder(node, applicable, path, problems);
            for (String key : node.propertyNames()) {
                List<At> children = new ArrayList<>();
                for (At at : applicable) {
                    JsonNode schema = files.node(at.file(), at.pointer());
                    JsonNode properties = schema.get("properties");
                    if (properties != null && properties.has(key)) {
                        children.add(at.child("properties", key));
                    } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                        children.add(at.child("additionalProperties"));
                    }
                }
                walk(node.get(key), children, path + "/" + key.replace("~", "~0").replace("/", "~1"), problems, depth + 1);
            }
        } else if (node.isArray()) {
            List<At> items = new ArrayList<>();
            for (At at : applicable) {
                JsonNode schema = files.node(at.file(), at.pointer());
                if (schema.has("items") && schema.get("items").isObject()) {
                    items.add(at.child("items"));
                }
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), items, path + "/" + i, problems, depth + 1);
            }
        }
    }

    /** The subschema and everything it applies in place ($ref, allOf, the matching oneOf/anyOf branch). */
    private void expand(At at, JsonNode node, List<At> out, int depth) {
        JsonNode schema = files.node(at.file(), at.pointer());
        if (!schema.isObject() || depth > MAX_DEPTH || out.contains(at)) {
            return;
        }
        if (schema.has("$ref")) {
            expand(resolve(at, schema.get("$ref").asString()), node, out, depth + 1);
        }
        out.add(at);
        if (schema.has("allOf")) {
            for (int i = 0; i < schema.get("allOf").size(); i++) {
                expand(at.child("allOf", String.valueOf(i)), node, out, depth + 1);
            }
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.get(keyword);
            if (branches == null) {
                continue;
            }
            for (int i = 0; i < branches.size(); i++) {
                At branch = at.child(keyword, String.valueOf(i));
                if (files.validator(branch.file(), branch.pointer()).validate(node).isEmpty()) {
                    expand(branch, node, out, depth + 1);
                    break;
                }
            }
        }
    }

    /** {@code "other.json"}, {@code "other.json#/$defs/x"} or {@code "#/$defs/x"}, relative to {@code from}'s file. */
    private static At resolve(At from, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        return new At(file.isEmpty() ? from.file() : file, pointer);
    }

    private void checkOrder(JsonNode node, List<At> applicable, String path, List<Map.Entry<String, String>> problems) {
        Set<String> order = new LinkedHashSet<>();
        for (At at : applicable) {
            JsonNode properties = files.node(at.file(), at.pointer()).get("properties");
            if (properties != null) {
                order.addAll(properties.propertyNames());
            }
        }
        List<String> expected = new ArrayList<>(order);
        List<String> keys = node.propertyNames().stream().filter(order::contains).toList();
        int last = -1;
        for (String key : keys) {
            int index = expected.indexOf(key);
            if (index < last) {
                List<String> sorted = keys.stream().sorted((a, b) -> expected.indexOf(a) - expected.indexOf(b)).toList();
                problems.add(Map.entry(path, "keys out of order: " + keys + ", the contract's order is " + sorted));
                return;
            }
            last = index;
        }
    }

    private void checkLiteral(JsonNode node, List<At> applicable, String path, List<Map.Entry<String, String>> problems) {
        boolean integerOnly = false;
        boolean decimal = false;
        for (At at : applicable) {
            JsonNode schema = files.node(at.file(), at.pointer());
            JsonNode type = schema.get("type");
            if (type != null) {
                Set<String> types = new LinkedHashSet<>();
                if (type.isArray()) {
                    type.values().forEach(t -> types.add(t.asString()));
                } else {
                    types.add(type.asString());
                }
                integerOnly |= types.contains("integer") && !types.contains("number");
            }
            decimal |= schema.has("x-literal") && "decimal".equals(schema.get("x-literal").asString());
        }
        if (integerOnly && !node.isIntegralNumber()) {
            problems.add(Map.entry(path, "integer written as a decimal: " + node));
        }
        if (decimal) {
            BigDecimal value = node.isFloatingPointNumber() ? node.decimalValue() : null;
            if (value == null || value.scale() < 1 || value.scale() > 6) {
                problems.add(Map.entry(path, "expected a float with 1 to 6 fractional digits (Ruby Time#to_f), got " + node));
            }
        }
    }
}
