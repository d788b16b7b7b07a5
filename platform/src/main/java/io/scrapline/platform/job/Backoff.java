package io.scrapline.platform.job;

import java.time.Duration;

/**
 * How long a failed job waits before its next attempt: {@code first} after the first failure, doubled after each
 * further one, never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    /** Retried at once: the next claim may take the job again. */
    public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO);

    public Backoff {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 <= first <= max");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        if (first.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
