package com.bevatel.simulator.http;

import com.bevatel.simulator.state.Store;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Methods;

/**
 * Undertow's {@link RoutingHandler} with the simulator's conventions: every endpoint goes through
 * {@link EndpointHandler} (params, errors, JSON), account endpoints through {@link Auth} first.
 */
public final class Router {
    public static final String ACCOUNT = "/api/v1/accounts/{account_id}";

    private final RoutingHandler routing = Handlers.routing();
    private final Store store;
    private final long maxBodyBytes;

    public Router(Store store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        HttpHandler notFound = new EndpointHandler(request -> {
            throw com.bevatel.simulator.domain.Errors.publicNotFound();
        }, maxBodyBytes);
        routing.setFallbackHandler(notFound);
        routing.setInvalidMethodHandler(notFound);
    }

    public Store store() {
        return store;
    }

    public void get(String path, Endpoint endpoint) {
        routing.add(Methods.GET, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void post(String path, Endpoint endpoint) {
        routing.add(Methods.POST, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void patch(String path, Endpoint endpoint) {
        routing.add(Methods.PATCH, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void put(String path, Endpoint endpoint) {
        routing.add(Methods.PUT, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void delete(String path, Endpoint endpoint) {
        routing.add(Methods.DELETE, path, new EndpointHandler(endpoint, maxBodyBytes));
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

    public HttpHandler handler() {
        return routing;
    }
}
