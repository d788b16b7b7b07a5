package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What costing made of one record version: a costed event, or an exception waiting for data. */
public sealed interface Outcome {

    DefectRecord record();

    String period();

    /**
     * A costed event, booked in {@code period}: its own {@code eventPeriod} unless that is closed (docs/cost-model.md
     * §9). {@code costType} is the disposition applied (the NCR's when it has one); {@code recoverable} is the supplier
     * recovery expected of a return to vendor, {@code exposure} the scrap value at risk of a quarantine.
     */
    record Costed(DefectRecord record, String period, String eventPeriod, String part, String defectCode,
            String coqClass, String costType, BigDecimal unitValue, BigDecimal amount, BigDecimal recoverable,
            BigDecimal exposure, String currency, Provenance provenance, Map<String, Object> explanation)
            implements Outcome {

        /** The rollup the event adds to; a record without a shift is under shift {@code ""}. */
        public RollupDelta.Key rollupKey() {
            return new RollupDelta.Key(record.plant(), period, record.line(), record.workCenter(), defectCode,
                    record.shift() == null ? "" : record.shift(), costType, coqClass);
        }
    }

    /** A record that waits for data, its exception in the period the event would be booked in. */
    record Uncostable(DefectRecord record, String period, String reason, String detail) implements Outcome {
    }

    /**
     * The inputs a costed event used besides its record (docs/cost-model.md §10), so that explain can name them and a
     * change of them can be noticed: the NCR version whose disposition applied, the work order version (its close date,
     * its figures when costed at actual or estimated cost) and its scrap action and account, the cost-roll lines
     * (standard-cost record, version, effective date), per rework-labor record, the rate used, and the part's unit
     * factor its quantity was converted with (null when it was not).
     */
    record Provenance(Long ncrRecordId, String workOrder, Long workOrderRecordId, String scrapAction,
            String scrapAccount, LocalDate costRollEffectiveFrom, List<Map<String, Object>> costRollLines,
            List<Map<String, Object>> laborRates, List<Long> laborRecordIds, UnitConversion.Factor uomConversion) {

        public Provenance(Long ncrRecordId, String workOrder, Long workOrderRecordId, String scrapAction,
                String scrapAccount, LocalDate costRollEffectiveFrom, List<Map<String, Object>> costRollLines,
                List<Map<String, Object>> laborRates, List<Long> laborRecordIds) {
            this(ncrRecordId, workOrder, workOrderRecordId, scrapAction, scrapAccount, costRollEffectiveFrom,
                    costRollLines, laborRates, laborRecordIds, null);
        }

        public static Provenance none() {
            return new Provenance(null, null, null, null, null, null, null, null, List.of());
        }
    }
}
