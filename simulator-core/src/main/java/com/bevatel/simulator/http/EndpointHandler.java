package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one endpoint: the body (received without blocking, {@link BodyReader}), the parameters
 * ({@link RequestParser}), the route's guard (authentication, from the headers and path alone: before
 * the body when it is still to come), the endpoint, its JSON; and turns every failure into a JSON
 * error body — the one place errors are rendered.
 *
 * <p>Where it runs: the simulator's own endpoints are in-memory work of microseconds (store
 * operations hold the store's lock only briefly), so with a body of up to {@link #INLINE_BYTES}
 * they run on the I/O thread, which costs a fraction of a hand-off to a worker thread; parsing such
 * a body is linear and stops at the limits, so it is bounded work too. A larger body (JSON of
 * megabytes, multipart uploads) is parsed on a worker thread once it has arrived, and so are the
 * endpoints registered with {@code ioThread = false} (extensions, which may wait on something). No
 * thread waits for a body: a slow client holds a connection, not a thread.
 */
final class EndpointHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EndpointHandler.class.getName());
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    /** Bodies up to this size are parsed, and their endpoint run, on the I/O thread. */
    static final int INLINE_BYTES = 64 * 1024;

    /** Checks a request before its body is read, from its headers and path; throws {@link ApiException} to refuse it. */
    @FunctionalInterface
    interface Guard {
        void check(Request headersAndPath);
    }

    private final String route;
    private final Endpoint endpoint;
    private final Guard guard;
    private final long maxBodyBytes;
    private final boolean ioThread;

    /**
     * @param route     the path template this handler is registered under; null for the unknown-route fallback
     * @param guard     authentication from the headers and path alone (see {@link #handleRequest}), or null
     */
    EndpointHandler(String route, Endpoint endpoint, Guard guard, long maxBodyBytes, boolean ioThread) {
        this.route = route;
        this.endpoint = endpoint;
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
        this.ioThread = ioThread;
    }

    /**
     * Order: Rails parses a body before the controller authenticates (its request log reads the
     * parameters first), so malformed JSON is a 400 even without a token; a body that is already here
     * (no body, or one of at most {@link HttpServer#BUFFERED_BODY_BYTES} buffered before this handler
     * ran) is parsed first too. A body still to come — large, or chunked — is not read at all for a
     * request its guard refuses: an unauthenticated upload costs its headers, not its body.
     */
    @Override
    public void handleRequest(HttpServerExchange exchange) {
        boolean guardFirst = guard != null && !HttpServer.bodyHere(exchange);
        if (guardFirst) {
            try {
                guard.check(new Request(exchange, Params.empty()));
            } catch (ApiException e) {
                write(exchange, refusedUnread(exchange, e));
                return;
            } catch (RuntimeException e) {
                write(exchange, internalError(exchange, e));
                return;
            }
        }
        BodyReader.read(exchange, maxBodyBytes, new BodyReader.Callback() {
            @Override
            public void body(HttpServerExchange ex, byte[] body) {
                received(ex, body, guard != null && !guardFirst);
            }

            @Override
            public void failed(HttpServerExchange ex, ApiException error) {
                write(ex, errorResponse(error));
            }
        });
    }

    /** The whole body is here (on the I/O thread, unless a wrapper dispatched the exchange): parse and run. */
    private void received(HttpServerExchange exchange, byte[] body, boolean guardAfter) {
        if (!exchange.isInIoThread() || (ioThread && body.length <= INLINE_BYTES)) {
            respond(exchange, body, guardAfter);
        } else {
            exchange.dispatch(exchange.getConnection().getWorker(), ex -> respond(ex, body, guardAfter));
        }
    }

    private void respond(HttpServerExchange exchange, byte[] body, boolean guardAfter) {
        write(exchange, run(exchange, () -> {
            Request request = RequestParser.parse(exchange, body);
            if (guardAfter) {
                guard.check(request);
            }
            return request;
        }));
    }

    /** The endpoint's answer, or the error it (or reading its request) ended in. */
    private Response run(HttpServerExchange exchange, Supplier<Request> request) {
        try {
            return endpoint.handle(request.get());
        } catch (ApiException e) {
            return errorResponse(e);
        } catch (RuntimeException | Error e) {
            // Errors too (a stack overflow, an assertion): else Undertow answers them with an empty 500.
            return internalError(exchange, e);
        }
    }

    /**
     * A simulator bug (a client mistake must never get here), named in the body to be reported. A
     * write it interrupted was rolled back (the store commits only an operation that returned, and an
     * endpoint's answer is rendered inside its write: see {@link Response}).
     */
    private static Response internalError(HttpServerExchange exchange, Throwable e) {
        LOG.log(Level.SEVERE, "unexpected error on " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
        ObjectNode body = Json.object();
        body.put("status", 500);
        body.put("error", "Internal Server Error");
        body.put("exception", e.getClass().getName() + ": " + e.getMessage());
        return new Response(500, body);
    }

    private static Response errorResponse(ApiException e) {
        return new Response(e.status(), e.body());
    }

    /**
     * Refused before its body was read. A body buffered before the handler ran is complete; one still
     * arriving (large or chunked) is not read at all: the connection closes after the answer rather than
     * read and drop what may be megabytes from an unauthenticated client.
     */
    private static Response refusedUnread(HttpServerExchange exchange, ApiException e) {
        return errorResponse(HttpServer.bodyHere(exchange) ? e : BodyReader.closing(exchange, e));
    }

    /** Non-blocking: from the I/O thread the bytes are queued and written as the socket takes them. */
    private void write(HttpServerExchange exchange, Response response) {
        if (exchange.isResponseStarted()) {
            return; // the client stopped sending its body and the read timeout already closed the exchange
        }
        exchange.setStatusCode(response.status());
        if (response.status() != 204) { // Rails drops the content type of a head :no_content
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        }
        byte[] bytes = response.bytes();
        // Before the body is sent, so no client sees a response the observers have not (they never throw).
        ExchangeObservers.response(new ExchangeObserver.Exchange(exchange.getRequestMethod().toString(), route,
                exchange.getRequestPath(), response.status(), bytes));
        exchange.setResponseContentLength(bytes.length);
        ResponseBodies.send(exchange, bytes);
    }
}
