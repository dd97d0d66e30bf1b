package com.bevatel.simulator.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The server's root handler, bound once the simulator is assembled: the port must be known before
 * the seeded state is (its inbox may call back to the simulator's own sink). Until then: 503.
 */
public final class LateBoundHandler implements HttpHandler {
    private volatile HttpHandler target;

    public void bind(HttpHandler handler) {
        this.target = handler;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler current = target;
        if (current == null) {
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            exchange.getResponseSender().send("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"starting\"}");
            return;
        }
        current.handleRequest(exchange);
    }
}
