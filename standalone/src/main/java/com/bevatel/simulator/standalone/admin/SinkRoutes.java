package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.Sink;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The built-in webhook receivers ({@code /_simulator/sink/{name}}, {@code sim.sink(name)} in Java)
 * configured over HTTP: {@code PUT /_simulator/sinks/{name}} with {@code status} and/or
 * {@code delay_ms} makes it answer that status after that delay; {@code POST …/reset} puts it
 * back (200 at once, count 0). What the sinks answered is in the delivery journal.
 */
final class SinkRoutes {
    static final String PATH = AdminApi.PREFIX + "sinks";

    private SinkRoutes() {
    }

    static void register(Router router, BevatelSimulator sim) {
        router.get(PATH, request -> {
            ObjectNode body = Json.object();
            var sinks = body.putArray("sinks");
            sim.sinks().forEach(sink -> sinks.add(json(sim, sink)));
            return Response.ok(body);
        });
        router.get(PATH + "/{name}", request -> Response.ok(json(sim, sink(sim, request.pathParam("name")))));
        router.put(PATH + "/{name}", request -> {
            Params p = request.params();
            Long status = p.integer("status");
            Long delay = p.integer("delay_ms");
            if (status == null && delay == null) {
                throw Errors.error(422, "give status (100-599) and/or delay_ms");
            }
            if (status != null && (status < 100 || status > 599)) {
                throw Errors.error(422, "status must be 100..599");
            }
            Sink sink = sink(sim, request.pathParam("name"));
            AdminJson.unprocessable(() -> {
                if (status != null) {
                    sink.respondWith(status.intValue());
                }
                if (delay != null) {
                    sink.delay(AdminJson.millis(delay, "delay_ms"));
                }
                return sink;
            });
            return Response.ok(json(sim, sink));
        });
        router.post(PATH + "/{name}/reset", request -> Response.ok(json(sim, sink(sim, request.pathParam("name")).reset())));
    }

    private static Sink sink(BevatelSimulator sim, String name) {
        return AdminJson.unprocessable(() -> sim.sink(name));
    }

    private static ObjectNode json(BevatelSimulator sim, Sink sink) {
        ObjectNode out = Json.object();
        out.put("name", sink.name());
        out.put("url", sim.sinkUrl(sink.name()).toString());
        out.put("status", sink.status());
        out.put("delay_ms", sink.delay().toMillis());
        out.put("received", sink.received());
        return out;
    }
}
