package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One operation of a part's standard cost roll, per unit of the finished part, in plant currency, with the operation's
 * planned scrap rate (a fraction, null when none is planned). {@code recordId} and {@code version} name the
 * standard-cost record it came from (null when not known), so a costed event can say which cost roll it used.
 * {@code uom} is the unit the values are per (null: the part's base unit).
 */
public record CostRollLine(String operation, LocalDate effectiveFrom, BigDecimal material, BigDecimal labor,
        BigDecimal overhead, boolean milestone, BigDecimal plannedScrapRate, Long recordId, Integer version,
        String uom) {

    public CostRollLine(String operation, LocalDate effectiveFrom, BigDecimal material, BigDecimal labor,
            BigDecimal overhead, boolean milestone, BigDecimal plannedScrapRate, Long recordId, Integer version) {
        this(operation, effectiveFrom, material, labor, overhead, milestone, plannedScrapRate, recordId, version, null);
    }

    public CostRollLine(String operation, LocalDate effectiveFrom, BigDecimal material, BigDecimal labor,
            BigDecimal overhead, boolean milestone) {
        this(operation, effectiveFrom, material, labor, overhead, milestone, null, null, null, null);
    }

    public BigDecimal total() {
        return material.add(labor).add(overhead);
    }
}
