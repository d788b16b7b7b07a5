package io.scrapline.alert.domain;

import java.time.OffsetDateTime;

/**
 * One attempt at a delivery, the audit of what was sent: the provider's answer ({@code result} {@code delivered},
 * {@code failed_retryable} or {@code failed_permanent}, the HTTP status or SMTP reply code, the provider's message id,
 * the error class and a summary) and what became of the delivery ({@code outcome} {@code delivered}, {@code retry} at
 * {@code nextAttemptAt}, or {@code dead}).
 */
public record DeliveryAttempt(int attempt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String result,
        Integer statusCode, String providerMessageId, String errorClass, String summary, String outcome,
        OffsetDateTime nextAttemptAt) {
}
