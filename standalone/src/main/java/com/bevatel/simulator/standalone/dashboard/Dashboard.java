package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.HttpExtension;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.standalone.admin.RequestGuard;
import io.undertow.server.HttpHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The live dashboard at {@value #PATH}: a page (plain HTML, CSS and JavaScript modules, served
 * from this jar's resources, the page with its first state inlined by {@link DashboardPage})
 * reading {@link DashboardApi}, acting through the core's
 * {@code /_simulator/agent/...}, and kept current by {@link LiveUpdates} (server-sent events).
 *
 * <pre>{@code BevatelSimulator.builder().extension(new Dashboard()).start();}</pre>
 */
public final class Dashboard implements HttpExtension {
    public static final String PATH = "/_simulator/ui";
    private static final String RESOURCES = "/com/bevatel/simulator/standalone/dashboard/";
    /** File name → content type; nothing else under {@value #PATH} is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "dom.js", "text/javascript; charset=utf-8",
            "conversations.js", "text/javascript; charset=utf-8",
            "chat.js", "text/javascript; charset=utf-8",
            "deliveries.js", "text/javascript; charset=utf-8");

    /**
     * The page's Content-Security-Policy: its own scripts, styles and data only. The first state it
     * carries is a {@code <script type="application/json">}, which is data, never run, so no inline
     * script needs allowing; no frame may hold the page, and no form leaves it.
     */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * Set by the admin token's check on a page request that did not carry a valid token: that page
     * gets no inlined data (see {@link DashboardPage}). Absent when no admin token is configured.
     */
    public static final AttachmentKey<Boolean> PAGE_WITHOUT_DATA = AttachmentKey.create(Boolean.class);

    /** Known once registered, for {@link #wrap}. */
    private RequestGuard.Settings guard;

    @Override
    public void register(Router router, BevatelSimulator simulator) {
        guard = RequestGuard.Settings.of(simulator);
        DashboardPage page = new DashboardPage(new String(resource("index.html"), StandardCharsets.UTF_8),
                router.store(), simulator.webhooks());
        router.raw(Methods.GET, PATH, page);
        router.raw(Methods.GET, PATH + "/", page);
        ASSETS.forEach((name, type) -> serve(router, PATH + "/" + name, resource(name), type));
        DashboardApi.register(router, router.store(), simulator.webhooks());
        LiveUpdates live = new LiveUpdates();
        SimulatorAccess.store(simulator).addListener(live);
        simulator.webhooks().addListener(live);
        router.raw(Methods.GET, DashboardApi.API + "/events", live.handler());
    }

    /**
     * The page acts through the core's {@code /_simulator/agent/…}: the same guard as the admin API's
     * keeps other web pages off them when the dashboard is installed without it (it runs once when both are).
     */
    @Override
    public HttpHandler wrap(HttpHandler next) {
        return RequestGuard.wrap(guard, next);
    }

    private static void serve(Router router, String path, byte[] body, String contentType) {
        router.raw(Methods.GET, path, exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
            // Small files on a local server: always revalidate, so a new jar's page is never stale.
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
