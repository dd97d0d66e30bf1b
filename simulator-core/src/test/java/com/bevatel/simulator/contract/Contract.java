package com.bevatel.simulator.contract;

import com.bevatel.simulator.contract.ContractTable.ResponseRule;
import com.bevatel.simulator.http.ExchangeObserver.Exchange;
import com.networknt.schema.Error;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The machine-checked wire contract: which schema every response ({@code contract/responses.txt})
 * and every webhook delivery ({@code contract/deliveries.txt}) must match, and the check itself —
 * JSON Schema validation (networknt, draft 2020-12) plus {@link WireForm} (key order, number
 * literals). One shared instance; thread-safe.
 *
 * <p>Adding a shape: one schema file in {@code contract/schemas/} and one line in the table.
 */
public final class Contract {
    static final String RESPONSES = "contract/responses.txt";
    static final String DELIVERIES = "contract/deliveries.txt";
    private static final int MAX_REPORTED = 10;

    private final SchemaFiles schemas = new SchemaFiles();
    private final WireForm wireForm = new WireForm(schemas);
    private final List<ResponseRule> responses;
    private final Map<String, String> deliveries = new LinkedHashMap<>();
    private final Set<ResponseRule> matched = ConcurrentHashMap.newKeySet();
    private final Set<String> checkedEvents = ConcurrentHashMap.newKeySet();

    private Contract() {
        this.responses = ContractTable.read(RESPONSES, 4).stream().map(ResponseRule::parse).toList();
        ContractTable.read(DELIVERIES, 2).forEach(line -> deliveries.put(line.columns().get(0), line.columns().get(1)));
    }

    private static final class Holder {
        static final Contract INSTANCE = new Contract();
    }

    public static Contract get() {
        return Holder.INSTANCE;
    }

    /** Checks one answered request against the line of {@code responses.txt} that covers it. */
    public List<Violation> checkResponse(Exchange exchange) {
        if (exchange.route() != null && !CoreRoutes.contains(exchange.method(), exchange.route())) {
            return List.of(); // an extension's route (standalone admin API, dashboard): not the core's contract
        }
        String subject = exchange.method() + " " + (exchange.route() == null ? ResponseRule.UNROUTED : exchange.route())
                + " → " + exchange.status() + " (" + exchange.path() + ")";
        // A body skips the lines for an empty one when a later line covers it: one route may answer a status
        // both ways (contact_inboxes/filter: head :not_found, and the JSON 404 of an unknown inbox).
        List<ResponseRule> matching = responses.stream()
                .filter(r -> r.matches(exchange.method(), exchange.route(), exchange.status())).toList();
        Optional<ResponseRule> rule = exchange.body().length == 0 ? matching.stream().findFirst()
                : matching.stream().filter(r -> !r.schema().equals(ResponseRule.EMPTY)).findFirst()
                        .or(() -> matching.stream().findFirst());
        if (rule.isEmpty()) {
            return List.of(new Violation(subject, "responses.txt", "",
                    "no line covers this method, route and status: add its schema and a line to " + RESPONSES));
        }
        matched.add(rule.get());
        String schema = rule.get().schema();
        if (schema.equals(ResponseRule.EMPTY)) {
            return exchange.body().length == 0 ? List.of()
                    : List.of(new Violation(subject, "(empty body)", "", "expected an empty body, got "
                            + abbreviate(new String(exchange.body(), StandardCharsets.UTF_8))));
        }
        return checkBody(subject, schema, exchange.body());
    }

    /** Checks one webhook delivery body against the schema {@code deliveries.txt} names for its event. */
    public List<Violation> checkDelivery(String event, byte[] body) {
        String subject = "webhook " + event;
        checkedEvents.add(event);
        String schema = deliveries.get(event);
        if (schema == null) {
            return List.of(new Violation(subject, "deliveries.txt", "",
                    "no schema for this event: add one and a line to " + DELIVERIES));
        }
        return checkBody(subject, schema, body);
    }

    /** Checks a body against one schema file: JSON Schema first, then key order and number literals. */
    public List<Violation> checkBody(String subject, String schema, byte[] body) {
        if (body.length == 0) {
            return List.of(new Violation(subject, schema, "", "empty body"));
        }
        JsonNode node;
        try {
            node = SchemaFiles.WIRE.readTree(body);
        } catch (JacksonException e) {
            return List.of(new Violation(subject, schema, "", "not JSON: " + e.getOriginalMessage()));
        }
        List<Violation> found = new ArrayList<>();
        for (Error error : withoutEchoes(schemas.validator(schema, "").validate(node))) {
            found.add(new Violation(subject, schema, pointer(error), error.getMessage()));
        }
        wireForm.check(schema, node).forEach(p -> found.add(new Violation(subject, schema, p.getKey(), p.getValue())));
        if (found.size() > MAX_REPORTED) {
            List<Violation> shown = new ArrayList<>(found.subList(0, MAX_REPORTED));
            shown.add(new Violation(subject, schema, "", "… and " + (found.size() - MAX_REPORTED) + " more"));
            return shown;
        }
        return found;
    }

    /** The first line of {@code responses.txt} covering (method, route, status); route null = unrouted. */
    Optional<ResponseRule> ruleFor(String method, String route, int status) {
        return responses.stream().filter(r -> r.matches(method, route, status)).findFirst();
    }

    List<ResponseRule> responseRules() {
        return responses;
    }

    Map<String, String> deliveryRules() {
        return Map.copyOf(deliveries);
    }

    /** The response lines some checked exchange has matched so far in this JVM. */
    Set<ResponseRule> matchedRules() {
        return Set.copyOf(matched);
    }

    /** The webhook events some checked delivery had so far in this JVM. */
    Set<String> checkedDeliveryEvents() {
        return Set.copyOf(checkedEvents);
    }

    SchemaFiles schemas() {
        return schemas;
    }

    /**
     * A shape that extends another ({@code $ref} + {@code unevaluatedProperties: false}) loses the
     * referenced schema's annotations when that schema fails, so one wrong value would also report
     * every other key of the object as "not evaluated". Those echoes are dropped while the object
     * has a real error; an unexpected key alone is still reported.
     */
    private static List<Error> withoutEchoes(List<Error> errors) {
        List<String> realErrorLocations = errors.stream().filter(e -> !"unevaluatedProperties".equals(e.getKeyword()))
                .map(e -> String.valueOf(e.getInstanceLocation())).toList();
        return errors.stream().filter(e -> !"unevaluatedProperties".equals(e.getKeyword())
                || realErrorLocations.stream().noneMatch(l -> l.startsWith(String.valueOf(e.getInstanceLocation())))).toList();
    }

    /** Where the error is: the instance location, plus the offending key for key-level keywords. */
    private static String pointer(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        if (location.equals("/") || location.equals("$")) {
            location = "";
        }
        String property = error.getProperty();
        return property == null || location.endsWith("/" + property) ? location : location + "/" + property;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
