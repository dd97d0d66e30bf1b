package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.standalone.dashboard.Dashboard;
import com.bevatel.simulator.webhook.Sinks;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Deque;

/**
 * The admin token over everything under {@code /_simulator/} — the admin API, the dashboard, the
 * agent and clock routes — in one place, so routes added by any extension are covered. The token
 * comes in the {@code X-Simulator-Admin-Token} header, as {@code Authorization: Bearer …}, or (for a
 * browser opening the dashboard) as the {@code admin_token} query parameter; it is compared in
 * constant time. The built-in webhook sinks ({@code /_simulator/sink/…}) stay open: they receive
 * the simulator's own deliveries, which carry no token.
 */
final class AdminToken implements HttpHandler {
    static final String HEADER = "X-Simulator-Admin-Token";
    static final String QUERY_PARAMETER = "admin_token";
    private static final String UNAUTHORIZED = "{\"error\":\"admin token required: send it in the " + HEADER
            + " header (or Authorization: Bearer, or ?" + QUERY_PARAMETER + "=)\"}";

    private final byte[] expectedDigest;
    private final HttpHandler next;

    AdminToken(String token, HttpHandler next) {
        this.expectedDigest = digest(token);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(AdminApi.PREFIX) || path.startsWith(Sinks.PREFIX) || authorized(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        if (staticDashboardFile(path)) {
            // Open, so the page can load without the token in its module imports; but then it must
            // not carry the data that the page inlines for a caller who showed the token.
            exchange.putAttachment(Dashboard.PAGE_WITHOUT_DATA, Boolean.TRUE);
            next.handleRequest(exchange);
            return;
        }
        exchange.setStatusCode(401);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"bevatel-simulator\"");
        exchange.getResponseSender().send(UNAUTHORIZED, StandardCharsets.UTF_8);
    }

    /**
     * The dashboard's page, script and style files are fetched by the browser without the token
     * (module imports carry no query), and hold no data when so fetched; its data under
     * {@code /ui/api/} needs it.
     */
    private static boolean staticDashboardFile(String path) {
        String ui = AdminApi.PREFIX + "ui";
        if (path.equals(ui) || path.equals(ui + "/")) {
            return true;
        }
        return path.startsWith(ui + "/") && !path.startsWith(ui + "/api/")
                && (path.endsWith(".js") || path.endsWith(".css") || path.endsWith(".html"));
    }

    private boolean authorized(HttpServerExchange exchange) {
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
