package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of an operation confirmation as ingest stored it: the yield and scrap of a production order at an
 * operation of an ERP part.
 */
public record ConfirmationRecord(long recordId, String source, String sourceId, int version, String plant,
        String workOrder, String part, String operation, BigDecimal yieldQuantity, BigDecimal scrapQuantity,
        Instant confirmedAt) {
}
