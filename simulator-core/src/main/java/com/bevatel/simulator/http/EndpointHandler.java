package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Upload;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one endpoint on a worker thread: reads and parses the body, calls the endpoint, writes its
 * JSON, and turns every failure into a JSON error body — the one place errors are rendered.
 */
final class EndpointHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EndpointHandler.class.getName());
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final ObjectReader JSON_BODY = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Endpoint endpoint;
    private final long maxBodyBytes;

    EndpointHandler(Endpoint endpoint, long maxBodyBytes) {
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        Response response;
        try {
            Map<String, List<Upload>> uploads = new LinkedHashMap<>();
            response = endpoint.handle(new Request(exchange, parseParams(exchange, uploads), uploads));
        } catch (ApiException e) {
            response = new Response(e.status(), e.body());
        } catch (RuntimeException e) {
            // A client mistake must never get here; this is a simulator bug, named in the body to be reported.
            LOG.log(Level.SEVERE, "unexpected error on " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            ObjectNode body = Json.object();
            body.put("status", 500);
            body.put("error", "Internal Server Error");
            body.put("exception", e.getClass().getName() + ": " + e.getMessage());
            response = new Response(500, body);
        }
        write(exchange, response);
    }

    private Params parseParams(HttpServerExchange exchange, Map<String, List<Upload>> uploads) {
        ObjectNode values = Json.object();
        RailsParams.addAll(values, exchange.getQueryParameters());
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            parseMultipart(exchange, values, uploads);
            return new Params(values);
        }
        byte[] body = readBody(exchange);
        if (body.length > 0) {
            mergeBody(values, exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body);
        }
        return new Params(values);
    }

    private byte[] readBody(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            throw tooLarge(exchange);
        }
        try {
            byte[] body = exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
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
     * The unread rest of the body is still on the connection; keeping it open would make the next
     * request on it parse that rest as a request line, so the connection closes after this answer.
     */
    private ApiException tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        return Errors.error(413, "Request body is larger than " + maxBodyBytes + " bytes");
    }

    /**
     * JSON when the content type says so, or when none is given and the body looks like JSON (curl's
     * {@code -d} without a header); form bodies in Rails' bracket notation. Body values override query ones.
     */
    private static void mergeBody(ObjectNode values, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        boolean looksLikeJson = text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
        if (type.contains("json") || ((type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) && looksLikeJson)) {
            JsonNode parsed;
            try {
                // Trailing content after the JSON value is malformed too, as for Rails' JSON.parse.
                parsed = JSON_BODY.readTree(body);
            } catch (JsonProcessingException e) {
                throw Errors.badRequest("malformed JSON body: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw Errors.badRequest("unreadable JSON body: " + e.getMessage());
            }
            if (parsed instanceof ObjectNode object) {
                values.setAll(object);
            } else if (parsed != null && !parsed.isMissingNode()) {
                values.set("_json", parsed);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            RailsParams.addForm(values, text);
        }
    }

    private static void write(HttpServerExchange exchange, Response response) {
        if (exchange.isResponseStarted()) {
            return; // the client stopped sending its body and the read timeout already closed the exchange
        }
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        byte[] bytes = response.body() == null ? new byte[0] : Json.bytes(response.body());
        exchange.setResponseContentLength(bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}
