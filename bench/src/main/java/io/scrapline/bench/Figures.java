package io.scrapline.bench;

import java.util.Arrays;
import java.util.Locale;

/** How the benchmarks report: one {@code name: value} line per figure, and percentiles of timings. */
final class Figures {

    private Figures() {
    }

    /** Prints {@code name: value}, whole numbers without decimals, others with three. */
    static void print(String name, double value) {
        System.out.println(
                name + ": " + (value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                        : String.format(Locale.ROOT, "%.3f", value)));
    }

    /** Prints {@code <prefix>p50_ms}, {@code p99_ms} and {@code max_ms} of {@code millis}. */
    static void printLatencies(String prefix, double[] millis) {
        print(prefix + "p50_ms", percentile(millis, 50));
        print(prefix + "p99_ms", percentile(millis, 99));
        print(prefix + "max_ms", percentile(millis, 100));
    }

    /** Seconds since {@code startedNanos}, a {@link System#nanoTime()}. */
    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The nearest-rank percentile of {@code values}. */
    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
