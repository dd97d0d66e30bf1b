package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.standalone.dashboard.Dashboard;
import com.bevatel.simulator.webhook.Sinks;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The admin token over everything under {@code /_simulator/} — the admin API, the dashboard, the
 * agent and clock routes — in one place, so routes added by any extension are covered. The token
 * comes in the {@code X-Simulator-Admin-Token} header, as {@code Authorization: Bearer …}, or as the
 * {@code admin_token} query parameter; it is compared in constant time. The built-in webhook sinks
 * ({@code /_simulator/sink/…}) stay open: they receive the simulator's own deliveries, which carry no token.
 *
 * <p>A browser opens the dashboard as {@code /_simulator/ui?admin_token=…}: that answer is a
 * redirect to the same page without the token, with a {@link DashboardSession} cookie, which then
 * stands for the token on what the dashboard does — its page and data ({@code GET /_simulator/ui…})
 * and its agent actions ({@code POST /_simulator/agent/…}) — and nowhere else.
 */
final class AdminToken implements HttpHandler {
    static final String HEADER = "X-Simulator-Admin-Token";
    static final String QUERY_PARAMETER = "admin_token";
    private static final String UNAUTHORIZED = "admin token required: send it in the " + HEADER
            + " header (or Authorization: Bearer, or ?" + QUERY_PARAMETER + "=)";
    private static final String DASHBOARD = AdminApi.PREFIX + "ui";

    private final byte[] expectedDigest;
    private final DashboardSession session;
    private final HttpHandler next;

    AdminToken(String token, int port, HttpHandler next) {
        this(token, new DashboardSession(port, Clock.systemUTC()), next);
    }

    AdminToken(String token, DashboardSession session, HttpHandler next) {
        this.expectedDigest = digest(token);
        this.session = session;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(AdminApi.PREFIX) || path.startsWith(Sinks.PREFIX)) {
            next.handleRequest(exchange);
            return;
        }
        if (tokenShown(exchange)) {
            if (dashboardPage(path) && exchange.getRequestMethod().equals(Methods.GET)
                    && exchange.getQueryParameters().containsKey(QUERY_PARAMETER)) {
                // The token leaves the address bar at once; the browser keeps the session instead.
                session.start(exchange);
                exchange.setStatusCode(303);
                exchange.getResponseHeaders().put(Headers.LOCATION, withoutToken(path, exchange.getQueryString()));
                exchange.endExchange();
                return;
            }
            next.handleRequest(exchange);
            return;
        }
        if (dashboardRequest(exchange, path)) {
            long remaining = session.remainingSeconds(exchange);
            if (remaining > 0) {
                if (remaining < DashboardSession.LIFETIME.toSeconds() / 2) {
                    session.start(exchange); // in use: renewed, so an open dashboard does not lapse
                }
                next.handleRequest(exchange);
                return;
            }
        }
        if (staticDashboardFile(path)) {
            // Open, so the page can load without the token in its module imports; but then it must
            // not carry the data that the page inlines for a caller who showed the token.
            exchange.putAttachment(Dashboard.PAGE_WITHOUT_DATA, Boolean.TRUE);
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"bevatel-simulator\"");
        AdminJson.send(exchange, 401, AdminJson.error(UNAUTHORIZED));
    }

    private static boolean dashboardPage(String path) {
        return path.equals(DASHBOARD) || path.equals(DASHBOARD + "/");
    }

    /** What the dashboard's page does, and all its session cookie is good for. */
    private static boolean dashboardRequest(HttpServerExchange exchange, String path) {
        boolean read = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        return read ? dashboardPage(path) || path.startsWith(DASHBOARD + "/")
                : exchange.getRequestMethod().equals(Methods.POST) && path.startsWith(AdminApi.PREFIX + "agent/");
    }

    /**
     * The dashboard's page, script and style files are fetched by the browser without the token
     * (module imports carry no query), and hold no data when so fetched; its data under
     * {@code /ui/api/} needs it.
     */
    private static boolean staticDashboardFile(String path) {
        if (dashboardPage(path)) {
            return true;
        }
        return path.startsWith(DASHBOARD + "/") && !path.startsWith(DASHBOARD + "/api/")
                && (path.endsWith(".js") || path.endsWith(".css") || path.endsWith(".html"));
    }

    /** The page's address with every other query parameter, in order, and the token gone. */
    static String withoutToken(String path, String query) {
        List<String> kept = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (!pair.isEmpty() && !decoded(pair.split("=", 2)[0]).equals(QUERY_PARAMETER)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    private boolean tokenShown(HttpServerExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(HEADER);
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        if (given == null) {
            Deque<String> query = exchange.getQueryParameters().get(QUERY_PARAMETER);
            given = query == null ? null : query.peekFirst();
        }
        // Digests have one length, so the comparison takes the same time whatever was sent.
        return given != null && MessageDigest.isEqual(expectedDigest, digest(given));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
