package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.http.ResponseBodies;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.WebhookJournal;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's page, {@code index.html}, with the first state inlined where its placeholder is
 * ({@code <script type="application/json" id="initial-state">}): app.js renders it before the
 * page's load event, so even a plain {@code chromium --headless --screenshot} shows the data.
 *
 * <p>With an admin token, static page files are open without it because they hold no data (see
 * {@code AdminToken}): a page request without a valid token is marked {@link Dashboard#PAGE_WITHOUT_DATA} and
 * gets the bare page, which then fetches its data with the token from its URL. Without an admin
 * token, or with a valid one on the page request itself, the data is no more open than
 * {@code /_simulator/ui/api/} already is, so the page carries it.
 */
final class DashboardPage implements HttpHandler {
    private static final String PLACEHOLDER = "<!-- initial-state -->";

    private final String beforeState;
    private final String afterState;
    private final Store store;
    private final WebhookJournal journal;

    DashboardPage(String html, Store store, WebhookJournal journal) {
        int at = html.indexOf(PLACEHOLDER);
        if (at < 0) {
            throw new IllegalStateException("index.html lacks the " + PLACEHOLDER + " placeholder");
        }
        this.beforeState = html.substring(0, at);
        this.afterState = html.substring(at + PLACEHOLDER.length());
        this.store = store;
        this.journal = journal;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            // Building the state takes the store's lock and may be a few hundred rows: not on the I/O thread.
            exchange.dispatch(this);
            return;
        }
        String state = Boolean.TRUE.equals(exchange.getAttachment(Dashboard.PAGE_WITHOUT_DATA)) ? ""
                : "<script type=\"application/json\" id=\"initial-state\">"
                        + scriptSafe(Json.string(DashboardApi.initialState(store, journal))) + "</script>";
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        // It holds data now: never kept, always the current state.
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, Dashboard.POLICY);
        exchange.getResponseHeaders().put(Headers.REFERRER_POLICY, "no-referrer");
        ResponseBodies.send(exchange, (beforeState + state + afterState).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JSON safe inside a {@code <script>} element: a message's {@code </script>} or {@code <!--}
     * would end it or change how HTML parses it. Written as JSON's backslash-u escapes, which only
     * occur inside JSON strings, so {@code JSON.parse} reads back the same text.
     */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
