package com.bevatel.simulator.http;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;

/**
 * The server's root handler, bound once the simulator is assembled: the port opens before the seeded
 * or loaded state is ready (its inbox may call back to the simulator's own sink, and an early bind
 * makes the start faster). A request arriving before {@link #bind} is held, not refused, so a client
 * that waits only for the port (docker-compose, Testcontainers' port wait) gets a real answer: the
 * exchange is parked without a thread and resumed on its I/O thread when the handler is bound. It
 * is answered 503 only when the start fails ({@link #fail}) or outlasts the hold limit.
 */
public final class LateBoundHandler implements HttpHandler {
    /**
     * The longest a request is held while the simulator starts (a start takes about a second, with a
     * large state file a few); past it the request is answered 503. A read timeout shorter than
     * this shortens it to 9/10 of the read timeout.
     */
    public static final Duration HOLD_LIMIT = Duration.ofSeconds(50);
    /** How long {@link #fail} waits for the held requests' 503 answers to be sent, before the server is closed. */
    private static final Duration FAILURE_ANSWER_WAIT = Duration.ofSeconds(5);

    private final long holdLimitMillis;
    private final Set<Held> held = new LinkedHashSet<>();
    private volatile HttpHandler target;
    private volatile String failure;

    /**
     * @param readTimeout the server's read timeout: it closes a connection that sent nothing for that
     *                    long, held or not, so a held request is answered before it (at 9/10 of it)
     */
    public LateBoundHandler(Duration readTimeout) {
        Duration beforeReadTimeout = readTimeout.minus(readTimeout.dividedBy(10));
        this.holdLimitMillis = Math.max(1, Math.min(HOLD_LIMIT.toMillis(), beforeReadTimeout.toMillis()));
    }

    /** Serves with {@code handler} from now on, and resumes every held request with it. */
    public void bind(HttpHandler handler) {
        List<Held> waiting;
        synchronized (this) {
            if (target != null || failure != null) {
                throw new IllegalStateException("bound already, or failed");
            }
            target = handler;
            waiting = releaseAll();
        }
        for (Held request : waiting) {
            // On the exchange's own I/O thread, as if it had just arrived; the handler may dispatch further.
            request.exchange.getIoThread().execute(() -> request.exchange.dispatch(SameThreadExecutor.INSTANCE, handler));
        }
    }

    /**
     * The start failed: the held requests, and any arriving until the server is closed, are answered
     * 503. Returns once those answers are sent (or after a few seconds), so closing the server, or
     * the process exiting, does not cut them off.
     */
    public void fail(Throwable cause) {
        List<Held> waiting;
        String reason = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        synchronized (this) {
            if (target != null || failure != null) {
                return;
            }
            failure = "the simulator failed to start: " + reason;
            waiting = releaseAll();
        }
        String message = failure;
        CountDownLatch answered = new CountDownLatch(waiting.size());
        for (Held request : waiting) {
            request.exchange.getIoThread().execute(() -> answerParked(request.exchange, message, answered));
        }
        try {
            answered.await(FAILURE_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many requests are held now, waiting for {@link #bind} or {@link #fail}. */
    public synchronized int waiting() {
        return held.size();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler current = target;
        if (current != null) {
            current.handleRequest(exchange);
        } else if (failure != null) {
            unavailable(exchange, failure);
        } else {
            // Dispatched to run hold() once this call returns: Undertow then leaves the exchange open, with no thread.
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> hold(exchange));
        }
    }

    /** On the exchange's I/O thread, after its first call returned. */
    private void hold(HttpServerExchange exchange) {
        synchronized (this) {
            if (target == null && failure == null) {
                Held request = new Held(exchange);
                request.expiry = exchange.getIoThread().executeAfter(() -> expire(request), holdLimitMillis, TimeUnit.MILLISECONDS);
                held.add(request);
                return;
            }
        }
        // Bound or failed between handleRequest and here.
        HttpHandler current = target;
        if (current != null) {
            exchange.dispatch(SameThreadExecutor.INSTANCE, current);
        } else {
            answerParked(exchange, failure, null);
        }
    }

    /** On the exchange's I/O thread, when the hold limit passed. */
    private void expire(Held request) {
        synchronized (this) {
            if (!held.remove(request)) {
                return;
            }
        }
        String waited = holdLimitMillis % 1000 == 0 ? holdLimitMillis / 1000 + " s" : holdLimitMillis + " ms";
        answerParked(request.exchange, "the simulator is still starting after " + waited + "; try again", null);
    }

    private List<Held> releaseAll() {
        List<Held> waiting = new ArrayList<>(held);
        held.clear();
        waiting.forEach(request -> request.expiry.remove());
        return waiting;
    }

    /** 503 with a JSON body for a parked exchange, on its I/O thread; counts {@code answered} down once it is sent. */
    private static void answerParked(HttpServerExchange exchange, String message, CountDownLatch answered) {
        if (!exchange.getConnection().isOpen()) {
            countDown(answered);
            return;
        }
        if (answered != null) {
            exchange.addExchangeCompleteListener((done, next) -> {
                answered.countDown();
                next.proceed();
            });
        }
        // Not in a handler call any more: dispatching runs the handler now, as Undertow runs a root handler.
        exchange.dispatch(SameThreadExecutor.INSTANCE, parked -> unavailable(parked, message));
    }

    private static void unavailable(HttpServerExchange exchange, String message) {
        ObjectNode body = Json.object().put("status", 503).put("error", "Service Unavailable").put("message", message);
        exchange.setStatusCode(503);
        // The start failed (the server is closing) or is stuck: a retry had better come on a new connection.
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(Json.string(body));
    }

    private static void countDown(CountDownLatch latch) {
        if (latch != null) {
            latch.countDown();
        }
    }

    /** A parked request; identity, not value, is what the held set tracks. */
    private static final class Held {
        final HttpServerExchange exchange;
        XnioExecutor.Key expiry;

        Held(HttpServerExchange exchange) {
            this.exchange = exchange;
        }
    }
}
