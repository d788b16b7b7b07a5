package io.scrapline.alert.config;

import java.time.Duration;

import io.scrapline.platform.job.RetryConfig;
import io.smallrye.config.WithDefault;

/**
 * A leased queue of mailings that every replica works on (platform {@code JobQueue}): a distribution's runs, the
 * notices of unmapped values. A job is sent to its recipients one after the other, its claim renewed before each and
 * each outcome recorded, so a retry reaches only the recipients not reached yet.
 */
public interface MailingQueueConfig {

    /** How often each replica claims and sends queued jobs; {@code off} to leave them to the other replicas. */
    @WithDefault("30s")
    String workEvery();

    /**
     * How long a claimed job may go without its worker renewing the claim (before each recipient) until another replica
     * may take it over: longer than what one recipient takes (reading the reports and sending the email).
     */
    @WithDefault("5m")
    Duration lease();

    /** Attempts at a job before it is left failed, with its last error, for a person to look at. */
    @WithDefault("10")
    int attempts();

    /**
     * How long a job with recipients not reached waits before its next attempt ({@code retry.first-delay}, doubled
     * after each further failure up to {@code retry.max-delay}); recipients reached are not sent to again.
     */
    RetryConfig retry();
}
