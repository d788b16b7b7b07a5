package io.scrapline.costing.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One costed event with what it was costed from: the inputs that replay it, and the cost roll's effective date and
 * standard-cost record versions (null when it used none, or they are gone).
 */
public record CostedEventDetail(CostedEvent event, CostedEventInputs inputs, LocalDate costRollEffectiveFrom,
        List<CostRollRecord> costRollLines) {

    /**
     * A standard-cost record version of the cost roll an event used; its effective date as PostgreSQL writes it
     * ({@code YYYY-MM-DD}).
     */
    public record CostRollRecord(String operation, String effectiveFrom, long recordId, int version) {
    }
}
