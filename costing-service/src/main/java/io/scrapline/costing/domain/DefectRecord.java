package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a defect record as ingest stored it, in the source's own part and defect code; {@code uom} is the unit
 * of its quantity (null: the part's base unit).
 */
public record DefectRecord(long recordId, String source, String sourceId, int version, String plant, String line,
        String workCenter, String sourcePart, String sourceDefectCode, BigDecimal quantity, String disposition,
        Instant occurredAt, String shift, String operation, boolean customerReturn, BigDecimal salvagePerUnit,
        String workOrder, String ncr, String uom) {

    /** A record whose quantity names no unit. */
    public DefectRecord(long recordId, String source, String sourceId, int version, String plant, String line,
            String workCenter, String sourcePart, String sourceDefectCode, BigDecimal quantity, String disposition,
            Instant occurredAt, String shift, String operation, boolean customerReturn, BigDecimal salvagePerUnit,
            String workOrder, String ncr) {
        this(recordId, source, sourceId, version, plant, line, workCenter, sourcePart, sourceDefectCode, quantity,
                disposition, occurredAt, shift, operation, customerReturn, salvagePerUnit, workOrder, ncr, null);
    }
}
