package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The simulated clock, seen from a test. It stands still between writes; every write advances it
 * by the configured step before stamping what it changes. {@code reset()} puts it back at the start.
 * It stays within years 1 to 9999: setting or advancing it beyond them is an {@link IllegalArgumentException},
 * and writes at 9999-12-31T23:59:59Z leave it there (each is stamped with that instant).
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public interface SimulatorClock {
    /**
     * What the clock reads now; reading does not move it.
     *
     * @return the simulated instant
     */
    Instant now();

    /**
     * Moves the clock forward (e.g. past a snooze or a reply window).
     *
     * @param duration how far; not negative
     * @return the simulated instant afterwards
     * @throws IllegalArgumentException when negative, or when that would leave years 1 to 9999
     */
    Instant advance(Duration duration);

    /**
     * Sets the clock; it may move backwards, which only a test that wants that should do.
     *
     * @param instant the new simulated instant (kept to the microsecond)
     * @throws IllegalArgumentException when outside years 1 to 9999
     */
    void set(Instant instant);
}
