package com.bevatel.simulator.http;

import com.bevatel.simulator.state.Store;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;

/**
 * Undertow's {@link RoutingHandler} with the simulator's conventions: every endpoint goes through
 * {@link EndpointHandler} (params, errors, JSON), account endpoints through {@link Auth} first.
 */
public final class Router {
    public static final String ACCOUNT = "/api/v1/accounts/{account_id}";

    private final RoutingHandler routing = Handlers.routing();
    private final List<Route> routes = new ArrayList<>();
    private final Store store;
    private final long maxBodyBytes;

    public Router(Store store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        HttpHandler notFound = new EndpointHandler(null, request -> {
            throw com.bevatel.simulator.domain.Errors.publicNotFound();
        }, maxBodyBytes);
        routing.setFallbackHandler(notFound);
        routing.setInvalidMethodHandler(notFound);
    }

    public Store store() {
        return store;
    }

    public void get(String path, Endpoint endpoint) {
        add(Methods.GET, path, endpoint);
    }

    public void post(String path, Endpoint endpoint) {
        add(Methods.POST, path, endpoint);
    }

    public void patch(String path, Endpoint endpoint) {
        add(Methods.PATCH, path, endpoint);
    }

    public void put(String path, Endpoint endpoint) {
        add(Methods.PUT, path, endpoint);
    }

    public void delete(String path, Endpoint endpoint) {
        add(Methods.DELETE, path, endpoint);
    }

    /** Rails' {@code update}: PUT and PATCH are interchangeable. */
    public void update(String path, Endpoint endpoint) {
        put(path, endpoint);
        patch(path, endpoint);
    }

    /** An endpoint under {@link #ACCOUNT}, authenticated as API.md §2.1 says. */
    public Endpoint account(AccountEndpoint endpoint) {
        return request -> endpoint.handle(request, store.read(state -> Auth.caller(state, request)));
    }

    public void accountGet(String subPath, AccountEndpoint endpoint) {
        get(ACCOUNT + subPath, account(endpoint));
    }

    public void accountPost(String subPath, AccountEndpoint endpoint) {
        post(ACCOUNT + subPath, account(endpoint));
    }

    public void accountUpdate(String subPath, AccountEndpoint endpoint) {
        update(ACCOUNT + subPath, account(endpoint));
    }

    public void accountPatch(String subPath, AccountEndpoint endpoint) {
        patch(ACCOUNT + subPath, account(endpoint));
    }

    public void accountDelete(String subPath, AccountEndpoint endpoint) {
        delete(ACCOUNT + subPath, account(endpoint));
    }

    private void add(HttpString method, String path, Endpoint endpoint) {
        routing.add(method, path, new EndpointHandler(path, endpoint, maxBodyBytes));
        routes.add(new Route(method.toString(), path));
    }

    /** Every registered (method, path template), in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** One registered route: an HTTP method and an Undertow path template. */
    public record Route(String method, String template) {
    }

    public HttpHandler handler() {
        return routing;
    }
}
