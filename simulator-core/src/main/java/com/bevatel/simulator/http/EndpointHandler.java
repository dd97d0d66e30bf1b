package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one endpoint on a worker thread: reads and parses the body, calls the endpoint, writes its
 * JSON, and turns every failure into a JSON error body — the one place errors are rendered.
 */
final class EndpointHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EndpointHandler.class.getName());
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final List<ExchangeObserver> OBSERVERS = ServiceLoader
            .load(ExchangeObserver.class, ExchangeObserver.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    private final String route;
    private final Endpoint endpoint;
    private final long maxBodyBytes;

    /** @param route the path template this handler is registered under; null for the unknown-route fallback */
    EndpointHandler(String route, Endpoint endpoint, long maxBodyBytes) {
        this.route = route;
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
            response = endpoint.handle(new Request(exchange, parseParams(exchange)));
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

    private Params parseParams(HttpServerExchange exchange) {
        ObjectNode values = Json.object();
        RailsParams.addAll(values, exchange.getQueryParameters());
        byte[] body = readBody(exchange);
        if (body.length > 0) {
            mergeBody(values, exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body);
        }
        return new Params(values);
    }

    private byte[] readBody(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            byte[] body = exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (RequestTooBigException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw Errors.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private ApiException tooLarge() {
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
                parsed = Json.MAPPER.readTree(body);
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

    private void write(HttpServerExchange exchange, Response response) {
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        byte[] bytes = response.body() == null ? new byte[0] : Json.bytes(response.body());
        notifyObservers(new ExchangeObserver.Exchange(exchange.getRequestMethod().toString(), route,
                exchange.getRequestPath(), response.status(), bytes));
        exchange.setResponseContentLength(bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    /** Before the body is sent, so no client sees a response its observers have not; their failures are only logged. */
    private static void notifyObservers(ExchangeObserver.Exchange exchange) {
        for (ExchangeObserver observer : OBSERVERS) {
            try {
                observer.onExchange(exchange);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "exchange observer " + observer.getClass().getName() + " failed", e);
            }
        }
    }
}
