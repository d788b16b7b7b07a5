package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a rework-labor record as ingest stored it: hours of rework at a work center, with the labor record's
 * own rate and the material added, when it gives them.
 */
public record LaborRecord(long recordId, String source, String sourceId, int version, String plant, String workCenter,
        BigDecimal hours, Instant performedAt, String ncr, String defectSourceId, String workOrder, String operation,
        BigDecimal rate, BigDecimal material) {
}
