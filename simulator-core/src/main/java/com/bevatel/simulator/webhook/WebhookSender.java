package com.bevatel.simulator.webhook;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one POST with {@link HttpClient}, asynchronously: a slow or hanging receiver holds a
 * connection, never a thread. Failures are described the way Chatwoot's Ruby client reports them,
 * since that text becomes the message's {@code external_error}.
 */
final class WebhookSender implements AutoCloseable {
    /** The result of one attempt; {@code failure} is null exactly when a 2xx came back. */
    record Outcome(Integer status, String body, String failure, Duration duration) {
    }

    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
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

    /** Made on the first delivery: building an HttpClient (TLS context, selector thread) is most of a simulator's start otherwise. */
    private HttpClient client;
    private boolean closed;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    /** {@code executor} runs the client's callbacks and the stalled-body guards (the caller owns it). */
    WebhookSender(Duration timeout, ScheduledExecutorService executor) {
        this.timeout = timeout;
        this.scheduler = executor;
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .executor(scheduler)
                    .build();
        }
        return client;
    }

    /** Never completes exceptionally: every problem is an {@link Outcome} with a failure. */
    CompletableFuture<Outcome> send(String url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = target(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, null, e.getMessage(), since(start)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        BoundedBody received = new BoundedBody();
        CompletableFuture<HttpResponse<Void>> exchange;
        try {
            exchange = client().sendAsync(request.build(), info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(received));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, null, describe(e, uri, false), since(start)));
        }
        // The request timeout covers the wait for the response headers; a body that stalls after
        // them is cut off by this guard (connect + read, like Ruby's two timeouts).
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> guard = scheduler.schedule(() -> {
            stalled.set(true);
            exchange.cancel(true);
        }, timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        return exchange.handle((response, error) -> {
            guard.cancel(false);
            Duration took = since(start);
            if (response == null) {
                return new Outcome(null, null, describe(error, uri, stalled.get()), took);
            }
            int status = response.statusCode();
            String failure = status >= 200 && status < 300 ? null : statusLine(status);
            return new Outcome(status, received.text(), failure, took);
        });
    }

    /** Ruby's {@code "#{code} #{message}"}: the reason phrase is the standard one for the code. */
    static String statusLine(int status) {
        String reason = REASONS.get(status);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }

    /** Only absolute http(s) URLs can be delivered to (SafeFetch's rule; loopback is allowed here). */
    private static URI target(String url) {
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
        return uri;
    }

    /** The error text of Ruby's Net::HTTP for the same situation (Chatwoot stores it as {@code external_error}). */
    private static String describe(Throwable error, URI uri, boolean stalled) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String host = uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String opening = "Failed to open TCP connection to " + host + ":" + port;
        if (stalled || (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException))) {
            return "Net::ReadTimeout with #<TCPSocket:(closed)>";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return opening + " (execution expired)";
        }
        if (cause instanceof ConnectException) {
            Throwable root = cause.getCause();
            if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
                return opening + " (getaddrinfo: Name or service not known)";
            }
            return opening + " (Connection refused - connect(2) for \"" + host + "\" port " + port + ")";
        }
        if (cause instanceof CancellationException) {
            return "delivery cancelled: the simulator was reset or closed";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Stops the client's selector thread. Java 21+ has {@code shutdownNow()} (called reflectively:
     * this code compiles for 17); Java 17 has no way but to interrupt that thread, which is named
     * after the id the client's {@code toString()} ends with (the JDK's own tests find it so).
     */
    @Override
    public void close() {
        HttpClient client;
        synchronized (this) {
            closed = true;
            client = this.client;
        }
        if (client == null) {
            return;
        }
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
            HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(client, Duration.ofSeconds(5));
            return;
        } catch (NoSuchMethodException e) {
            // Java 17: fall through.
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not shut the webhook HTTP client down", e);
        }
        Matcher id = CLIENT_ID.matcher(client.toString());
        if (!id.find()) {
            return;
        }
        String selectorThread = "HttpClient-" + id.group(1) + "-SelectorManager";
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(selectorThread)) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Keeps the first {@link WebhookJournal#MAX_RESPONSE_BODY_CHARS} bytes of a response body. */
    private static final class BoundedBody implements Consumer<Optional<byte[]>> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(data -> {
                int room = WebhookJournal.MAX_RESPONSE_BODY_CHARS - bytes.size();
                if (room > 0) {
                    bytes.write(data, 0, Math.min(room, data.length));
                }
            });
        }

        synchronized String text() {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.length() > WebhookJournal.MAX_RESPONSE_BODY_CHARS
                    ? text.substring(0, WebhookJournal.MAX_RESPONSE_BODY_CHARS) : text;
        }
    }
}
