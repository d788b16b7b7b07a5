package io.scrapline.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.scrapline.platform.job.Backoff;

/**
 * What becomes of a delivery after an attempt: delivered; retried after a back-off that doubles from {@code first} up
 * to {@code max} (longer if the provider asked, up to {@code max}); or dead (the dead letter) after a permanent
 * failure, or once {@code giveUpAfter} has passed since the delivery first came due. The last retry is due no later
 * than that moment, so a delivery gets an attempt at it.
 */
public record DeliverySchedule(Duration first, Duration max, Duration giveUpAfter) {

    public DeliverySchedule {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 <= first <= max");
        }
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("a delivery gives up after a positive time");
        }
    }

    public enum Outcome {
        DELIVERED, RETRY, DEAD;

        /** As stored: {@code delivered}, {@code retry}, {@code dead}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The outcome of an attempt, and when a retry is due (null unless {@link Outcome#RETRY}). */
    public record Decision(Outcome outcome, Instant nextAttemptAt) {
    }

    /**
     * @param attempt
     *            the attempt's number since the delivery was queued or re-sent, from 1
     * @param firstDue
     *            when the delivery first came due (or was re-sent)
     */
    public Decision after(DeliveryResult result, int attempt, Instant firstDue, Instant now) {
        Objects.requireNonNull(result, "result");
        return switch (result.status()) {
            case DELIVERED -> new Decision(Outcome.DELIVERED, null);
            case FAILED_PERMANENT -> new Decision(Outcome.DEAD, null);
            case FAILED_RETRYABLE -> {
                Instant deadline = firstDue.plus(giveUpAfter);
                if (!now.isBefore(deadline)) {
                    yield new Decision(Outcome.DEAD, null);
                }
                Instant next = now.plus(wait(attempt, result.retryAfter()));
                yield new Decision(Outcome.RETRY, next.isAfter(deadline) ? deadline : next);
            }
        };
    }

    /** The wait after the {@code attempt}-th failure: the back-off, or the provider's longer wish up to the maximum. */
    public Duration wait(int attempt, Duration retryAfter) {
        Duration backoff = new Backoff(first, max).after(attempt);
        if (retryAfter == null || retryAfter.compareTo(backoff) <= 0) {
            return backoff;
        }
        return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }
}
