package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The budget of a plant-period and the report's variance against it (contract.md, "Reports"). */
public final class Budgets {

    /** The line of a budget that covers the whole plant; '' rather than null because it is part of the key. */
    public static final String WHOLE_PLANT = "";

    /** One stored budget of the plant-period: {@code line} is {@link #WHOLE_PLANT} or a line. */
    public record Row(String line, BigDecimal scrapBudget, BigDecimal reworkBudget) {

        BigDecimal total() {
            return scrapBudget.add(reworkBudget);
        }
    }

    private Budgets() {
    }

    /**
     * The budget a report of {@code lines} (empty: the whole plant) compares with. The whole plant takes its own
     * plant-level budget when it has one, since line budgets need not cover every line; else the sum of the line
     * budgets. A report limited to lines takes the sum of those lines' budgets only: the plant-level figure cannot be
     * split among lines. Empty when nothing is budgeted.
     */
    public static Optional<BigDecimal> budget(List<Row> rows, Collection<String> lines) {
        if (lines.isEmpty()) {
            Optional<BigDecimal> plant = rows.stream().filter(r -> r.line().equals(WHOLE_PLANT)).map(Row::total)
                    .findFirst();
            if (plant.isPresent()) {
                return plant;
            }
        }
        return rows.stream().filter(r -> !r.line().equals(WHOLE_PLANT))
                .filter(r -> lines.isEmpty() || lines.contains(r.line())).map(Row::total).reduce(BigDecimal::add);
    }

    /**
     * (total − budget) / budget as a fraction with {@link Pareto#SHARE_SCALE} places, positive when over budget; null
     * without a budget, and for a zero budget, where no fraction says how far over it the cost is.
     */
    public static BigDecimal variance(BigDecimal totalCost, BigDecimal budget) {
        if (budget == null || budget.signum() == 0) {
            return null;
        }
        return totalCost.subtract(budget).divide(budget, Pareto.SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
