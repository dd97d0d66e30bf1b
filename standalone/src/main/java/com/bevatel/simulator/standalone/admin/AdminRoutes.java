package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.ApiInbox;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.domain.Errors;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Health ({@code GET /_simulator/health}: the process answers), readiness ({@code GET
 * /_simulator/ready}: started and seeded, with what a client needs to connect), reset, and the
 * OpenAPI description of the admin API ({@code GET /_simulator/openapi.json}).
 */
final class AdminRoutes {
    static final String OPENAPI = "openapi.json";

    private AdminRoutes() {
    }

    static void register(Router router, BevatelSimulator sim, AdminApi.Settings settings) {
        router.get(AdminApi.PREFIX + "health", request -> {
            ObjectNode body = Json.object();
            body.put("status", "ok");
            return Response.ok(body);
        });
        router.get(AdminApi.PREFIX + "ready", request -> Response.ok(ready(sim, settings)));
        router.post(AdminApi.PREFIX + "reset", request -> {
            List<BevatelSimulator.Keep> keep = keep(request.params().string("keep"));
            sim.reset(keep.toArray(BevatelSimulator.Keep[]::new));
            ObjectNode body = Json.object();
            body.put("reset", true);
            body.put("clock", sim.clock().now().toString());
            ArrayNode kept = body.putArray("kept");
            keep.forEach(k -> kept.add(k.name().toLowerCase(Locale.ROOT)));
            return Response.ok(body);
        });
        byte[] openApi = resource(OPENAPI);
        router.getRaw(AdminApi.PREFIX + OPENAPI, exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            exchange.getResponseSender().send(ByteBuffer.wrap(openApi));
        });
    }

    /**
     * {@code ?keep=faults,sinks}: what a reset leaves alone. By default it resets everything, as the
     * JUnit extension does before each test; someone poking at a running jar may want their faults kept.
     */
    private static List<BevatelSimulator.Keep> keep(String keep) {
        List<BevatelSimulator.Keep> kept = new ArrayList<>();
        if (keep == null || keep.isBlank()) {
            return kept;
        }
        for (String part : keep.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(BevatelSimulator.Keep.values()).noneMatch(k -> k.name().equals(name))) {
                throw Errors.error(422, "keep: '" + part.trim() + "' is not one of faults, sinks");
            }
            kept.add(BevatelSimulator.Keep.valueOf(name));
        }
        return kept;
    }

    /** Where the simulator is and what a client needs to use it: also the jar's {@code --ready-file} and {@code --ready-json}. */
    static ObjectNode ready(BevatelSimulator sim, AdminApi.Settings settings) {
        ObjectNode body = Json.object();
        body.put("ready", true);
        body.put("version", settings.version());
        body.put("base_url", sim.baseUrl().toString());
        body.put("host", sim.baseUrl().getHost());
        body.put("port", sim.port());
        body.put("access_token", sim.accessToken());
        body.put("account_id", sim.accountId());
        ApiInbox inbox = sim.apiInbox();
        ObjectNode apiInbox = body.putObject("api_inbox");
        apiInbox.put("id", inbox.id());
        apiInbox.put("inbox_identifier", inbox.identifier());
        body.put("seed", sim.seed());
        body.put("clock", sim.clock().now().toString());
        body.put("fixtures_file", settings.fixturesFile());
        body.put("state_file", settings.stateFile() == null ? null : settings.stateFile().path().toString());
        body.put("admin_token_required", settings.adminToken() != null);
        return body;
    }

    static byte[] resource(String name) {
        try (InputStream in = AdminRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + AdminRoutes.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
