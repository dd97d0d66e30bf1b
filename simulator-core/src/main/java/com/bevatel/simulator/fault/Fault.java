package com.bevatel.simulator.fault;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What to do to requests to the simulator's own API (not to {@code /_simulator/…}): answer a status
 * instead of the API, hold them for a while, or drop the connection — for matching requests only,
 * for the next {@link #times()} of them, with a {@link #probability()} for soak tests.
 *
 * <pre>{@code
 * sim.faults().inject(Fault.respond(429).retryAfter(Duration.ofSeconds(2))
 *         .on("POST", "/api/v1/accounts/1/conversations/1/messages").times(3));
 * sim.faults().inject(Fault.delay(Duration.ofSeconds(3)).on("GET", "/api/**").probability(0.1, 7));
 * sim.faults().inject(Fault.drop().on("*", "/public/**").times(1));
 * }</pre>
 *
 * @param method      an HTTP method, or {@code *} for any
 * @param path        a path pattern: {@code *} matches within one segment, {@code **} across segments
 * @param kind        answer a status, only delay, or drop the connection
 * @param status      the status a {@link Kind#RESPOND} fault answers
 * @param retryAfter  sent as {@code Retry-After} (whole seconds) when not null
 * @param body        the response body (JSON); null: {@code {"error": "<reason phrase>", "injected_fault": <rule id>}}
 * @param delay       how long to hold the request first (then answer, drop, or pass it on)
 * @param times       how many requests to affect; null: every matching one until removed
 * @param probability the chance a matching request is affected (1: all of them)
 * @param seed        seeds the draws when {@code probability < 1}; null: derived from the simulator's seed
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record Fault(String method, String path, Kind kind, int status, Duration retryAfter, String body,
                   Duration delay, Integer times, double probability, Long seed) {

    /**
     * What a fault does to a request it affects.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public enum Kind {
        /** Answer a status instead of the API (after the delay, if any). */
        RESPOND,
        /** Hold the request, then let the API answer it. */
        DELAY,
        /** Close the connection without an answer (after the delay, if any). */
        DROP
    }

    /**
     * Checks and completes the components; build faults with {@link #respond(int)}, {@link #delay(Duration)}
     * or {@link #drop()} and the methods that refine them. Internal: components may be added.
     *
     * @param method      as {@link #method()}
     * @param path        as {@link #path()}
     * @param kind        as {@link #kind()}
     * @param status      as {@link #status()}
     * @param retryAfter  as {@link #retryAfter()}
     * @param body        as {@link #body()}
     * @param delay       as {@link #delay()}
     * @param times       as {@link #times()}
     * @param probability as {@link #probability()}
     * @param seed        as {@link #seed()}
     * @throws IllegalArgumentException when a component is out of range (status, path, delay, times, probability)
     */
    @API(status = INTERNAL)
    public Fault {
        Objects.requireNonNull(kind, "kind");
        method = method == null || method.isBlank() ? "*" : method.toUpperCase(Locale.ROOT);
        path = path == null || path.isBlank() ? "/**" : path;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /: " + path);
        }
        PathGlob.compile(path); // refuses what it cannot match, at the rule's creation
        if (kind == Kind.RESPOND && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative() || (retryAfter != null && retryAfter.isNegative())) {
            throw new IllegalArgumentException("delay and retryAfter must not be negative");
        }
        if (kind == Kind.DELAY && delay.isZero()) {
            throw new IllegalArgumentException("a delay fault needs a positive delay");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
        }
    }

    /**
     * Answer {@code status} instead of the API (e.g. 429, 500, 503).
     *
     * @param status the status to answer, 100 to 599
     * @return a fault for every request, until refined
     * @throws IllegalArgumentException when the status is outside 100 to 599
     */
    public static Fault respond(int status) {
        return new Fault("*", "/**", Kind.RESPOND, status, null, null, Duration.ZERO, null, 1, null);
    }

    /**
     * Hold the request for {@code delay}, then let the API answer it.
     *
     * @param delay how long; positive
     * @return a fault for every request, until refined
     * @throws IllegalArgumentException when the delay is not positive
     */
    public static Fault delay(Duration delay) {
        return new Fault("*", "/**", Kind.DELAY, 0, null, null, delay, null, 1, null);
    }

    /**
     * Close the connection without an answer (the client sees a reset or an early end of stream).
     *
     * @return a fault for every request, until refined
     */
    public static Fault drop() {
        return new Fault("*", "/**", Kind.DROP, 0, null, null, Duration.ZERO, null, 1, null);
    }

    /**
     * Only requests with this method and a path matching the pattern.
     *
     * @param httpMethod an HTTP method, or {@code *} for any
     * @param pathPattern starts with {@code /}; {@code *} matches within one segment, {@code **} across segments
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when the pattern does not start with {@code /} or is over 1024 characters
     */
    public Fault on(String httpMethod, String pathPattern) {
        return new Fault(httpMethod, pathPattern, kind, status, retryAfter, body, delay, times, probability, seed);
    }

    /**
     * Sends {@code Retry-After} with a {@link Kind#RESPOND} answer.
     *
     * @param after sent in whole seconds; null: no header
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when negative
     */
    public Fault retryAfter(Duration after) {
        return new Fault(method, path, kind, status, after, body, delay, times, probability, seed);
    }

    /**
     * The body of a {@link Kind#RESPOND} answer.
     *
     * @param json the JSON to answer; null: {@code {"error": "<reason phrase>", "injected_fault": <rule id>}}
     * @return a copy of this fault with that changed
     */
    public Fault body(String json) {
        return new Fault(method, path, kind, status, retryAfter, json, delay, times, probability, seed);
    }

    /**
     * Answer or drop only after holding the request this long.
     *
     * @param wait how long to hold it; not negative
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when negative, or zero for a {@link Kind#DELAY} fault
     */
    public Fault after(Duration wait) {
        return new Fault(method, path, kind, status, retryAfter, body, wait, times, probability, seed);
    }

    /**
     * Affect only the next {@code count} matching requests.
     *
     * @param count at least 1
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when below 1
     */
    public Fault times(int count) {
        return new Fault(method, path, kind, status, retryAfter, body, delay, count, probability, seed);
    }

    /**
     * Affect each matching request with this chance, drawn from a generator seeded with {@code drawSeed}.
     *
     * @param chance above 0, at most 1
     * @param drawSeed seeds the draws, so the same requests are affected on every run
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when the chance is outside (0, 1]
     */
    public Fault probability(double chance, long drawSeed) {
        return new Fault(method, path, kind, status, retryAfter, body, delay, times, chance, drawSeed);
    }

    /**
     * As {@link #probability(double, long)}, seeded from the simulator's seed and the rule's id.
     *
     * @param chance above 0, at most 1
     * @return a copy of this fault with that changed
     * @throws IllegalArgumentException when the chance is outside (0, 1]
     */
    public Fault probability(double chance) {
        return new Fault(method, path, kind, status, retryAfter, body, delay, times, chance, null);
    }
}
