package io.scrapline.costing.domain;

import java.time.OffsetDateTime;

/** A re-costing job of one plant-period and its progress. */
public record RecostingJob(long id, String plant, String period, String reason, String status, Long totalEvents,
        long doneEvents, Integer parts, int doneParts, String requestedBy, String claimedBy, String lastError,
        OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
