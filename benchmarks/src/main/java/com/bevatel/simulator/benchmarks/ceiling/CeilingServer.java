package com.bevatel.simulator.benchmarks.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ceiling of the load comparison: a bare Undertow handler, with the simulator's listener
 * settings, that parses the JSON request body with Jackson and writes a JSON response of the same
 * size as the simulator's (a template response, re-serialized per request with the request's
 * {@code content} put back in). No routing, no auth, no store: what Undertow + Jackson cost alone.
 *
 * <p>{@code java -jar ceiling-server.jar --port 8080 [--host 127.0.0.1] [--response file.json] [--mode io|worker]}
 *
 * <ul>
 *   <li>{@code io} (default): reads the body with {@code receiveFullBytes} and answers on the I/O thread,
 *       the cheapest way Undertow can serve it.</li>
 *   <li>{@code worker}: dispatches to a worker thread and reads the body blocking, as the simulator's
 *       {@code EndpointHandler} does; the gap between the two modes is the cost of that hand-off.</li>
 * </ul>
 */
public final class CeilingServer implements AutoCloseable {
    /** Same as the simulator's HttpServer: keep the startup logs out of the measurement. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"));
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    public enum Mode { IO, WORKER }

    private final Undertow undertow;

    private CeilingServer(Undertow undertow) {
        this.undertow = undertow;
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 8080;
        Mode mode = Mode.IO;
        byte[] template = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--mode" -> mode = Mode.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
                case "--response" -> template = Files.readAllBytes(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--host, --port, --response, --mode io|worker)");
            }
        }
        CeilingServer server = start(host, port, template == null ? defaultTemplate() : template, mode);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ceiling-shutdown"));
        System.out.println("ceiling server (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ") listening on http://"
                + host + ":" + server.port());
    }

    /** A message-create response of the simulator, captured once (load.sh passes a fresh one). */
    public static byte[] defaultTemplate() {
        try (InputStream in = CeilingServer.class.getResourceAsStream("message-response.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CeilingServer start(String host, int port, byte[] responseTemplate, Mode mode) throws IOException {
        ObjectNode template = (ObjectNode) MAPPER.readTree(responseTemplate);
        HttpHandler handler = mode == Mode.IO ? new IoThreadHandler(template) : new WorkerHandler(template);
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
                .setWorkerThreads(16)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 50L * 1024 * 1024)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setHandler(handler)
                .build();
        undertow.start();
        return new CeilingServer(undertow);
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }

    /** Parse the request, fill the template, serialize: the JSON work every endpoint does at least. */
    static byte[] respond(ObjectNode template, byte[] requestBody) throws IOException {
        ObjectNode response = template.deepCopy();
        if (requestBody.length > 0) {
            JsonNode request = MAPPER.readTree(requestBody);
            JsonNode content = request.get("content");
            if (content != null) {
                response.set("content", content);
            }
        }
        return MAPPER.writeValueAsBytes(response);
    }

    static void send(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        exchange.setResponseContentLength(body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private record IoThreadHandler(ObjectNode template) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) {
            exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                try {
                    send(ex, 200, respond(template, body));
                } catch (IOException e) {
                    send(ex, 400, ("{\"error\":\"malformed JSON\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            });
        }
    }

    private record WorkerHandler(ObjectNode template) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) throws IOException {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
            byte[] body = exchange.getInputStream().readAllBytes();
            try {
                send(exchange, 200, respond(template, body));
            } catch (IOException e) {
                send(exchange, 400, ("{\"error\":\"malformed JSON\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
