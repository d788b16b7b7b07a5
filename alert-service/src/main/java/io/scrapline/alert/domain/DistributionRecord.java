package io.scrapline.alert.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A run of a distribution as the log shows it: what it sent (see {@link DistributionRun}), its job status
 * ({@code queued}, {@code running}, {@code done}, {@code failed}) and the delivery to each recipient.
 */
public record DistributionRecord(String subscriptionId, String plant, String runKey, String cadence, String period,
        LocalDate weekStart, LocalDate asOf, Integer version, OffsetDateTime dueAt, String status, int attempts,
        String lastError, OffsetDateTime createdAt, OffsetDateTime finishedAt, List<Delivery> deliveries) {

    public DistributionRecord {
        deliveries = List.copyOf(deliveries);
    }

    /**
     * The latest attempt at one recipient: {@code delivered}, {@code failed_retryable} (tried again with the run),
     * {@code failed_permanent} or {@code skipped} (no report for the member's role and lines), with the SMTP server's
     * answer or why the report could not be had.
     */
    public record Delivery(String recipient, String name, String role, String view, List<String> lines,
            List<String> formats, String status, int attempts, Integer statusCode, String providerMessageId,
            String summary, String errorClass, OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt) {
    }

    public DistributionRecord withDeliveries(List<Delivery> all) {
        return new DistributionRecord(subscriptionId, plant, runKey, cadence, period, weekStart, asOf, version, dueAt,
                status, attempts, lastError, createdAt, finishedAt, all);
    }
}
