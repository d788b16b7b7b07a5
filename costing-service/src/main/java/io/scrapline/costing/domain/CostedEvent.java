package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A costed event as stored: the record version it values, where and when it booked, its mapping and figures, whether it
 * values rework hours without a defect record, and the unit of its quantity (null: the part's base unit).
 */
public record CostedEvent(long id, String source, String sourceId, int recordVersion, String plant, String period,
        String eventPeriod, String line, String workCenter, String shift, String part, String defectCode,
        String coqClass, String disposition, String costType, BigDecimal quantity, BigDecimal unitValue,
        BigDecimal amount, String currency, OffsetDateTime occurredAt, boolean superseded, OffsetDateTime costedAt,
        Integer schemaVersion, BigDecimal recoverableAmount, BigDecimal exposureAmount, String ncr, String workOrder,
        String scrapAction, String scrapAccount, boolean reworkWithoutDefectRecord, String uom) {
}
