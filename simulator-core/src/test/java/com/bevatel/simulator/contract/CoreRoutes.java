package com.bevatel.simulator.contract;

import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.route.Routes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routes the simulator core registers ({@link Routes#registerAll}), listed from a router that is
 * never served. Routes an {@link com.bevatel.simulator.HttpExtension} adds (the standalone admin API,
 * the dashboard) are not among them: the contract covers Chatwoot's API and the core's own routes.
 */
final class CoreRoutes {
    private static final List<Router.Route> ROUTES = list();
    private static final Set<String> KEYS = ROUTES.stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toSet());

    private CoreRoutes() {
    }

    static List<Router.Route> all() {
        return ROUTES;
    }

    /** Is (method, template) one of the core's routes? */
    static boolean contains(String method, String template) {
        return KEYS.contains(method + " " + template);
    }

    private static List<Router.Route> list() {
        // Registration only stores handlers; no store is read until a request comes.
        Router router = new Router(null, Long.MAX_VALUE);
        Routes.registerAll(router);
        return router.routes();
    }
}
