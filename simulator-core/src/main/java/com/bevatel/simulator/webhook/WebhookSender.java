package com.bevatel.simulator.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends one POST per call, each on a thread of its own pool with a plain blocking
 * {@link HttpURLConnection} (keep-alive, no proxy; redirects followed with the same method and
 * body, as Chatwoot 4.16's SSRF-filtered client does). Blocking is the fast path on loopback: a round trip is a
 * write and a read, where {@code java.net.http.HttpClient} hands each exchange between a selector
 * thread and executor tasks several times (measured 0.2 vs 0.7–1.3 ms per delivery on 2 cores).
 * A thread is busy only while its receiver answers; the dispatcher sends to a receiver one delivery
 * at a time, so threads in use never exceed the receivers with a delivery under way, and a receiver
 * that hangs is cut off by the timeouts. Failures are described the way Chatwoot's Ruby client
 * reports them, since that text becomes the message's {@code external_error}.
 */
final class WebhookSender implements AutoCloseable {
    /** The result of one attempt; {@code failure} is null exactly when a 2xx came back. */
    record Outcome(Integer status, String body, String failure, Duration duration) {
    }

    static final String CANCELLED = "delivery cancelled: the simulator was reset or closed";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    /** On a sending thread: the sends asked for while it runs a {@code then}, to run next on it. */
    private static final ThreadLocal<ArrayDeque<Runnable>> FOLLOW_UPS = new ThreadLocal<>();
    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** How often the watchdog looks for exchanges past their deadline. */
    private static final long WATCHDOG_PERIOD_MILLIS = 100;

    /** One request under way: cut off by the watchdog at its deadline, or by {@link #close()}. */
    private record UnderWay(HttpURLConnection connection, long deadlineNanos, AtomicBoolean stalled) {
    }

    private final ScheduledExecutorService scheduler;
    private final ExecutorService threads;
    private final Duration timeout;
    private final Set<UnderWay> underWay = ConcurrentHashMap.newKeySet();
    private volatile OwnAddress own = OwnAddress.NONE;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param scheduler runs the watchdog (the caller owns it)
     * @param threadFactory makes the sending threads, created as needed and ended after a minute idle
     */
    WebhookSender(Duration timeout, ScheduledExecutorService scheduler, ThreadFactory threadFactory) {
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.threads = Executors.newCachedThreadPool(threadFactory);
    }

    /** Where the simulator itself listens: deliveries to its admin routes are refused from now on. */
    void ownAddress(OwnAddress address) {
        this.own = address;
    }

    /** Sends on a sending thread, then hands the outcome (never an exception) to {@code then} there. */
    void send(String url, Map<String, String> headers, String body, Consumer<Outcome> then) {
        long start = System.nanoTime();
        Runnable task = () -> then.accept(exchange(url, headers, body, start));
        try {
            threads.execute(() -> runWithFollowUps(task));
        } catch (RejectedExecutionException closing) {
            then.accept(new Outcome(null, null, CANCELLED, since(start)));
        }
    }

    /**
     * {@link #send}, for the same receiver's next delivery: called from a {@code then}, it runs on
     * the same thread right after it instead of waking another (one thread per busy receiver, not
     * two taking turns, and no stack growing with a long queue).
     */
    void sendNext(String url, Map<String, String> headers, String body, Consumer<Outcome> then) {
        ArrayDeque<Runnable> followUps = FOLLOW_UPS.get();
        if (followUps == null) {
            send(url, headers, body, then);
            return;
        }
        long start = System.nanoTime();
        followUps.add(() -> then.accept(exchange(url, headers, body, start)));
    }

    private static void runWithFollowUps(Runnable first) {
        ArrayDeque<Runnable> followUps = new ArrayDeque<>();
        FOLLOW_UPS.set(followUps);
        try {
            for (Runnable task = first; task != null; task = followUps.poll()) {
                task.run();
            }
        } finally {
            FOLLOW_UPS.remove();
        }
    }

    /**
     * One delivery: the POST, and the same POST again at each redirect's {@code Location} (Chatwoot
     * 4.16 follows redirects with the same method and body, up to {@value #MAX_REDIRECTS}).
     */
    private Outcome exchange(String url, Map<String, String> headers, String body, long start) {
        URI uri;
        try {
            uri = target(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, null, e.getMessage(), since(start));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int redirects = 0; ; redirects++) {
            Hop hop = hop(uri, headers, bytes, start);
            if (hop.outcome() != null) {
                return hop.outcome();
            }
            if (redirects == MAX_REDIRECTS) {
                return new Outcome(hop.status(), null, "Got " + MAX_REDIRECTS + " redirects fetching " + url, since(start));
            }
            try {
                uri = target(uri.resolve(hop.location()).toString());
            } catch (IllegalArgumentException e) {
                return new Outcome(hop.status(), null, e.getMessage(), since(start));
            }
        }
    }

    /** One request: its outcome, or where a redirect sends the delivery next. */
    private record Hop(Outcome outcome, int status, String location) {
    }

    private Hop hop(URI uri, Map<String, String> headers, byte[] body, long start) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        } catch (IllegalArgumentException | IOException e) {
            return new Hop(new Outcome(null, null, e.toString(), since(start)), 0, null);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setDoOutput(true);
        headers.forEach(connection::setRequestProperty);
        // The read timeout restarts with every byte; an answer that trickles in is cut off by the
        // watchdog at twice the timeout instead (connect + read, like Ruby's two timeouts).
        UnderWay exchange = new UnderWay(connection, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2L * millis),
                new AtomicBoolean());
        underWay.add(exchange);
        watch();
        boolean connected = false;
        try {
            if (closed) {
                return new Hop(new Outcome(null, null, CANCELLED, since(start)), 0, null);
            }
            connection.setRequestMethod("POST");
            connection.connect();
            connected = true;
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String text = readBounded(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            String location = connection.getHeaderField("Location");
            if (REDIRECTS.contains(status) && location != null) {
                return new Hop(null, status, location);
            }
            String failure = status >= 200 && status < 300 ? null : statusLine(status);
            return new Hop(new Outcome(status, text, failure, since(start)), status, null);
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            return new Hop(new Outcome(null, null, describe(e, uri, connected, exchange.stalled().get()), since(start)), 0, null);
        } finally {
            underWay.remove(exchange);
        }
    }

    /**
     * Starts the watchdog with the first delivery: a sweep every {@value #WATCHDOG_PERIOD_MILLIS} ms
     * instead of a timer per delivery, which would wake the timer thread on every send.
     */
    private void watch() {
        if (watching.get() || !watching.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                for (UnderWay exchange : underWay) {
                    if (now - exchange.deadlineNanos() > 0) {
                        exchange.stalled().set(true);
                        exchange.connection().disconnect();
                    }
                }
            }, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closing: close() cuts what is under way.
        }
    }

    /**
     * The first {@link WebhookJournal#MAX_RESPONSE_BODY_CHARS} of the body; the rest is read and
     * dropped, so the connection can serve the next delivery.
     */
    private static String readBounded(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                int room = WebhookJournal.MAX_RESPONSE_BODY_CHARS - kept.size();
                if (room > 0) {
                    kept.write(chunk, 0, Math.min(room, n));
                }
            }
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        return text.length() > WebhookJournal.MAX_RESPONSE_BODY_CHARS ? text.substring(0, WebhookJournal.MAX_RESPONSE_BODY_CHARS) : text;
    }

    /** Ruby's {@code "#{code} #{message}"}: the reason phrase is the standard one for the code. */
    static String statusLine(int status) {
        String reason = REASONS.get(status);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }

    /**
     * Only absolute http(s) URLs can be delivered to (SafeFetch's rule; loopback is allowed here), and
     * never the simulator itself other than its sinks ({@link OwnAddress}), checked again at each redirect.
     */
    private URI target(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("bad URI(is not URI?): \"" + url + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URI scheme '" + scheme + "' not in whitelist: [\"http\", \"https\"]");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("bad URI(is not URI?): \"" + url + "\"");
        }
        String refusal = own.refusal(uri);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return uri;
    }

    /** The error text of Ruby's Net::HTTP for the same situation (Chatwoot stores it as {@code external_error}). */
    private String describe(Exception error, URI uri, boolean connected, boolean stalled) {
        String host = uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String opening = "Failed to open TCP connection to " + host + ":" + port;
        if (closed) {
            return CANCELLED;
        }
        if (stalled || (error instanceof SocketTimeoutException && connected)) {
            return "Net::ReadTimeout with #<TCPSocket:(closed)>";
        }
        if (error instanceof SocketTimeoutException) {
            return opening + " (execution expired)";
        }
        if (error instanceof UnknownHostException) {
            return opening + " (getaddrinfo: Name or service not known)";
        }
        if (error instanceof ConnectException) {
            return opening + " (Connection refused - connect(2) for \"" + host + "\" port " + port + ")";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Cuts the requests under way (their outcome is "cancelled") and ends the sending threads. */
    @Override
    public void close() {
        closed = true;
        threads.shutdown();
        underWay.forEach(exchange -> exchange.connection().disconnect());
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
