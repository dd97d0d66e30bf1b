package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.standalone.files.StateFile;
import com.bevatel.simulator.state.InvalidEntryException;
import com.bevatel.simulator.state.StateCodec;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The whole state as JSON: {@code GET /_simulator/state} exports it, {@code PUT} imports a document
 * from an export (all or nothing: a refused one changes nothing and answers 422 naming the entry),
 * {@code POST /_simulator/state/save} writes it to the {@code --state} file now.
 */
final class StateRoutes {
    static final String PATH = AdminApi.PREFIX + "state";

    private StateRoutes() {
    }

    static void register(Router router, BevatelSimulator sim, StateFile stateFile) {
        router.get(PATH, request -> Response.ok(sim.exportState()));
        // Raw: a state with attachments outgrows the API's JSON limits (string length, exact numbers).
        router.raw(Methods.PUT, PATH, exchange -> importState(exchange, sim));
        router.post(PATH + "/save", request -> {
            if (stateFile == null) {
                throw Errors.error(409, "no state file: start the simulator with --state FILE");
            }
            long bytes;
            try {
                bytes = stateFile.save(sim.exportState());
            } catch (UncheckedIOException e) {
                throw Errors.error(500, e.getMessage());
            }
            ObjectNode body = Json.object();
            body.put("saved", stateFile.path().toString());
            body.put("bytes", bytes);
            return Response.ok(body);
        });
    }

    /**
     * The document is received without blocking (a client that sends it slowly holds its connection,
     * not one of the request threads every simulator of the JVM shares), then parsed and loaded on a
     * request thread.
     */
    private static void importState(HttpServerExchange exchange, BevatelSimulator sim) {
        exchange.getRequestReceiver().receiveFullBytes(
                // On a request thread, answering whatever happens (an exception there left the client waiting for ever).
                (ex, bytes) -> AdminJson.onWorker(ex, e -> importState(e, bytes, sim)),
                StateRoutes::readFailed);
    }

    private static void readFailed(HttpServerExchange exchange, IOException error) {
        if (error instanceof RequestTooBigException || error instanceof Receiver.RequestToLargeException) {
            exchange.setPersistent(false);
            AdminJson.send(exchange, 413, AdminJson.error("the state document is larger than the request limit"
                    + " (--max-request-body-bytes)"));
            return;
        }
        AdminJson.send(exchange, 400, AdminJson.error("could not read the request body: " + error.getMessage()));
    }

    private static void importState(HttpServerExchange exchange, byte[] bytes, BevatelSimulator sim) {
        JsonNode document;
        try {
            document = StateCodec.parse(bytes);
        } catch (InvalidEntryException e) {
            AdminJson.send(exchange, 400, AdminJson.error(e.getMessage()));
            return;
        }
        try {
            sim.importState(document);
        } catch (InvalidEntryException e) {
            ObjectNode body = AdminJson.error(e.getMessage());
            body.put("pointer", e.pointer());
            AdminJson.send(exchange, 422, body);
            return;
        }
        ObjectNode body = Json.object();
        body.put("imported", true);
        body.put("clock", sim.clock().now().toString());
        ObjectNode rows = body.putObject("rows");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                rows.put(field.getKey(), field.getValue().size());
            }
        }
        AdminJson.send(exchange, 200, body);
    }
}
