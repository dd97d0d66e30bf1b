package com.bevatel.simulator.time;

import java.time.DateTimeException;
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
    /**
     * The range the clock may be set or advanced to, and that writes keep it in: four-digit years, as
     * every wire format of the API prints them; far beyond it java.time itself overflows and every
     * write would fail.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /**
     * The latest instant a row may hold: saves after the first within one write are stamped a
     * microsecond apart (Rails' successive saves), so a row written at {@link #LATEST} goes on up to
     * the last microsecond of its second, and no further.
     */
    public static final Instant LATEST_STAMP = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Duration step;
    private Instant now;

    public SimulatedClock(Instant start, Duration step) {
        this.now = inRange(Objects.requireNonNull(start, "start")).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.step = Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("clock step must not be negative: " + step);
        }
    }

    public synchronized Instant now() {
        return now;
    }

    /**
     * Advances by one step and returns the new instant: called once per write operation. It stops at
     * {@link #LATEST}: writes there are all stamped with it, so no write takes the clock (or a saved
     * state) beyond the range {@link #set} accepts and a state file loads.
     */
    public synchronized Instant tick() {
        // Plus and a comparison: Duration.between here was an eighth of a message POST's CPU.
        Instant next;
        try {
            next = now.plus(step);
        } catch (DateTimeException | ArithmeticException beyondInstants) {
            next = LATEST; // a step of billions of years
        }
        now = next.isAfter(LATEST) ? LATEST : next;
        return now;
    }

    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward: " + duration);
        }
        Instant target;
        try {
            target = now.plus(duration);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw outOfRange(duration + " from " + now);
        }
        now = inRange(target).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return now;
    }

    public synchronized void set(Instant instant) {
        now = inRange(Objects.requireNonNull(instant, "instant")).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Instant inRange(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw outOfRange(instant.toString());
        }
        return instant;
    }

    private static IllegalArgumentException outOfRange(String what) {
        return new IllegalArgumentException("the simulated clock stays between " + EARLIEST + " and " + LATEST + ": " + what);
    }

    public Duration step() {
        return step;
    }
}
