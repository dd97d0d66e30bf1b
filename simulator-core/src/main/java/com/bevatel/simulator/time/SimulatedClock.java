package com.bevatel.simulator.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulated clock every wire timestamp comes from. It stands still between writes; each write
 * operation advances it by {@code step} once and stamps everything it changes with that instant,
 * so timestamps are distinct per write, equal within one, and identical on every run.
 * Tests move it further with {@link #advance(Duration)} or {@link #set(Instant)}.
 */
public final class SimulatedClock {
    private final Duration step;
    private Instant now;

    public SimulatedClock(Instant start, Duration step) {
        this.now = Objects.requireNonNull(start, "start").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.step = Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("clock step must not be negative: " + step);
        }
    }

    public synchronized Instant now() {
        return now;
    }

    /** Advances by one step and returns the new instant: called once per write operation. */
    public synchronized Instant tick() {
        now = now.plus(step);
        return now;
    }

    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward: " + duration);
        }
        now = now.plus(duration).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return now;
    }

    public synchronized void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public Duration step() {
        return step;
    }
}
