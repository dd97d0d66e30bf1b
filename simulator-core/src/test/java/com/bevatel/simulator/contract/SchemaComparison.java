package com.bevatel.simulator.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where a response schema of Chatwoot's OpenAPI disagrees with the contract's schema for the same
 * response: keys only one side lists, and types that cannot both hold (an OpenAPI "number" for our
 * "integer" is not a disagreement, the other way round is). Nullability is not compared: the spec
 * rarely states it.
 */
final class SchemaComparison {
    private static final int MAX_DEPTH = 12;

    private final JsonNode openApi;
    private final SchemaFiles ours;

    SchemaComparison(JsonNode openApi, SchemaFiles ours) {
        this.openApi = openApi;
        this.ours = ours;
    }

    /** A schema reduced to what is compared: its non-null types, its properties, its items. */
    private record Shape(Set<String> types, Map<String, Object> properties, Object items, String union) {
    }

    /** A node of our schemas with the file it is in (for relative $refs). */
    private record Ours(String file, JsonNode node) {
    }

    List<String> compare(JsonNode theirs, String ourFile) {
        List<String> differences = new ArrayList<>();
        compare(theirs, new Ours(ourFile, ours.document(ourFile)), "", differences, 0);
        return differences;
    }

    private void compare(JsonNode theirs, Ours mine, String path, List<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Shape a = theirShape(theirs);
        Shape b = ourShape(mine);
        String where = path.isEmpty() ? "(root)" : path;
        if (b.union() != null) {
            return;
        }
        if (!a.types().isEmpty() && !b.types().isEmpty() && !compatible(a.types(), b.types())) {
            out.add(where + ": type — OpenAPI " + a.types() + ", ours " + b.types());
            return;
        }
        if (!a.properties().isEmpty() && !b.properties().isEmpty()) {
            for (String key : a.properties().keySet()) {
                if (!b.properties().containsKey(key)) {
                    out.add(path + "/" + key + ": in OpenAPI, not in the contract");
                }
            }
            for (String key : b.properties().keySet()) {
                if (!a.properties().containsKey(key)) {
                    out.add(path + "/" + key + ": in the contract, not in OpenAPI");
                }
            }
            for (Map.Entry<String, Object> entry : a.properties().entrySet()) {
                Object mineChild = b.properties().get(entry.getKey());
                if (mineChild != null) {
                    compare((JsonNode) entry.getValue(), (Ours) mineChild, path + "/" + entry.getKey(), out, depth + 1);
                }
            }
        }
        if (a.items() != null && b.items() != null) {
            compare((JsonNode) a.items(), (Ours) b.items(), path + "/[]", out, depth + 1);
        }
    }

    /** Theirs is compatible when some value could satisfy both; "number" covers "integer". */
    private static boolean compatible(Set<String> theirs, Set<String> mine) {
        for (String type : mine) {
            if (theirs.contains(type) || (type.equals("integer") && theirs.contains("number"))) {
                return true;
            }
        }
        return false;
    }

    private Shape theirShape(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        Object[] items = {null};
        collectTheirs(node, types, properties, items, 0);
        return new Shape(types, properties, items[0], null);
    }

    private void collectTheirs(JsonNode node, Set<String> types, Map<String, Object> properties, Object[] items, int depth) {
        if (node == null || !node.isObject() || depth > MAX_DEPTH) {
            return;
        }
        if (node.has("$ref")) {
            collectTheirs(openApi.at(node.get("$ref").asString().substring(1)), types, properties, items, depth + 1);
        }
        addTypes(node, types);
        if (node.has("properties")) {
            node.get("properties").properties().forEach(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
        }
        if (node.has("items") && items[0] == null) {
            items[0] = node.get("items");
        }
        for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
            if (node.has(keyword)) {
                node.get(keyword).values().forEach(branch -> collectTheirs(branch, types, properties, items, depth + 1));
            }
        }
    }

    private Shape ourShape(Ours at) {
        Set<String> types = new LinkedHashSet<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        Object[] items = {null};
        String union = collectOurs(at, types, properties, items, 0);
        return new Shape(types, properties, items[0], union);
    }

    /** Follows $ref and allOf, and a oneOf whose only non-null branch is a shape; returns non-null for a real union. */
    private String collectOurs(Ours at, Set<String> types, Map<String, Object> properties, Object[] items, int depth) {
        JsonNode node = at.node();
        if (!node.isObject() || depth > MAX_DEPTH) {
            return null;
        }
        String union = null;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            int hash = ref.indexOf('#');
            String file = hash == 0 ? at.file() : (hash < 0 ? ref : ref.substring(0, hash));
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            union = collectOurs(new Ours(file, ours.node(file, pointer)), types, properties, items, depth + 1);
        }
        addTypes(node, types);
        if (node.has("properties")) {
            node.get("properties").properties().forEach(e -> {
                if (e.getValue().isBoolean()) {
                    // "key": false beside a $ref takes that key out of the referenced shape.
                    properties.remove(e.getKey());
                } else {
                    properties.putIfAbsent(e.getKey(), new Ours(at.file(), e.getValue()));
                }
            });
        }
        if (node.has("items") && items[0] == null) {
            items[0] = new Ours(at.file(), node.get("items"));
        }
        if (node.has("allOf")) {
            for (JsonNode branch : node.get("allOf").values()) {
                String inner = collectOurs(new Ours(at.file(), branch), types, properties, items, depth + 1);
                union = union == null ? inner : union;
            }
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (!node.has(keyword)) {
                continue;
            }
            List<JsonNode> shapes = node.get(keyword).values().stream()
                    .filter(branch -> !"null".equals(branch.path("type").asString(""))).toList();
            if (shapes.size() == 1) {
                String inner = collectOurs(new Ours(at.file(), shapes.get(0)), types, properties, items, depth + 1);
                union = union == null ? inner : union;
            } else {
                union = "one of " + shapes.size() + " shapes";
            }
        }
        return union;
    }

    /** Non-null types from "type" (string or array), or inferred from "const"/"enum" values. */
    private static void addTypes(JsonNode node, Set<String> types) {
        JsonNode type = node.get("type");
        if (type != null) {
            (type.isArray() ? type.values() : List.of(type)).forEach(t -> {
                if (!t.asString().equals("null")) {
                    types.add(t.asString());
                }
            });
            return;
        }
        List<JsonNode> values = node.has("const") ? List.of(node.get("const"))
                : node.has("enum") ? List.copyOf(node.get("enum").values()) : List.of();
        for (JsonNode value : values) {
            if (value.isString()) {
                types.add("string");
            } else if (value.isIntegralNumber()) {
                types.add("integer");
            } else if (value.isNumber()) {
                types.add("number");
            } else if (value.isBoolean()) {
                types.add("boolean");
            }
        }
    }
}
