package com.bevatel.simulator.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;

/** The Undertow server: one HTTP listener, small thread pools (it is a test tool on small machines). */
public final class HttpServer implements AutoCloseable {
    private final Undertow undertow;
    private final String host;

    public HttpServer(String host, int port, HttpHandler handler, long maxBodyBytes) {
        this.host = host;
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
                .setWorkerThreads(16)
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
