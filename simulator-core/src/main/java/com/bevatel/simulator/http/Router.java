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

/**
 * Undertow's {@link RoutingHandler} with the simulator's conventions: every endpoint goes through
 * {@link EndpointHandler} (params, errors, JSON), account endpoints through {@link Auth} and their
 * declared {@link Access} first. Every route under {@link #ACCOUNT} is registered with an
 * {@code Access}: the plain methods refuse that prefix.
 */
public final class Router {
    public static final String ACCOUNT = "/api/v1/accounts/{account_id}";
    private static final String ACCOUNT_PREFIX = "/api/v1/accounts/";

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
        requireOutsideAccounts(method, path);
        routingFor(path).add(method, path, handler);
        routes.add(new Route(method.toString(), path, false, null));
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

    /**
     * The caller of an account route, as its guard found it before the body was read: a bot passes
     * on routes open to bots, and an agent is refused records outside their inboxes and teams, and
     * actions for administrators ({@link RecordAccess}). Headers and path parameters are all it reads.
     */
    private static final AttachmentKey<Caller> CALLER = AttachmentKey.create(Caller.class);

    private EndpointHandler.Guard accountGuard(Access access) {
        boolean botsAllowed = access.isOpenToBots();
        return request -> request.exchange().putAttachment(CALLER, store.read(state -> {
            Caller caller = Auth.caller(state, request, botsAllowed);
            RecordAccess.check(state, caller, access, request);
            return caller;
        }));
    }

    /**
     * Authenticated by its guard, before its body is read: a request refused there is never parsed.
     * Fails fast, naming the route, when {@code access} is missing or does not fit the template.
     */
    private void accountRoute(HttpString method, String subPath, Access access, AccountEndpoint endpoint) {
        String route = method + " " + ACCOUNT + subPath;
        if (access == null) {
            throw new IllegalArgumentException(route + ": no Access declared; say who may call it");
        }
        access.requireFits(route, subPath);
        add(method, ACCOUNT + subPath, request -> endpoint.handle(request, request.exchange().getAttachment(CALLER)),
                accountGuard(access), access);
    }

    public void accountGet(String subPath, Access access, AccountEndpoint endpoint) {
        accountRoute(Methods.GET, subPath, access, endpoint);
    }

    public void accountPost(String subPath, Access access, AccountEndpoint endpoint) {
        accountRoute(Methods.POST, subPath, access, endpoint);
    }

    /** Rails' {@code update}: PUT and PATCH are interchangeable. */
    public void accountUpdate(String subPath, Access access, AccountEndpoint endpoint) {
        accountRoute(Methods.PUT, subPath, access, endpoint);
        accountRoute(Methods.PATCH, subPath, access, endpoint);
    }

    public void accountPatch(String subPath, Access access, AccountEndpoint endpoint) {
        accountRoute(Methods.PATCH, subPath, access, endpoint);
    }

    public void accountDelete(String subPath, Access access, AccountEndpoint endpoint) {
        accountRoute(Methods.DELETE, subPath, access, endpoint);
    }

    private void add(HttpString method, String path, Endpoint endpoint) {
        requireOutsideAccounts(method, path);
        add(method, path, endpoint, null, null);
    }

    private void add(HttpString method, String path, Endpoint endpoint, EndpointHandler.Guard guard, Access access) {
        routingFor(path).add(method, path, new EndpointHandler(path, endpoint, guard, maxBodyBytes, ioThread));
        routes.add(new Route(method.toString(), path, true, access));
    }

    /** A plain route under the accounts would skip authentication and its {@link Access}: refused. */
    private static void requireOutsideAccounts(HttpString method, String path) {
        if (path.startsWith(ACCOUNT_PREFIX)) {
            throw new IllegalArgumentException(method + " " + path + ": a route under " + ACCOUNT
                    + " is registered with accountGet, accountPost … and the Access that says who may call it");
        }
    }

    /** Every registered (method, path template), in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * One registered route: an HTTP method, an Undertow path template, whether it goes through
     * {@link EndpointHandler} (JSON, errors, {@link ExchangeObserver}s) or is {@link #raw raw}, and
     * who may call it: its {@link Access} under {@link #ACCOUNT}, null elsewhere (the Client API,
     * the profile, the simulator's and extensions' own routes decide for themselves).
     */
    public record Route(String method, String template, boolean json, Access access) {
        public boolean openToBots() {
            return access != null && access.isOpenToBots();
        }
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
