package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The plant-period report of contract.md, "Reports". Money is a decimal string next to {@code currency}; the vital-few
 * threshold is the share of cost that the Pareto's vital few reach, so a chart can draw it.
 */
@RegisterForReflection(targets = { Report.class, Report.Totals.class, Report.LineCost.class, Report.CoqCost.class,
        Report.Variance.class, Pareto.Entry.class })
public record Report(String plant, String plantName, String period, String currency, String status, int version,
        String view, Totals totals, List<LineCost> byLine, List<Pareto.Entry> pareto, BigDecimal vitalFewThreshold,
        List<CoqCost> coq, Variance variance) {

    /** The same figures as version {@code version} of a closed period, labelled for {@code view}. */
    public Report closed(int version, String view) {
        return new Report(plant, plantName, period, currency, "closed", version, view, totals, byLine, pareto,
                vitalFewThreshold, coq, variance);
    }

    public record Totals(BigDecimal scrapCost, BigDecimal reworkCost, BigDecimal totalCost, BigDecimal scrapQuantity,
            long events, long uncostedEvents, BigDecimal uncostedQuantity) {
    }

    public record LineCost(String line, String workCenter, BigDecimal scrapCost, BigDecimal reworkCost,
            BigDecimal totalCost, long events) {
    }

    public record CoqCost(String coqClass, BigDecimal cost) {
    }

    /**
     * Against the prior period and the budget (scrap + rework; null when none is set). Deltas are fractions (0.124 =
     * +12.4 %); a positive budget variance is over budget.
     */
    public record Variance(BigDecimal priorPeriodTotal, BigDecimal periodOverPeriod, BigDecimal budget,
            BigDecimal budgetVariance) {
    }
}
