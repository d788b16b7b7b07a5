package io.scrapline.reporting.domain;

import java.time.OffsetDateTime;

/**
 * A plant-period's close: {@code closed} with the version in force, or the close job's {@code queued}, {@code running}
 * or {@code failed} with its attempts and last error.
 */
public record PeriodCloseState(String plant, String period, String status, Integer version, OffsetDateTime closedAt,
        String closedBy, Integer attempts, String lastError) {
}
