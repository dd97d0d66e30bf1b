package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.fault.Fault;
import com.bevatel.simulator.fault.FaultRule;
import com.bevatel.simulator.fault.Faults;
import com.bevatel.simulator.fault.InjectedFault;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fault injection over HTTP ({@code sim.faults()} in Java). {@code POST /_simulator/faults} adds a
 * rule: {@code method}, {@code path} (glob: {@code *} within a segment, {@code **} across), then
 * one of {@code status} (with {@code retry_after} seconds and {@code body}), {@code drop: true},
 * or only {@code delay_ms}; {@code delay_ms} with a status or drop holds the request first;
 * {@code times} limits it to the next N matching requests; {@code probability} (with {@code seed})
 * makes it random but repeatable. {@code GET /_simulator/faults/log} lists every affected request.
 */
final class FaultRoutes {
    static final String PATH = AdminApi.PREFIX + "faults";

    private FaultRoutes() {
    }

    static void register(Router router, Faults faults) {
        router.get(PATH, request -> {
            ObjectNode body = Json.object();
            ArrayNode rules = body.putArray("rules");
            faults.rules().forEach(rule -> rules.add(rule(rule)));
            return Response.ok(body);
        });
        router.post(PATH, request -> new Response(201, rule(faults.inject(fault(request.params())))));
        router.delete(PATH, request -> {
            int removed = faults.rules().size();
            faults.clear();
            return Response.ok(count("removed", removed));
        });
        router.delete(PATH + "/{id}", request -> {
            if (!faults.remove(request.idParam("id"))) {
                throw Errors.error(404, "no fault rule " + request.pathParam("id"));
            }
            return Response.ok(count("removed", 1));
        });
        router.get(PATH + "/log", request -> {
            Long since = request.params().integer("since_id");
            List<InjectedFault> log = faults.log(since == null ? 0 : since);
            ObjectNode body = Json.object();
            ArrayNode injected = body.putArray("injected");
            log.forEach(entry -> injected.add(entry(entry)));
            return Response.ok(body);
        });
        router.delete(PATH + "/log", request -> {
            int cleared = faults.log().size();
            faults.clearLog();
            return Response.ok(count("cleared", cleared));
        });
    }

    private static Fault fault(Params p) {
        Long status = p.integer("status");
        boolean drop = Boolean.TRUE.equals(p.bool("drop"));
        Duration delay = AdminJson.millis(p.integer("delay_ms"), "delay_ms");
        if (status != null && drop) {
            throw Errors.error(422, "give either status or drop, not both");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw Errors.error(422, "status must be 100..599");
        }
        return AdminJson.unprocessable(() -> {
            Fault fault;
            if (status != null) {
                fault = Fault.respond(status.intValue());
            } else if (drop) {
                fault = Fault.drop();
            } else if (delay != null) {
                fault = Fault.delay(delay);
            } else {
                throw Errors.error(422, "give status (with retry_after, body), drop: true, or delay_ms alone");
            }
            fault = fault.on(p.string("method"), p.string("path"));
            if (delay != null) {
                fault = fault.after(delay);
            }
            Long retryAfter = p.integer("retry_after");
            if (retryAfter != null) {
                fault = fault.retryAfter(Duration.ofSeconds(retryAfter));
            }
            JsonNode body = p.node("body");
            if (body != null && !body.isNull()) {
                fault = fault.body(body.isTextual() ? body.asText() : Json.string(body));
            }
            Long times = p.integer("times");
            if (times != null) {
                fault = fault.times((int) Math.min(Integer.MAX_VALUE, Math.max(0, times)));
            }
            JsonNode probability = p.node("probability");
            if (probability != null && !probability.isNull()) {
                if (!probability.isNumber()) {
                    throw Errors.error(422, "probability must be a number in (0, 1]");
                }
                Long seed = p.integer("seed");
                fault = seed == null ? fault.probability(probability.asDouble())
                        : fault.probability(probability.asDouble(), seed);
            }
            return fault;
        });
    }

    static ObjectNode rule(FaultRule rule) {
        Fault f = rule.fault();
        ObjectNode out = Json.object();
        out.put("id", rule.id());
        out.put("method", f.method());
        out.put("path", f.path());
        out.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        putNullable(out, "status", f.kind() == Fault.Kind.RESPOND ? (long) f.status() : null);
        putNullable(out, "retry_after", f.retryAfter() == null ? null : f.retryAfter().toSeconds());
        out.put("body", f.body());
        out.put("delay_ms", f.delay().toMillis());
        putNullable(out, "times", f.times() == null ? null : (long) f.times());
        out.put("probability", f.probability());
        putNullable(out, "seed", f.seed());
        out.put("applied", rule.applied());
        putNullable(out, "remaining", rule.remaining());
        return out;
    }

    static ObjectNode entry(InjectedFault entry) {
        ObjectNode out = Json.object();
        out.put("id", entry.id());
        out.put("rule_id", entry.ruleId());
        out.put("method", entry.method());
        out.put("path", entry.path());
        out.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        putNullable(out, "status", entry.status() == null ? null : (long) entry.status());
        out.put("delay_ms", entry.delayMillis());
        out.put("at", entry.at().toString());
        return out;
    }

    private static void putNullable(ObjectNode out, String key, Long value) {
        if (value == null) {
            out.putNull(key);
        } else {
            out.put(key, value);
        }
    }

    private static ObjectNode count(String key, int value) {
        ObjectNode body = Json.object();
        body.put(key, value);
        return body;
    }
}
