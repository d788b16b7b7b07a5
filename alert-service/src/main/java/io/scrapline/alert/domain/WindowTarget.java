package io.scrapline.alert.domain;

import java.time.Instant;

/**
 * The window instances of one rule to evaluate: those of the events that occurred in {@code [rangeStart, rangeEnd)} (a
 * shift, a day, a week, the last hours), or those booked in {@code period} (the period to date).
 *
 * @param lookbackPeriod
 *            the earliest period a relative threshold of the period to date averages over
 * @param rollingKey
 *            the window key of the rolling window ending now; null for the other windows
 */
public record WindowTarget(CandidateRule rule, Instant rangeStart, Instant rangeEnd, String period,
        String lookbackPeriod, String rollingKey) {
}
