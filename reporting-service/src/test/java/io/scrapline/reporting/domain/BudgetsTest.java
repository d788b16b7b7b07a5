package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which budget a report compares with, and the variance against it (contract.md, "Reports"), worked by hand. */
class BudgetsTest {

    private static final Budgets.Row PLANT = row("", "900.00", "100.00");
    private static final Budgets.Row L1 = row("L1", "700.00", "50.00");
    private static final Budgets.Row L2 = row("L2", "200.00", "25.50");

    @Test
    void theWholePlantTakesItsPlantLevelBudgetOverTheSumOfItsLines() {
        // 900.00 + 100.00, not the lines' 750.00 + 225.50
        assertThat(Budgets.budget(List.of(L1, PLANT, L2), Set.of())).contains(new BigDecimal("1000.00"));
    }

    @Test
    void withoutAPlantLevelBudgetTheWholePlantTakesTheSumOfItsLines() {
        // (700.00 + 50.00) + (200.00 + 25.50) = 975.50
        assertThat(Budgets.budget(List.of(L1, L2), Set.of())).contains(new BigDecimal("975.50"));
    }

    @Test
    void aReportLimitedToLinesTakesThoseLinesBudgetsOnly() {
        assertThat(Budgets.budget(List.of(PLANT, L1, L2), Set.of("L2"))).contains(new BigDecimal("225.50"));
        assertThat(Budgets.budget(List.of(PLANT, L1, L2), Set.of("L1", "L2"))).contains(new BigDecimal("975.50"));
        // The plant-level budget cannot be split among lines: a line without its own budget has none.
        assertThat(Budgets.budget(List.of(PLANT, L1), Set.of("L3"))).isEmpty();
    }

    @Test
    void nothingBudgetedIsNoBudgetRatherThanZero() {
        assertThat(Budgets.budget(List.of(), Set.of())).isEmpty();
    }

    @Test
    void theVarianceIsPositiveOverBudgetAndNegativeUnder() {
        // (1056.98 − 1000) / 1000 = 0.05698 → 0.0570; (973.60 − 1200) / 1200 = −0.188666… → −0.1887
        assertThat(Budgets.variance(new BigDecimal("1056.98"), new BigDecimal("1000.00")))
                .isEqualTo(new BigDecimal("0.0570"));
        assertThat(Budgets.variance(new BigDecimal("973.60"), new BigDecimal("1200.00")))
                .isEqualTo(new BigDecimal("-0.1887"));
        assertThat(Budgets.variance(new BigDecimal("500.00"), new BigDecimal("500")))
                .isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void noBudgetOrAZeroBudgetHasNoVariance() {
        assertThat(Budgets.variance(new BigDecimal("10.00"), null)).isNull();
        assertThat(Budgets.variance(new BigDecimal("10.00"), new BigDecimal("0.00"))).isNull();
    }

    private static Budgets.Row row(String line, String scrap, String rework) {
        return new Budgets.Row(line, new BigDecimal(scrap), new BigDecimal(rework));
    }
}
