package io.scrapline.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Gauges read from a service's Prometheus scrape ({@code /q/metrics}), for tests that watch a backlog grow and drain.
 * The backlog gauges are counted every second in tests ({@code scrapline.metrics.refresh}), so a test waits for the
 * value it expects rather than reading once.
 */
public final class Gauges {

    private Gauges() {
    }

    /**
     * The sum of the series of gauge {@code name} in {@code scrape} that carry every one of {@code labels} (written
     * {@code key="value"}); empty when no series does.
     */
    public static OptionalDouble value(String scrape, String name, String... labels) {
        boolean found = false;
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + " ") || line.startsWith(name + "{"))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            if (List.of(labels).stream().allMatch(series::contains)) {
                found = true;
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /**
     * The gauge's value once it has settled: shown twice in a row, a refresh apart (the tests count every second).
     * Waits up to 30 s.
     */
    public static double settled(Supplier<String> scrape, String name, String... labels) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        OptionalDouble last = OptionalDouble.empty();
        while (true) {
            OptionalDouble now = value(scrape.get(), name, labels);
            if (now.isPresent() && now.equals(last)) {
                return now.getAsDouble();
            }
            assertThat(Instant.now()).as("%s%s still moves after 30 s", name, List.of(labels)).isBefore(deadline);
            last = now;
            sleep(Duration.ofMillis(1200));
        }
    }

    /**
     * Waits, up to 30 s, until the gauge in the scrapes that {@code scrape} takes shows {@code expected}; returns the
     * last scrape.
     */
    public static String await(Supplier<String> scrape, double expected, String name, String... labels) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            String text = scrape.get();
            OptionalDouble value = value(text, name, labels);
            if (value.isPresent() && value.getAsDouble() == expected) {
                return text;
            }
            assertThat(Instant.now()).as("%s%s is %s, not %s after 30 s", name, List.of(labels), value, expected)
                    .isBefore(deadline);
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
