package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice as the log shows it: what it is about, what its latest attempt said (the plants, events and quantity
 * waiting; {@code note} when it sent nothing, and why), its job status ({@code queued}, {@code running}, {@code done},
 * {@code failed}) and the delivery to each recipient. {@code resolvedAt} is when no event of its value was parked any
 * more.
 */
public record ReferenceNoticeRecord(long id, String kind, String reason, String source, String value,
        LocalDate digestDate, List<String> plants, Long events, BigDecimal quantity, String note, String status,
        int attempts, String lastError, OffsetDateTime dueAt, OffsetDateTime createdAt, OffsetDateTime finishedAt,
        OffsetDateTime resolvedAt, List<Delivery> deliveries) {

    public ReferenceNoticeRecord {
        plants = List.copyOf(plants);
        deliveries = List.copyOf(deliveries);
    }

    /**
     * The latest attempt at one recipient: {@code delivered}, {@code failed_retryable} (tried again with the notice),
     * {@code failed_permanent} or {@code skipped} (a member limited to lines), with the SMTP server's answer.
     */
    public record Delivery(String recipient, String name, String status, int attempts, Integer statusCode,
            String providerMessageId, String summary, String errorClass, OffsetDateTime firstAttemptAt,
            OffsetDateTime lastAttemptAt) {
    }

    public ReferenceNoticeRecord withDeliveries(List<Delivery> all) {
        return new ReferenceNoticeRecord(id, kind, reason, source, value, digestDate, plants, events, quantity, note,
                status, attempts, lastError, dueAt, createdAt, finishedAt, resolvedAt, all);
    }
}
