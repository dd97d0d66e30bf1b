package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Receives a request's whole body without blocking, on the I/O thread: a client that sends slowly
 * holds a connection and its bytes so far, never a thread (a blocking read held one of the 32
 * request threads all simulators of a JVM share per slow client, and 33 slow uploads stopped every
 * request that needed one). Bodies over the limit end in a JSON 413, and the connection stays
 * usable whenever the rest of the body can be read and dropped.
 */
final class BodyReader {
    /** Oversized bodies up to this size are drained so the client reads its 413 (see {@link #drainThen413}). */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /** What receives the body, or the error reading it ended in; called on the I/O thread. */
    interface Callback {
        void body(HttpServerExchange exchange, byte[] body);

        void failed(HttpServerExchange exchange, ApiException error);
    }

    private BodyReader() {
    }

    static void read(HttpServerExchange exchange, long maxBodyBytes, Callback callback) {
        long declared;
        try {
            declared = exchange.getRequestContentLength();
        } catch (NumberFormatException e) {
            callback.failed(exchange, invalidContentLength(exchange));
            return;
        }
        if (declared > maxBodyBytes) {
            drainThen413(exchange, declared, maxBodyBytes, callback);
        } else if (declared >= 0 && declared <= HttpServer.BUFFERED_BODY_BYTES) {
            // Usually already buffered (see HttpServer): then this calls back at once.
            exchange.getRequestReceiver().receiveFullBytes(callback::body,
                    (ex, error) -> callback.failed(ex, readError(ex, error, maxBodyBytes)));
        } else {
            receiveInParts(exchange, declared, maxBodyBytes, callback);
        }
    }

    /**
     * A chunked body (its length unknown: Undertow cuts such a body off, with no answer, past its
     * entity limit, so that limit is {@link #DRAIN_LIMIT} beyond ours for them, see {@link HttpServer},
     * and ours is checked here: past it the rest is read and dropped, then answered 413), or a large
     * one of declared length.
     */
    private static void receiveInParts(HttpServerExchange exchange, long declared, long maxBodyBytes, Callback callback) {
        // Grows as bytes come: a slow client that only announces 50 MiB does not get 50 MiB set aside.
        ByteArrayOutputStream kept = new ByteArrayOutputStream(8192);
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
                if (tooLarge[0]) {
                    callback.failed(ex, bodyTooLarge(maxBodyBytes));
                } else {
                    callback.body(ex, kept.toByteArray());
                }
            }
        }, (ex, error) -> callback.failed(ex, readError(ex, error, maxBodyBytes)));
    }

    /**
     * A body announced (Content-Length) as too large. Most clients send the whole body before they
     * read the answer, so closing at once would show them a broken connection instead of the 413: a
     * body up to {@link #DRAIN_LIMIT} is read and dropped first (without blocking), and the connection
     * stays usable. A larger one is answered at once and its connection closed.
     */
    private static void drainThen413(HttpServerExchange exchange, long declared, long maxBodyBytes, Callback callback) {
        if (declared > DRAIN_LIMIT) {
            callback.failed(exchange, closing(exchange, bodyTooLarge(maxBodyBytes)));
            return;
        }
        exchange.setMaxEntitySize(declared);
        exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
            if (last) {
                callback.failed(ex, bodyTooLarge(maxBodyBytes));
            }
        }, (ex, error) -> callback.failed(ex, closing(ex, bodyTooLarge(maxBodyBytes))));
    }

    /** Past Undertow's limit, or a broken connection. */
    private static ApiException readError(HttpServerExchange exchange, IOException error, long maxBodyBytes) {
        if (error instanceof RequestTooBigException) {
            return closing(exchange, bodyTooLarge(maxBodyBytes));
        }
        return Errors.badRequest("could not read the request body: " + error.getMessage());
    }

    /**
     * A Content-Length Undertow's parser let through that is no number Java reads (23 digits overflow
     * a long; Undertow keeps the overflowed value when it comes out positive). Where the body ends is
     * unknown, so nothing of it is read and the connection closes after the answer.
     */
    static ApiException invalidContentLength(HttpServerExchange exchange) {
        return closing(exchange, Errors.badRequest("invalid Content-Length: "
                + abbreviate(exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH))));
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /**
     * The unread rest of the body is still on the connection; keeping it open would make the next
     * request on it parse that rest as a request line, so the connection closes after this answer.
     */
    static ApiException closing(HttpServerExchange exchange, ApiException error) {
        exchange.setPersistent(false);
        return error;
    }

    static ApiException bodyTooLarge(long maxBodyBytes) {
        return Errors.error(413, "Request body is larger than " + maxBodyBytes + " bytes");
    }
}
