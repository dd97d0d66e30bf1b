package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Upload;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one endpoint: reads and parses the body, calls the endpoint, writes its JSON, and turns every
 * failure into a JSON error body — the one place errors are rendered.
 *
 * <p>Endpoints of the simulator's own routes are in-memory work of microseconds (store operations
 * hold the store's lock only briefly), so they run on the I/O thread: the body is received without
 * blocking and the answer sent without blocking, which costs a fraction of a hand-off to a worker
 * thread. Two cases still go to a worker thread, where blocking is allowed: a multipart body
 * (Undertow's multipart parser reads blocking) and endpoints registered with
 * {@code ioThread = false} (extensions, which may wait on something).
 */
final class EndpointHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EndpointHandler.class.getName());
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final byte[] EMPTY = new byte[0];

    /** Oversized bodies up to this size are drained so the client reads its 413 (see tooLargeDeclared). */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final String route;
    private final Endpoint endpoint;
    private final long maxBodyBytes;
    private final boolean ioThread;

    /** @param route the path template this handler is registered under; null for the unknown-route fallback */
    EndpointHandler(String route, Endpoint endpoint, long maxBodyBytes, boolean ioThread) {
        this.route = route;
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
        this.ioThread = ioThread;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        // A body announced too large is drained on a worker (see tooLargeDeclared): rare, and it blocks.
        if (!ioThread || isMultipart(exchange) || exchange.getRequestContentLength() > maxBodyBytes) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this::handleBlocking);
            } else {
                handleBlocking(exchange);
            }
            return;
        }
        if (exchange.getRequestContentLength() < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            receiveChunked(exchange);
            return;
        }
        // Calls back at once when the body is already buffered (the usual case), else from the I/O thread later.
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> write(ex, run(ex, () -> new Request(ex, params(ex, body)))),
                this::readFailed);
    }

    /**
     * A body of unknown length (chunked). Undertow cuts the connection, with no answer, when such a
     * body passes its entity limit, so that limit is {@link #DRAIN_LIMIT} beyond ours for them (see
     * {@link HttpServer}) and ours is checked here: up to {@code maxBodyBytes} is kept, the rest read
     * and dropped, and the client gets its 413 on a connection that stays usable.
     */
    private void receiveChunked(HttpServerExchange exchange) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean[] tooLarge = {false};
        exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
            if (!tooLarge[0] && kept.size() + (long) chunk.length > maxBodyBytes) {
                tooLarge[0] = true;
                kept.reset();
            }
            if (!tooLarge[0]) {
                kept.write(chunk, 0, chunk.length);
            }
            if (last) {
                write(ex, tooLarge[0] ? errorResponse(bodyTooLarge())
                        : run(ex, () -> new Request(ex, params(ex, kept.toByteArray()))));
            }
        }, this::readFailed);
    }

    /** The body could not be received on the I/O thread: past Undertow's limit, or a broken connection. */
    private void readFailed(HttpServerExchange exchange, IOException error) {
        write(exchange, errorResponse(error instanceof RequestTooBigException ? tooLarge(exchange)
                : Errors.badRequest("could not read the request body: " + error.getMessage())));
    }

    /** On a worker thread: the body is read blocking (multipart uploads, endpoints that may block). */
    private void handleBlocking(HttpServerExchange exchange) {
        exchange.startBlocking();
        write(exchange, run(exchange, () -> {
            if (isMultipart(exchange)) {
                Map<String, List<Upload>> uploads = new LinkedHashMap<>();
                ObjectNode values = queryValues(exchange);
                parseMultipart(exchange, values, uploads);
                return new Request(exchange, new Params(values), uploads);
            }
            return new Request(exchange, params(exchange, readBody(exchange)));
        }));
    }

    /** The endpoint's answer, or the error it (or reading its request) ended in. */
    private Response run(HttpServerExchange exchange, Supplier<Request> request) {
        try {
            return endpoint.handle(request.get());
        } catch (ApiException e) {
            return errorResponse(e);
        } catch (RuntimeException e) {
            // A client mistake must never get here; this is a simulator bug, named in the body to be reported.
            LOG.log(Level.SEVERE, "unexpected error on " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            ObjectNode body = Json.object();
            body.put("status", 500);
            body.put("error", "Internal Server Error");
            body.put("exception", e.getClass().getName() + ": " + e.getMessage());
            return new Response(500, body);
        }
    }

    private static Response errorResponse(ApiException e) {
        return new Response(e.status(), e.body());
    }

    private static boolean isMultipart(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static ObjectNode queryValues(HttpServerExchange exchange) {
        ObjectNode values = Json.object();
        RailsParams.addAll(values, exchange.getQueryParameters());
        return values;
    }

    private static Params params(HttpServerExchange exchange, byte[] body) {
        ObjectNode values = queryValues(exchange);
        if (body.length > 0) {
            values = mergeBody(values, exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body);
        }
        return new Params(values);
    }

    /** Blocking: exactly the announced length when known, else up to the limit (a chunked body). */
    private byte[] readBody(HttpServerExchange exchange) {
        long length = exchange.getRequestContentLength();
        if (length > maxBodyBytes) {
            throw tooLargeDeclared(exchange);
        }
        if (length == 0) {
            return EMPTY;
        }
        try {
            byte[] body = exchange.getInputStream().readNBytes(
                    (int) (length > 0 ? length : Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1)));
            if (body.length > maxBodyBytes) {
                throw tooLarge(exchange);
            }
            return body;
        } catch (RequestTooBigException e) {
            throw tooLarge(exchange);
        } catch (IOException e) {
            throw Errors.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /**
     * {@code multipart/form-data} (file attachments): fields join the parameters in Rails' bracket
     * notation, files are kept in memory under their field name without a trailing {@code []}.
     */
    private void parseMultipart(HttpServerExchange exchange, ObjectNode values, Map<String, List<Upload>> uploads) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            throw tooLarge(exchange);
        }
        MultiPartParserDefinition multipart = new MultiPartParserDefinition();
        multipart.setDefaultEncoding(StandardCharsets.UTF_8.name());
        multipart.setFileSizeThreshold(maxBodyBytes);
        multipart.setMaxIndividualFileSize(maxBodyBytes);
        try (FormDataParser parser = FormParserFactory.builder(false).addParser(multipart).build().createParser(exchange)) {
            if (parser == null) {
                throw Errors.badRequest("multipart body without a boundary");
            }
            FormData form = parser.parseBlocking();
            for (String name : form) {
                for (FormData.FormValue value : form.get(name)) {
                    if (!value.isFileItem()) {
                        RailsParams.add(values, name, value.getValue());
                        continue;
                    }
                    byte[] data;
                    try (var in = value.getFileItem().getInputStream()) {
                        data = in.readAllBytes();
                    }
                    String fileName = value.getFileName();
                    if ((fileName == null || fileName.isEmpty()) && data.length == 0) {
                        continue; // an empty file input, as browsers send it
                    }
                    String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
                    uploads.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Upload(fileName, value.getHeaders().getFirst(Headers.CONTENT_TYPE), data));
                }
            }
        } catch (RequestTooBigException | MultiPartParserDefinition.FileTooLargeException e) {
            throw tooLarge(exchange);
        } catch (IOException e) {
            throw Errors.badRequest("unreadable multipart body: " + e.getMessage());
        }
    }

    /**
     * A body announced (Content-Length) as too large. Most clients send the whole body before they
     * read the answer, so closing at once would show them a broken connection instead of the 413:
     * a body up to {@link #DRAIN_LIMIT} is read and discarded first, and the connection stays usable.
     */
    private ApiException tooLargeDeclared(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared <= DRAIN_LIMIT) {
            try {
                exchange.setMaxEntitySize(declared);
                exchange.getInputStream().transferTo(OutputStream.nullOutputStream());
                return bodyTooLarge();
            } catch (IOException | RuntimeException e) {
                // Could not drain it: fall through and close the connection after the answer.
            }
        }
        return tooLarge(exchange);
    }

    /**
     * The unread rest of the body is still on the connection; keeping it open would make the next
     * request on it parse that rest as a request line, so the connection closes after this answer.
     */
    private ApiException tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        return bodyTooLarge();
    }

    private ApiException bodyTooLarge() {
        return Errors.error(413, "Request body is larger than " + maxBodyBytes + " bytes");
    }

    /**
     * JSON when the content type says so, or when none is given and the body looks like JSON (curl's
     * {@code -d} without a header); form bodies in Rails' bracket notation. Body values override query ones.
     */
    private static ObjectNode mergeBody(ObjectNode values, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        boolean json = type.contains("json");
        if (!json && (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded"))) {
            json = looksLikeJson(body);
        }
        if (json) {
            JsonNode parsed;
            try {
                // Trailing content after the JSON value is malformed too, as for Rails' JSON.parse.
                parsed = Json.parse(body, true);
            } catch (JsonProcessingException e) {
                throw Errors.badRequest("malformed JSON body: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw Errors.badRequest("unreadable JSON body: " + e.getMessage());
            }
            if (parsed instanceof ObjectNode object) {
                // Without query parameters (the usual JSON call) the parsed body is the params: no copy.
                if (values.isEmpty()) {
                    return object;
                }
                values.setAll(object);
            } else if (parsed != null && !parsed.isMissingNode()) {
                values.set("_json", parsed);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            RailsParams.addForm(values, new String(body, StandardCharsets.UTF_8));
        }
        return values;
    }

    /**
     * Does the body start with {@code {} or {@code [} after leading white space? Decided on the bytes
     * for ASCII; a body whose first non-blank byte is not ASCII is decoded as before (Java's
     * {@link Character#isWhitespace} also counts Unicode spaces).
     */
    static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                String text = new String(body, StandardCharsets.UTF_8).stripLeading();
                return text.startsWith("{") || text.startsWith("[");
            }
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Non-blocking: from the I/O thread the bytes are queued and written as the socket takes them. */
    private void write(HttpServerExchange exchange, Response response) {
        if (exchange.isResponseStarted()) {
            return; // the client stopped sending its body and the read timeout already closed the exchange
        }
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        byte[] bytes = response.body() == null ? EMPTY : Json.bytes(response.body());
        // Before the body is sent, so no client sees a response the observers have not.
        ExchangeObservers.response(new ExchangeObserver.Exchange(exchange.getRequestMethod().toString(), route,
                exchange.getRequestPath(), response.status(), bytes));
        exchange.setResponseContentLength(bytes.length);
        ResponseBodies.send(exchange, bytes);
    }
}
