package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of an operation confirmation as ingest stored it: the yield and scrap of a production order at an
 * operation of an ERP part, in unit {@code uom} (null: the part's base unit).
 */
public record ConfirmationRecord(long recordId, String source, String sourceId, int version, String plant,
        String workOrder, String part, String operation, BigDecimal yieldQuantity, BigDecimal scrapQuantity,
        Instant confirmedAt, String uom) {

    /** A confirmation whose quantities name no unit. */
    public ConfirmationRecord(long recordId, String source, String sourceId, int version, String plant,
            String workOrder, String part, String operation, BigDecimal yieldQuantity, BigDecimal scrapQuantity,
            Instant confirmedAt) {
        this(recordId, source, sourceId, version, plant, workOrder, part, operation, yieldQuantity, scrapQuantity,
                confirmedAt, null);
    }
}
