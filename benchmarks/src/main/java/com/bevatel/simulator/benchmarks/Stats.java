package com.bevatel.simulator.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Median and spread of a handful of measurements (the form every figure in BENCHMARKS.md takes). */
public record Stats(int count, double median, double min, double max) {

    public static Stats of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, median, sorted[0], sorted[n - 1]);
    }

    /** Half the range, relative to the median: "± 4 %". */
    public double spreadPercent() {
        return median == 0 ? 0 : (max - min) / 2 / median * 100;
    }

    /** e.g. {@code 12.3 ms ± 4 % [11.9 ms … 12.8 ms] (n=5)}. */
    public String format(String unitFormat) {
        return String.format(Locale.ROOT, unitFormat + " ± %.0f %% [" + unitFormat + " … " + unitFormat + "] (n=%d)",
                median, spreadPercent(), min, max, count);
    }
}
