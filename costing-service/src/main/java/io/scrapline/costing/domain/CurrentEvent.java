package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A current event of a re-costing part as it stands: what its re-cost is compared with, and what a changed figure takes
 * out of the rollups.
 */
public record CurrentEvent(long eventId, long recordId, RollupDelta.Key key, BigDecimal amount, BigDecimal recoverable,
        BigDecimal exposure, BigDecimal quantity, BigDecimal unitValue, String part, String eventPeriod,
        Integer schemaVersion, Long ncrRecordId, Long workOrderRecordId, List<Long> costRollRecordIds,
        List<Long> laborRecordIds) {
}
