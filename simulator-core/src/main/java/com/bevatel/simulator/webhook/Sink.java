package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A built-in receiver at {@code /_simulator/sink/{name}}: it accepts any POST and answers the
 * configured status (200 unless told otherwise), optionally after a delay — without holding a
 * server thread while it waits.
 *
 * <pre>{@code
 * sim.sink("crm").respondWith(503).delay(Duration.ofSeconds(6));   // a down, slow receiver
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class Sink {
    private final String name;
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicLong received = new AtomicLong();

    Sink(String name) {
        this.name = name;
    }

    /**
     * The sink's name, the last segment of its URL.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The status every following request gets.
     *
     * @param status 100 to 599
     * @return this sink
     * @throws IllegalArgumentException when outside 100 to 599
     */
    public Sink respondWith(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599: " + status);
        }
        this.status = status;
        return this;
    }

    /**
     * How long to wait before answering.
     *
     * @param delay zero: at once
     * @return this sink
     * @throws IllegalArgumentException when negative
     */
    public Sink delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        this.delay = delay;
        return this;
    }

    /**
     * Back to 200 at once, and the request count to 0.
     *
     * @return this sink
     */
    public Sink reset() {
        status = 200;
        delay = Duration.ZERO;
        received.set(0);
        return this;
    }

    /**
     * The status it answers.
     *
     * @return 200 unless {@link #respondWith(int)} said otherwise
     */
    public int status() {
        return status;
    }

    /**
     * How long it waits before answering.
     *
     * @return zero unless {@link #delay(Duration)} said otherwise
     */
    public Duration delay() {
        return delay;
    }

    /**
     * Whether it was told to answer other than 200 at once (what a test's failure report should show).
     *
     * @return true when the status or the delay was changed
     */
    public boolean overridden() {
        return status != 200 || !delay.isZero();
    }

    /**
     * Requests received since creation or {@link #reset()}.
     *
     * @return the count
     */
    public long received() {
        return received.get();
    }

    void count() {
        received.incrementAndGet();
    }

    @Override
    public String toString() {
        return "Sink[" + name + ": " + status + " after " + delay.toMillis() + " ms, " + received() + " received]";
    }
}
