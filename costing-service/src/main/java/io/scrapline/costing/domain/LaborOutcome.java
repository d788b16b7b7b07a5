package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What costing made of rework hours that no defect record covers (docs/cost-model.md §7): rework costed against the
 * work center, reported as rework without a defect record, or an exception while no labor rate is known.
 */
public sealed interface LaborOutcome {

    /** The defect code of rework without a defect record: none, as {@code ""} stands for "none" in keys. */
    String NO_DEFECT_CODE = "";

    LaborRecord record();

    String period();

    /** The line of the work center, {@code ""} while it is not registered. */
    String line();

    record Costed(LaborRecord record, String period, String line, BigDecimal amount, String currency,
            Outcome.Provenance provenance, Map<String, Object> explanation) implements LaborOutcome {

        /** Rework without a defect record: no defect code and no shift, internal failure like all rework. */
        public RollupDelta.Key rollupKey() {
            return new RollupDelta.Key(record.plant(), period, line, record.workCenter(), NO_DEFECT_CODE, "", "rework",
                    "internal_failure");
        }
    }

    record Uncostable(LaborRecord record, String period, String line, String reason, String detail)
            implements LaborOutcome {
    }
}
