package com.bevatel.simulator.http;

import com.bevatel.simulator.state.Store;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undertow's {@link RoutingHandler} with the simulator's conventions: every endpoint goes through
 * {@link EndpointHandler} (params, errors, JSON), account endpoints through {@link Auth} first.
 */
public final class Router {
    public static final String ACCOUNT = "/api/v1/accounts/{account_id}";
    private static final String ACCOUNT_PREFIX = "/api/v1/accounts/";

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
    private final List<Route> routes = new ArrayList<>();
    /**
     * Account routes by the literal segment after the account id ("conversations", "contacts" …),
     * and, where the segment after the resource's id is literal too, by both
     * ("conversations/*&#47;messages"). Undertow tries a method's templates one after another, and
     * all account routes share one stem; grouped, a request is matched against the few routes of
     * its (sub-)resource only. Whatever a group does not match falls through to its resource's
     * group, then to the main routing, which answers exactly as before.
     */
    private final Map<String, RoutingHandler> byResource = new HashMap<>();
    private final Store store;
    private final long maxBodyBytes;
    private boolean ioThread = true;

    public Router(Store store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        HttpHandler notFound = new EndpointHandler(null, request -> {
            throw com.bevatel.simulator.domain.Errors.publicNotFound();
        }, null, maxBodyBytes, true);
        routing.setFallbackHandler(notFound);
        routing.setInvalidMethodHandler(notFound);
    }

    public Store store() {
        return store;
    }

    /**
     * Where endpoints registered from now on run. {@code true} (the default, for the simulator's own
     * routes): on the I/O thread, which is the fastest, but such an endpoint must never block (no
     * waiting, no I/O, no long computation; the store's lock is fine). {@code false}: on a worker
     * thread, where an endpoint may block; extensions get this unless they ask otherwise.
     */
    public void endpointsOnIoThread(boolean onIoThread) {
        this.ioThread = onIoThread;
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

    /** A handler that writes its own response (files, server-sent events): no JSON conventions applied. */
    public void raw(HttpString method, String path, HttpHandler handler) {
        routingFor(path).add(method, path, handler);
        routes.add(new Route(method.toString(), path, false));
    }

    /** A GET answered by a plain Undertow handler (a non-JSON body, e.g. an attachment's bytes). */
    public void getRaw(String path, HttpHandler handler) {
        raw(Methods.GET, path, handler);
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
     * The caller of an account route, as its guard found it before the body was read: bots pass on
     * their endpoints, and an agent is refused records outside their inboxes and teams
     * ({@link RecordAccess}). Headers and path parameters are all it reads.
     */
    private static final AttachmentKey<Caller> CALLER = AttachmentKey.create(Caller.class);

    private EndpointHandler.Guard accountGuard(String method, String subPath) {
        boolean botAllowed = BOT_ENDPOINTS.contains(method + " " + subPath);
        return request -> request.exchange().putAttachment(CALLER, store.read(state -> {
            Caller caller = Auth.caller(state, request, botAllowed);
            RecordAccess.check(state, caller, subPath, request);
            return caller;
        }));
    }

    /** Authenticated by its guard, before its body is read: a request refused there is never parsed. */
    private void accountRoute(HttpString method, String subPath, AccountEndpoint endpoint) {
        add(method, ACCOUNT + subPath, request -> endpoint.handle(request, request.exchange().getAttachment(CALLER)),
                accountGuard(method.toString(), subPath));
    }

    public void accountGet(String subPath, AccountEndpoint endpoint) {
        accountRoute(Methods.GET, subPath, endpoint);
    }

    public void accountPost(String subPath, AccountEndpoint endpoint) {
        accountRoute(Methods.POST, subPath, endpoint);
    }

    public void accountUpdate(String subPath, AccountEndpoint endpoint) {
        accountRoute(Methods.PUT, subPath, endpoint);
        accountRoute(Methods.PATCH, subPath, endpoint);
    }

    public void accountPatch(String subPath, AccountEndpoint endpoint) {
        accountRoute(Methods.PATCH, subPath, endpoint);
    }

    public void accountDelete(String subPath, AccountEndpoint endpoint) {
        accountRoute(Methods.DELETE, subPath, endpoint);
    }

    private void add(HttpString method, String path, Endpoint endpoint) {
        add(method, path, endpoint, null);
    }

    private void add(HttpString method, String path, Endpoint endpoint, EndpointHandler.Guard guard) {
        routingFor(path).add(method, path, new EndpointHandler(path, endpoint, guard, maxBodyBytes, ioThread));
        routes.add(new Route(method.toString(), path, true));
    }

    /** Every registered (method, path template), in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * One registered route: an HTTP method, an Undertow path template, and whether it goes through
     * {@link EndpointHandler} (JSON, errors, {@link ExchangeObserver}s) or is {@link #raw raw}.
     */
    public record Route(String method, String template, boolean json) {
    }

    public HttpHandler handler() {
        return exchange -> {
            RoutingHandler group = null;
            if (!byResource.isEmpty()) {
                String path = exchange.getRelativePath();
                String resource = resource(path);
                String subResource = resource == null ? null : subResource(path);
                group = subResource == null ? null : byResource.get(subResource);
                if (group == null && resource != null) {
                    group = byResource.get(resource);
                }
            }
            (group != null ? group : routing).handleRequest(exchange);
        };
    }

    private RoutingHandler routingFor(String template) {
        String resource = resource(template);
        if (resource == null || resource.isEmpty() || !literal(resource)) {
            return routing;
        }
        String subResource = subResource(template);
        String key = subResource != null && literal(subResource.substring(subResource.lastIndexOf('/') + 1)) ? subResource : resource;
        return byResource.computeIfAbsent(key, k -> {
            RoutingHandler group = Handlers.routing();
            // Looked up per request: the resource's own group may be registered after this one.
            HttpHandler next = k.equals(resource) ? routing : exchange -> byResource.getOrDefault(resource, routing).handleRequest(exchange);
            group.setFallbackHandler(next);
            group.setInvalidMethodHandler(next);
            return group;
        });
    }

    private static boolean literal(String segment) {
        return segment.indexOf('{') < 0 && segment.indexOf('*') < 0;
    }

    /**
     * {@code <resource>/*&#47;<segment>}: the resource and the segment after its id, for a path or
     * template that has one ({@code conversations/*&#47;messages} for {@code …/conversations/7/messages/3}), or null.
     */
    private static String subResource(String path) {
        int accountEnd = path.indexOf('/', ACCOUNT_PREFIX.length());
        int resourceEnd = accountEnd < 0 ? -1 : path.indexOf('/', accountEnd + 1);
        int idEnd = resourceEnd < 0 ? -1 : path.indexOf('/', resourceEnd + 1);
        if (idEnd < 0 || idEnd + 1 >= path.length()) {
            return null;
        }
        int end = path.indexOf('/', idEnd + 1);
        return path.substring(accountEnd + 1, resourceEnd) + "/*/" + path.substring(idEnd + 1, end < 0 ? path.length() : end);
    }

    /** The segment after {@code /api/v1/accounts/<id>/} of a path or template, or null. */
    private static String resource(String path) {
        if (!path.startsWith(ACCOUNT_PREFIX)) {
            return null;
        }
        int idEnd = path.indexOf('/', ACCOUNT_PREFIX.length());
        if (idEnd < 0) {
            return null;
        }
        int end = path.indexOf('/', idEnd + 1);
        return path.substring(idEnd + 1, end < 0 ? path.length() : end);
    }

}
