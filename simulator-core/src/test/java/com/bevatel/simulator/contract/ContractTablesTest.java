package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.contract.ContractTable.ResponseRule;
import com.bevatel.simulator.http.Router;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The contract's tables and schemas hold together: every route the simulator core registers has a
 * line for its 200 (or 204, Chatwoot's {@code head :no_content}) (a schema, an empty body, or — for raw routes only — not JSON), no line names a route that does not exist, every schema is a valid draft
 * 2020-12 schema whose references resolve, every object shape forbids unexpected keys, and no
 * schema file is left unused.
 */
class ContractTablesTest {
    private final Contract contract = Contract.get();
    private final SchemaFiles schemas = contract.schemas();

    @Test
    void everyRegisteredRouteHasALineForItsSuccessResponse() {
        List<Router.Route> routes = CoreRoutes.all();
        assertThat(routes).hasSizeGreaterThan(60);
        List<String> unmapped = routes.stream()
                // 204 for the routes Chatwoot answers with head :no_content.
                .filter(route -> contract.responseRules().stream().noneMatch(rule -> !rule.wildcard()
                        && (rule.status() == 200 || rule.status() == 204)
                        && rule.matches(route.method(), route.template(), rule.status())
                        && rule.schema().equals(ResponseRule.NOT_JSON) == !route.json()))
                .map(route -> route.method() + " " + route.template() + (route.json() ? "" : " (raw: " + ResponseRule.NOT_JSON + ")"))
                .toList();
        assertThat(unmapped).as("routes without a 200 line in " + Contract.RESPONSES).isEmpty();
    }

    @Test
    void everySpecificLineNamesARegisteredRoute() {
        List<String> stale = new ArrayList<>();
        for (ResponseRule rule : contract.responseRules()) {
            if (rule.wildcard()) {
                continue;
            }
            for (String method : rule.methods()) {
                if (!CoreRoutes.contains(method, rule.route())) {
                    stale.add(rule + " (" + method + ")");
                }
            }
        }
        assertThat(stale).as("lines of " + Contract.RESPONSES + " for routes that are not registered").isEmpty();
    }

    @Test
    void everySchemaIsAValidDraft202012SchemaWhoseReferencesResolve() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(schemas.names()).hasSizeGreaterThan(50);
        for (String name : schemas.names()) {
            JsonNode document = schemas.document(name);
            assertThat(metaSchema.validate(document)).as(name).isEmpty();
            assertThat(document.path("$schema").asString()).as(name).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            for (String ref : references(document)) {
                String file = ref.startsWith("#") ? name : ref.split("#", 2)[0];
                String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
                assertThat(schemas.exists(file)).as(name + " → " + ref).isTrue();
                assertThat(schemas.document(file).at(pointer).isMissingNode()).as(name + " → " + ref).isFalse();
            }
        }
    }

    @Test
    void everyObjectShapeForbidsUnexpectedKeys() {
        List<String> open = new ArrayList<>();
        for (String name : schemas.names()) {
            collectOpenObjects(schemas.document(name), name + "#", open);
        }
        assertThat(open).as("object schemas with properties but neither additionalProperties: false, "
                + "unevaluatedProperties: false nor a $ref to a closed shape").isEmpty();
    }

    @Test
    void everySchemaFileIsUsedByTheTables() {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        contract.responseRules().stream().filter(ResponseRule::hasSchemaFile).map(ResponseRule::schema).forEach(pending::add);
        pending.addAll(contract.deliveryRules().values());
        while (!pending.isEmpty()) {
            String file = pending.pop();
            assertThat(schemas.exists(file)).as("schema named in the tables: " + file).isTrue();
            if (reached.add(file)) {
                references(schemas.document(file)).stream().filter(ref -> !ref.startsWith("#"))
                        .map(ref -> ref.split("#", 2)[0]).forEach(pending::add);
            }
        }
        Set<String> unused = new TreeSet<>(schemas.names());
        unused.removeAll(reached);
        assertThat(unused).as("schema files neither named in a table nor referenced by one that is").isEmpty();
    }

    private static List<String> references(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    refs.add(entry.getValue().asString());
                } else {
                    refs.addAll(references(entry.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(child -> refs.addAll(references(child)));
        }
        return refs;
    }

    private static void collectOpenObjects(JsonNode node, String where, List<String> open) {
        if (node.isObject()) {
            boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()
                    || node.path("unevaluatedProperties").isBoolean() && !node.get("unevaluatedProperties").asBoolean()
                    || node.has("$ref") || where.endsWith("/$defs/open");
            if (node.has("properties") && !closed) {
                open.add(where);
            }
            node.properties().forEach(entry -> collectOpenObjects(entry.getValue(), where + "/" + entry.getKey(), open));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectOpenObjects(node.get(i), where + "/" + i, open);
            }
        }
    }
}
