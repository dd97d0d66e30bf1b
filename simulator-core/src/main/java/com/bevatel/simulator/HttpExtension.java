package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.http.Router;
import io.undertow.server.HttpHandler;
import org.apiguardian.api.API;

/**
 * Adds routes to a simulator's server when it starts, with the simulator at hand (its journal,
 * clock, faults). The standalone jar's admin API and dashboard are extensions; the core knows
 * nothing of them.
 *
 * <p>Experimental: routes are registered on the simulator's internal {@link Router}, and requests
 * arrive as Undertow's, so an extension outside this project's modules is tied to both and may need
 * changes in any release. Register one with {@link BevatelSimulator.Builder#extension(HttpExtension)}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface HttpExtension {
    /**
     * Adds this extension's routes. Internal, because {@link Router} is: it changes with the
     * simulator's request handling, without notice.
     *
     * @param router    where the simulator's own routes are registered
     * @param simulator the simulator starting (its port is bound; nothing is served yet)
     */
    @API(status = INTERNAL)
    void register(Router router, BevatelSimulator simulator);

    /**
     * Wraps the server's whole handler — every request, the built-in sinks included — once routes
     * are registered: e.g. an access check over a path prefix. Extensions wrap in the order they
     * were added, so the last one added sees a request first.
     *
     * @param next the handler as wrapped so far
     * @return the handler to serve with; the default: {@code next} itself
     */
    default HttpHandler wrap(HttpHandler next) {
        return next;
    }
}
