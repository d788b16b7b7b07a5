package io.scrapline.alert.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.DistributionRecord;

/** Response bodies of the distribution endpoints. */
@RegisterForReflection(targets = { DistributionResponses.Subscription.class, DistributionResponses.Run.class,
        DistributionResponses.Delivery.class, DistributionResponses.Queued.class })
public final class DistributionResponses {

    private DistributionResponses() {
    }

    /** A subscription as stored: {@code send_at} and {@code weekday} are null where its cadence has none. */
    public record Subscription(String id, String audience, String plant, String cadence, List<String> formats,
            String sendAt, String weekday, boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            String updatedBy) {

        static Subscription of(io.scrapline.alert.domain.Subscription s) {
            return new Subscription(s.id(), s.audience(), s.plant(), s.cadence(), s.formats(),
                    s.sendAt() == null ? null : s.sendAt().toString(),
                    s.weekday() == null ? null : s.weekday().name().toLowerCase(Locale.ROOT), s.enabled(),
                    s.createdAt(), s.updatedAt(), s.updatedBy());
        }
    }

    /**
     * A run of a subscription for one plant: its key and what it sends ({@code period} and {@code as_of} for a daily
     * run, {@code week_start} and {@code as_of} for a weekly one, {@code period} and {@code version} at month-end), its
     * status ({@code queued}, {@code running}, {@code done}, {@code failed}) after {@code attempts}, and each
     * recipient's delivery.
     */
    public record Run(String subscription, String plant, String runKey, String cadence, String period,
            LocalDate weekStart, LocalDate asOf, Integer version, OffsetDateTime dueAt, String status, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime finishedAt, List<Delivery> deliveries) {

        static Run of(DistributionRecord run) {
            return new Run(run.subscriptionId(), run.plant(), run.runKey(), run.cadence(), run.period(),
                    run.weekStart(), run.asOf(), run.version(), run.dueAt(), run.status(), run.attempts(),
                    run.lastError(), run.createdAt(), run.finishedAt(),
                    run.deliveries().stream().map(Delivery::of).toList());
        }
    }

    /**
     * The latest attempt at one recipient: the view and lines of the report sent, the formats, the status
     * ({@code delivered}, {@code failed_retryable}, {@code failed_permanent}, {@code skipped}), the SMTP server's
     * answer ({@code status_code} of a refusal, {@code message_id} of the accepted email, {@code summary}) or why the
     * report could not be had ({@code error_class} {@code report_unavailable}).
     */
    public record Delivery(String recipient, String name, String role, String view, List<String> lines,
            List<String> formats, String status, int attempts, Integer statusCode, String messageId, String summary,
            String errorClass, OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt) {

        static Delivery of(DistributionRecord.Delivery d) {
            return new Delivery(d.recipient(), d.name(), d.role(), d.view(), d.lines(), d.formats(), d.status(),
                    d.attempts(), d.statusCode(), d.providerMessageId(), d.summary(), d.errorClass(),
                    d.firstAttemptAt(), d.lastAttemptAt());
        }
    }

    /** How many runs a close's prompt queued. */
    public record Queued(int queued) {
    }
}
