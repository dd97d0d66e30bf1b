package com.bevatel.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated clock, seen from a test. It stands still between writes; every write advances it
 * by the configured step before stamping what it changes. {@code reset()} puts it back at the start.
 * It stays within years 1 to 9999: setting or advancing it beyond them is an {@link IllegalArgumentException},
 * and writes at 9999-12-31T23:59:59Z leave it there (each is stamped with that instant).
 */
public interface SimulatorClock {
    Instant now();

    /** Moves the clock forward (e.g. past a snooze or a reply window). */
    Instant advance(Duration duration);

    /** Sets the clock; it may move backwards, which only a test that wants that should do. */
    void set(Instant instant);
}
