package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.Sinks;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What keeps other web pages away from a simulator running on a developer's machine (issue 14 §9):
 * <ul>
 * <li>DNS rebinding: bound to loopback (the default), every request must name a loopback host —
 *     {@code localhost}, {@code 127.x.y.z}, {@code [::1]} (any port) — in {@code Host}, else 403; a page on {@code attacker.example} rebound to 127.0.0.1 sends its own
 *     name. Bound to anything else ({@code --host 0.0.0.0}) it is reached by names it cannot know
 *     (a container's service name), so {@code Host} is not checked.
 * <li>Under {@code /_simulator/} (not the sinks' receiving end, which takes the simulator's own
 *     deliveries): a request whose {@code Origin} is not the simulator itself is refused (403), and
 *     a write (any method but GET, HEAD and OPTIONS) with a body must declare JSON (415): a cross-site
 *     form or a {@code text/plain} fetch, the requests a browser sends without asking first, never
 *     gets through; and every answer carries headers that keep it out of frames, unsniffed and
 *     without a referrer.
 * </ul>
 * The admin API and the dashboard both install it (an embedding may add either alone); it runs once.
 */
public final class RequestGuard implements HttpHandler {
    /** No script, no frame, nothing fetched: the policy of every admin answer (the dashboard's page sets its own). */
    public static final String ADMIN_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final AttachmentKey<Boolean> GUARDED = AttachmentKey.create(Boolean.class);
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    /**
     * @param loopbackOnly the simulator listens on a loopback address only: {@code Host} is checked
     * @param port         its port
     */
    public record Settings(boolean loopbackOnly, int port) {
        public static Settings of(BevatelSimulator sim) {
            return new Settings(loopback(sim.baseUrl().getHost()), sim.port());
        }

        private static boolean loopback(String host) {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            try {
                return InetAddress.getByName(bare).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    private final Settings settings;
    private final HttpHandler next;

    private RequestGuard(Settings settings, HttpHandler next) {
        this.settings = settings;
        this.next = next;
    }

    public static HttpHandler wrap(Settings settings, HttpHandler next) {
        return new RequestGuard(settings, next);
    }

    /** The last Host found to name loopback: a client sends the same one on every request. */
    private volatile String lastLoopbackHost;

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.putAttachment(GUARDED, Boolean.TRUE) != null) {
            next.handleRequest(exchange); // an outer guard has checked it
            return;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (settings.loopbackOnly() && host != null && !loopbackHost(host)) {
            refuse(exchange, 403, "forbidden: Host " + host + " is not this simulator, which listens on loopback only:"
                    + " use localhost:" + settings.port() + " or 127.0.0.1:" + settings.port()
                    + " (a page on another name may be a DNS-rebinding attack); --host 0.0.0.0 accepts any name");
            return;
        }
        String path = exchange.getRequestPath();
        boolean admin = (path.startsWith(AdminApi.PREFIX) || path.equals("/_simulator")) && !path.startsWith(Sinks.PREFIX);
        if (!admin) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        exchange.getResponseHeaders().put(Headers.X_FRAME_OPTIONS, "DENY");
        exchange.getResponseHeaders().put(Headers.REFERRER_POLICY, "no-referrer");
        exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, ADMIN_POLICY);
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !sameOrigin(origin, host)) {
            refuse(exchange, 403, "forbidden: a request from " + origin + " (another web page) to the admin API;"
                    + " call it from this simulator's own pages, or without an Origin header (curl, your tests)");
            return;
        }
        String problem = write(exchange.getRequestMethod()) ? contentTypeProblem(exchange) : null;
        if (problem != null) {
            refuse(exchange, 415, problem);
            return;
        }
        next.handleRequest(exchange);
    }

    private static boolean write(HttpString method) {
        return !method.equals(Methods.GET) && !method.equals(Methods.HEAD) && !method.equals(Methods.OPTIONS);
    }

    /** Null when the write declares JSON, or has no body and no type; else what to send instead. */
    private static String contentTypeProblem(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        boolean body = exchange.getRequestContentLength() > 0
                || (exchange.getRequestContentLength() < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
        if (type == null && !body) {
            return null;
        }
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || media.endsWith("+json")) {
            return null;
        }
        return "admin requests with a body send JSON: Content-Type must be application/json (was "
                + (type == null ? "none" : type) + ")";
    }

    /**
     * {@code Host} names a loopback address. Its port is not checked: a rebinding page sends its own
     * name, whatever the port, while a forwarded port (ssh -L, docker -p) or a client that leaves the
     * port out sends a loopback name with another port.
     */
    private boolean loopbackHost(String host) {
        if (host.equals(lastLoopbackHost)) {
            return true; // a client sends the same Host on every request: checked once, not per request
        }
        Authority authority = Authority.parse(host, 80);
        if (authority == null) {
            return false;
        }
        String name = authority.host().toLowerCase(Locale.ROOT);
        boolean loopback = name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches()
                || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
        if (loopback) {
            lastLoopbackHost = host;
        }
        return loopback;
    }

    /** The origin is the simulator as the request addressed it: http, and the same host and port as {@code Host}. */
    private boolean sameOrigin(String origin, String host) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false; // includes "null", the origin of sandboxed frames and some redirects
        }
        Authority own = host == null ? new Authority("127.0.0.1", settings.port()) : Authority.parse(host, 80);
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return own != null && own.host().equalsIgnoreCase(uri.getHost()) && own.port() == port;
    }

    /** A {@code host[:port]} as in {@code Host}, brackets kept around an IPv6 address. */
    private record Authority(String host, int port) {
        static Authority parse(String text, int defaultPort) {
            String value = text.trim();
            int colon = value.startsWith("[") ? value.indexOf(':', Math.max(0, value.indexOf(']'))) : value.lastIndexOf(':');
            if (colon < 0) {
                return value.isEmpty() ? null : new Authority(value, defaultPort);
            }
            try {
                return new Authority(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String message) {
        AdminJson.send(exchange, status, AdminJson.error(message));
    }
}
