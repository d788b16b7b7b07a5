package io.scrapline.platform.job;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * How long a failed job of a {@link JobQueue} waits before its next attempt: a group for a service's
 * {@code @ConfigMapping}, such as {@code scrapline.costing.recost-retry.first-delay}.
 */
public interface RetryConfig {

    /**
     * The wait after a job's first failed attempt; doubled after each further one. Long enough for what failed it (a
     * database restart, data being corrected) to pass, short enough that a one-off failure costs little.
     */
    @WithDefault("30s")
    Duration firstDelay();

    /** The longest wait between two attempts, however many failed before. */
    @WithDefault("15m")
    Duration maxDelay();

    default Backoff backoff() {
        return new Backoff(firstDelay(), maxDelay());
    }
}
