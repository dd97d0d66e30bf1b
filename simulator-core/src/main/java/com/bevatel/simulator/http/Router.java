package com.bevatel.simulator.http;

import com.bevatel.simulator.state.Store;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Undertow's {@link RoutingHandler} with the simulator's conventions: every endpoint goes through
 * {@link EndpointHandler} (params, errors, JSON), account endpoints through {@link Auth} first.
 */
public final class Router {
    public static final String ACCOUNT = "/api/v1/accounts/{account_id}";

    /**
     * Chatwoot's BOT_ACCESSIBLE_ENDPOINTS (4.16) as "METHOD subPath": every other account endpoint
     * answers an agent bot's token with 401 "Access to this endpoint is not authorized for bots".
     */
    private static final Set<String> BOT_ENDPOINTS = Set.of(
            "GET /conversations/{conversation_id}",
            "POST /conversations",
            "PUT /conversations/{conversation_id}",
            "PATCH /conversations/{conversation_id}",
            "POST /conversations/{conversation_id}/toggle_status",
            "POST /conversations/{conversation_id}/toggle_typing_status",
            "POST /conversations/{conversation_id}/toggle_priority",
            "POST /conversations/{conversation_id}/custom_attributes",
            "POST /conversations/{conversation_id}/messages",
            "POST /conversations/{conversation_id}/assignments",
            "GET /conversations/{conversation_id}/labels",
            "POST /conversations/{conversation_id}/labels");

    private final RoutingHandler routing = Handlers.routing();
    /** "METHOD /path/{template}" of every route, in registration order (for route-wide tests and docs). */
    private final List<String> routes = new ArrayList<>();
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
        add(Methods.GET, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void post(String path, Endpoint endpoint) {
        add(Methods.POST, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void patch(String path, Endpoint endpoint) {
        add(Methods.PATCH, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void put(String path, Endpoint endpoint) {
        add(Methods.PUT, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    public void delete(String path, Endpoint endpoint) {
        add(Methods.DELETE, path, new EndpointHandler(endpoint, maxBodyBytes));
    }

    /** A handler that writes its own response (files, server-sent events): no JSON conventions applied. */
    public void raw(HttpString method, String path, HttpHandler handler) {
        add(method, path, handler);
    }

    /** A GET answered by a plain Undertow handler (a non-JSON body, e.g. an attachment's bytes). */
    public void getRaw(String path, HttpHandler handler) {
        add(Methods.GET, path, handler);
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

    /**
     * As {@link #account(AccountEndpoint)}, knowing the route: bots pass on their endpoints, and an
     * agent is refused records outside their inboxes and teams ({@link RecordAccess}).
     */
    private Endpoint account(String method, String subPath, AccountEndpoint endpoint) {
        boolean botAllowed = BOT_ENDPOINTS.contains(method + " " + subPath);
        return request -> endpoint.handle(request, store.read(state -> {
            Caller caller = Auth.caller(state, request, botAllowed);
            RecordAccess.check(state, caller, subPath, request);
            return caller;
        }));
    }

    public void accountGet(String subPath, AccountEndpoint endpoint) {
        get(ACCOUNT + subPath, account("GET", subPath, endpoint));
    }

    public void accountPost(String subPath, AccountEndpoint endpoint) {
        post(ACCOUNT + subPath, account("POST", subPath, endpoint));
    }

    public void accountUpdate(String subPath, AccountEndpoint endpoint) {
        put(ACCOUNT + subPath, account("PUT", subPath, endpoint));
        patch(ACCOUNT + subPath, account("PATCH", subPath, endpoint));
    }

    public void accountPatch(String subPath, AccountEndpoint endpoint) {
        patch(ACCOUNT + subPath, account("PATCH", subPath, endpoint));
    }

    public void accountDelete(String subPath, AccountEndpoint endpoint) {
        delete(ACCOUNT + subPath, account("DELETE", subPath, endpoint));
    }

    public HttpHandler handler() {
        return routing;
    }

    /** Every registered route as "METHOD /path/{template}", in registration order. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private void add(HttpString method, String path, HttpHandler handler) {
        routing.add(method, path, handler);
        routes.add(method + " " + path);
    }
}
