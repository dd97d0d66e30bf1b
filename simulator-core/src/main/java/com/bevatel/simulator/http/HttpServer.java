package com.bevatel.simulator.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.json.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.handlers.RequestBufferingHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.IoUtils;
import org.xnio.Options;

/**
 * The Undertow server: one HTTP listener on the JVM-wide {@link SharedWorker}, with limits that keep
 * a misbehaving client from holding the shared request threads: request line plus headers at most
 * {@link #MAX_HEADER_BYTES} (beyond: 400 and the connection closes), bodies of a declared length
 * buffered on the I/O thread before a request thread takes them, and a read timeout for clients
 * that stop sending.
 */
public final class HttpServer implements AutoCloseable {
    /** Request line (so the URL) and headers together; Puma, before Chatwoot, allows about 112 KiB of headers. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    public static final int MAX_HEADERS = 200;
    /** Parameters per request: query string, form fields, multipart parts and JSON values together. */
    public static final int MAX_PARAMETERS = RailsParams.MAX_PARAMETERS;
    /**
     * Bodies up to this many bytes are read on the I/O thread before a request thread runs, so a
     * client that sends half a body, or sends it slowly, holds a connection, not a thread.
     */
    public static final int BUFFERED_BODY_BYTES = 1024 * 1024;

    /**
     * Undertow and XNIO announce every start and stop at INFO; a test suite starts many simulators,
     * so they are lowered to WARNING unless the user configured them. Held strongly: JUL keeps
     * loggers weakly and would forget the level.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"));

    static {
        QUIET.stream().filter(logger -> logger.getLevel() == null).forEach(logger -> logger.setLevel(Level.WARNING));
    }

    /** Marks an exchange whose body the server read in full before the handlers ran. */
    private static final AttachmentKey<Boolean> BUFFERED = AttachmentKey.create(Boolean.class);

    private final Undertow undertow;
    private final String host;
    private final int requestedPort;
    /**
     * Connections that have sent a request. The I/O threads are shared by every server of the JVM, so
     * stopping the listener leaves open connections served: close() closes them, and a closed server
     * answers nothing, so a client's pooled connection never reaches a simulator that was closed.
     */
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param readTimeout how long a connection may send nothing — in the middle of a request's
     *                    headers or body, or idle between requests — before it is closed
     */
    public HttpServer(String host, int port, HttpHandler handler, long maxBodyBytes, Duration readTimeout) {
        this.host = host;
        this.requestedPort = port;
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        HttpHandler buffered = new RequestBufferingHandler(handler, BUFFERED_BODY_BYTES / SharedWorker.buffers().getBufferSize());
        long bufferable = Math.min(maxBodyBytes, BUFFERED_BODY_BYTES);
        // Only bodies of a known, acceptable length: a too-large one must reach EndpointHandler for its JSON 413.
        // Undertow fixes a chunked body's limit when it parses the headers and cuts the connection past it, with
        // no answer: that server-wide limit is set DRAIN_LIMIT beyond ours, and BodyReader enforces ours on
        // chunked bodies. Bodies of a declared length get our limit back here, before anything reads them.
        HttpHandler root = exchange -> {
            if (!admitted(exchange.getConnection())) {
                return;
            }
            long length;
            try {
                length = exchange.getRequestContentLength();
            } catch (NumberFormatException e) {
                // An overflowed Content-Length Undertow let through: answered 400 and closed, body unread.
                invalidContentLength(exchange);
                return;
            }
            if (length >= 0) {
                exchange.setMaxEntitySize(maxBodyBytes);
            }
            if (length > 0 && length <= bufferable) {
                exchange.putAttachment(BUFFERED, Boolean.TRUE);
                buffered.handleRequest(exchange);
            } else {
                handler.handleRequest(exchange);
            }
        };
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setWorker(SharedWorker.worker())
                .setByteBufferPool(SharedWorker.buffers())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, saturatedAdd(maxBodyBytes, BodyReader.DRAIN_LIMIT))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                // Undertow's own count would refuse a long query string with a bare 400 before any handler:
                // it is set beyond what fits in the request line, and RailsParams counts every source (JSON 400).
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, timeoutMillis)
                .setSocketOption(Options.READ_TIMEOUT, timeoutMillis)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setHandler(root)
                .build();
    }

    private boolean admitted(ServerConnection connection) {
        if (!closed && connections.add(connection)) {
            connection.addCloseListener(connections::remove);
        }
        if (closed) {
            IoUtils.safeClose(connection);
            return false;
        }
        return true;
    }

    /** Is the whole request body here already: none at all, or buffered before the handlers ran? */
    static boolean bodyHere(HttpServerExchange exchange) {
        return exchange.isRequestComplete() || exchange.getAttachment(BUFFERED) != null;
    }

    private static void invalidContentLength(HttpServerExchange exchange) {
        ApiException error = BodyReader.invalidContentLength(exchange);
        exchange.setStatusCode(error.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(Json.string(error.body()));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** @throws CannotListenException when the host or port cannot be listened on, saying why */
    public void start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            CannotListenException listen = CannotListenException.of(host, requestedPort, e);
            throw listen != null ? listen : e;
        }
    }

    /**
     * Creates the JVM-wide I/O threads now (XNIO's start, with its JMX registration, is most of a
     * first start's cost), for a caller that overlaps it with other work. Failures are left for the
     * real start to report.
     */
    public static void prepareWorker() {
        try {
            SharedWorker.worker();
        } catch (RuntimeException | Error ignored) {
            // start() meets the same problem and reports it.
        }
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The address the listener is bound to (the wildcard address when it listens on all). */
    public InetAddress boundAddress() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getAddress();
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        closed = true;
        undertow.stop();
        connections.forEach(IoUtils::safeClose);
    }
}
