package com.bevatel.simulator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each write moves the clock one step, and no write takes it past the end of year 9999. */
class SimulatedClockTest {
    @Test
    void aTickIsOneStepAndStopsAtTheEndOfTime() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
        assertThat(clock.tick()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        clock.set(SimulatedClock.LATEST.minusMillis(500));
        assertThat(clock.tick()).isEqualTo(SimulatedClock.LATEST);
        assertThat(clock.tick()).as("it stays there").isEqualTo(SimulatedClock.LATEST);

        SimulatedClock huge = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(huge.tick()).as("a step beyond every instant").isEqualTo(SimulatedClock.LATEST);
        SimulatedClock frozen = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO);
        assertThat(frozen.tick()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
