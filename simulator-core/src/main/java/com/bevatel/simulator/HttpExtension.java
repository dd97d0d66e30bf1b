package com.bevatel.simulator;

import com.bevatel.simulator.http.Router;
import io.undertow.server.HttpHandler;

/**
 * Adds routes to a simulator's server when it starts, with the simulator at hand (its store,
 * journal, clock). The standalone jar's admin API and dashboard are extensions; the core knows
 * nothing of them.
 */
@FunctionalInterface
public interface HttpExtension {
    void register(Router router, BevatelSimulator simulator);

    /**
     * Wraps the server's whole handler — every request, the built-in sinks included — once routes
     * are registered: e.g. an access check over a path prefix. Extensions wrap in the order they
     * were added, so the last one added sees a request first. The default wraps nothing.
     */
    default HttpHandler wrap(HttpHandler next) {
        return next;
    }
}
