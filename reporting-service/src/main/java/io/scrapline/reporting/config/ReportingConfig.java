package io.scrapline.reporting.config;

import java.time.Duration;

import io.scrapline.platform.job.RetryConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.reporting")
public interface ReportingConfig {

    /** How long a claimed close may run before another replica may take it over (its replica is presumed gone). */
    @WithDefault("PT10M")
    Duration closeLease();

    /** Attempts at a close before its job is left failed, with the last error, for someone to look at. */
    @WithDefault("3")
    int closeAttempts();

    /**
     * How long a close that failed waits before its next attempt ({@code close-retry.first-delay}, doubled after each
     * further failure up to {@code close-retry.max-delay}), so that the data that failed it may be put right meanwhile.
     */
    RetryConfig closeRetry();

    /**
     * How often one replica of the cluster queues the closes that have come due; {@code off} to close on demand only.
     */
    @WithDefault("5m")
    String closeScheduleEvery();

    /** How often each replica claims and runs queued closes; {@code off} to leave them to other replicas. */
    @WithDefault("30s")
    String closeWorkEvery();
}
