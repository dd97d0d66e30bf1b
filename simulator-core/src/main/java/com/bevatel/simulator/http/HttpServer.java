package com.bevatel.simulator.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The Undertow server: one HTTP listener on the JVM-wide {@link SharedWorker}. */
public final class HttpServer implements AutoCloseable {
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

    public HttpServer(String host, int port, HttpHandler handler, long maxBodyBytes) {
        this.host = host;
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setWorker(SharedWorker.worker())
                .setByteBufferPool(SharedWorker.buffers())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, maxBodyBytes)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setHandler(handler)
                .build();
    }

    public void start() {
        undertow.start();
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
