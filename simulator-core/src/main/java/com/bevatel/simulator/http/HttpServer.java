package com.bevatel.simulator.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.RequestBufferingHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
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
    /** Query parameters (and form fields) per request. */
    public static final int MAX_PARAMETERS = 1000;
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

    private final Undertow undertow;
    private final String host;

    /**
     * @param readTimeout how long a connection may send nothing — in the middle of a request's
     *                    headers or body, or idle between requests — before it is closed
     */
    public HttpServer(String host, int port, HttpHandler handler, long maxBodyBytes, Duration readTimeout) {
        this.host = host;
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        HttpHandler buffered = new RequestBufferingHandler(handler, BUFFERED_BODY_BYTES / SharedWorker.buffers().getBufferSize());
        long bufferable = Math.min(maxBodyBytes, BUFFERED_BODY_BYTES);
        // Only bodies of a known, acceptable length: a too-large one must reach EndpointHandler for its JSON 413.
        // Undertow fixes a chunked body's limit when it parses the headers and cuts the connection past it, with
        // no answer: that server-wide limit is set DRAIN_LIMIT beyond ours, and EndpointHandler enforces ours on
        // chunked bodies. Bodies of a declared length get our limit back here, before anything reads them.
        HttpHandler root = exchange -> {
            long length = exchange.getRequestContentLength();
            if (length >= 0) {
                exchange.setMaxEntitySize(maxBodyBytes);
            }
            (length > 0 && length <= bufferable ? buffered : handler).handleRequest(exchange);
        };
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setWorker(SharedWorker.worker())
                .setByteBufferPool(SharedWorker.buffers())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, saturatedAdd(maxBodyBytes, EndpointHandler.DRAIN_LIMIT))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, timeoutMillis)
                .setSocketOption(Options.READ_TIMEOUT, timeoutMillis)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setHandler(root)
                .build();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    public void start() {
        undertow.start();
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
        undertow.stop();
    }
}
