package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an event was costed from, to replay its arithmetic: the record version it values (a defect record, or a
 * rework-labor record without one), the mapping it got, the booking period and its own, the exact versions of its
 * inputs, and the part's unit factor its quantity was converted with (null when it was not).
 */
public record CostedEventInputs(long eventId, Long recordId, Long laborRecordId, String plant, String line,
        String workCenter, String part, String defectCode, String coqClass, String period, String eventPeriod,
        Long ncrRecordId, Long workOrderRecordId, List<Long> costRollRecordIds, List<Map<String, Object>> laborRates,
        Integer schemaVersion, BigDecimal amount, UnitConversion.Factor uomConversion) {
}
