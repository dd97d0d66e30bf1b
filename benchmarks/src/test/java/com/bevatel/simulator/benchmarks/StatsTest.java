package com.bevatel.simulator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianAndSpreadOfOddAndEvenCounts() {
        Stats odd = Stats.of(5, 1, 3);
        assertThat(odd.median()).isEqualTo(3);
        assertThat(odd.spreadPercent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(Stats.of(10, 12).format("%.1f ms")).isEqualTo("11.0 ms ± 9 % [10.0 ms … 12.0 ms] (n=2)");
    }
}
