package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One operation of a part's standard cost roll, per unit of the finished part, in plant currency. */
public record CostRollLine(String operation, LocalDate effectiveFrom, BigDecimal material, BigDecimal labor,
        BigDecimal overhead, boolean milestone) {

    public BigDecimal total() {
        return material.add(labor).add(overhead);
    }
}
