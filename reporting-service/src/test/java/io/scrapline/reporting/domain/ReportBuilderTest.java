package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A plant-period report from rollup sums (contract.md, "Reports"; docs/cost-model.md §8, §9), worked by hand. */
class ReportBuilderTest {

    private static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.80");

    /**
     * <pre>
     * line/wc  code     type              class             amount  qty  events
     * L1/WC1   MACH-01  scrap             internal_failure  655.20    3       1
     * L1/WC1   MACH-01  rework            internal_failure  120.00    2       2
     * L1/WC2   ASSY-02  return_to_vendor  internal_failure   80.50    1       1
     * L2/WC9   CUST-09  scrap             external_failure  300.00    4       2
     * L2/WC9   MACH-01  use_as_is         internal_failure    0.00    5       1
     * </pre>
     */
    private static final List<ReportBuilder.Sum> SUMS = List.of(
            sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "655.20", "3", 1),
            sum("L1", "WC1", "MACH-01", "rework", "internal_failure", "120.00", "2", 2),
            sum("L1", "WC2", "ASSY-02", "return_to_vendor", "internal_failure", "80.50", "1", 1),
            sum("L2", "WC9", "CUST-09", "scrap", "external_failure", "300.00", "4", 2),
            sum("L2", "WC9", "MACH-01", "use_as_is", "internal_failure", "0.00", "5", 1));

    @Test
    void scrapIncludesReturnToVendorAndReworkIsSeparate() {
        Report.Totals totals = build(SUMS, "1000.00").totals();

        // scrap = 655.20 + 80.50 + 300.00 = 1035.70; rework = 120.00; total = 1035.70 + 120.00 = 1155.70
        assertThat(totals.scrapCost()).isEqualTo(new BigDecimal("1035.70"));
        assertThat(totals.reworkCost()).isEqualTo(new BigDecimal("120.00"));
        assertThat(totals.totalCost()).isEqualTo(new BigDecimal("1155.70"));
    }

    @Test
    void scrapQuantityCountsOnlyScrappedUnitsAndEventsCountEverything() {
        Report.Totals totals = build(SUMS, "1000.00").totals();

        // scrapped: 3 + 1 + 4 = 8 (not the 2 reworked or the 5 used as is); events 1 + 2 + 1 + 2 + 1 = 7
        assertThat(totals.scrapQuantity()).isEqualByComparingTo("8");
        assertThat(totals.events()).isEqualTo(7);
    }

    @Test
    void uncostedEventsAreCounted() {
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller", SUMS, 2,
                new BigDecimal("7.000000"), new BigDecimal("1000.00"), EIGHTY_PERCENT, null);

        assertThat(report.totals().uncostedEvents()).isEqualTo(2);
        assertThat(report.totals().uncostedQuantity()).isEqualByComparingTo("7");
    }

    @Test
    void byLineSumsEqualTheTotals() {
        Report report = build(SUMS, "1000.00");

        // L1/WC1: 655.20 + 120.00 = 775.20 (3 events); L1/WC2: 80.50 (1); L2/WC9: 300.00 + 0.00 = 300.00 (3)
        assertThat(report.byLine()).extracting(Report.LineCost::line, Report.LineCost::workCenter)
                .containsExactly(tuple("L1", "WC1"), tuple("L1", "WC2"), tuple("L2", "WC9"));
        assertThat(report.byLine()).extracting(Report.LineCost::totalCost).containsExactly(new BigDecimal("775.20"),
                new BigDecimal("80.50"), new BigDecimal("300.00"));
        assertThat(report.byLine()).extracting(Report.LineCost::events).containsExactly(3L, 1L, 3L);
        Report.LineCost wc1 = report.byLine().get(0);
        assertThat(wc1.scrapCost()).isEqualByComparingTo("655.20");
        assertThat(wc1.reworkCost()).isEqualByComparingTo("120.00");

        // 775.20 + 80.50 + 300.00 = 1155.70, and so on for each column
        assertThat(sum(report.byLine().stream().map(Report.LineCost::totalCost).toList()))
                .isEqualTo(report.totals().totalCost());
        assertThat(sum(report.byLine().stream().map(Report.LineCost::scrapCost).toList()))
                .isEqualTo(report.totals().scrapCost());
        assertThat(sum(report.byLine().stream().map(Report.LineCost::reworkCost).toList()))
                .isEqualTo(report.totals().reworkCost());
        assertThat(report.byLine().stream().mapToLong(Report.LineCost::events).sum())
                .isEqualTo(report.totals().events());
    }

    @Test
    void moneyOnEveryLineHasTheCurrencysMinorUnit() {
        Report report = build(SUMS, "1000.00");

        // contract.md: money is a decimal string such as "655.20"; L1/WC2 has no rework: "0.00", not "0"
        assertThat(report.byLine()).allSatisfy(line -> {
            assertThat(line.scrapCost().scale()).as(line.workCenter() + " scrap_cost").isEqualTo(2);
            assertThat(line.reworkCost().scale()).as(line.workCenter() + " rework_cost").isEqualTo(2);
            assertThat(line.totalCost().scale()).as(line.workCenter() + " total_cost").isEqualTo(2);
        });
        // a line with nothing but use-as-is events
        Report asIs = build(List.of(sum("L3", "WC5", "MACH-01", "use_as_is", "internal_failure", "0.00", "5", 1)),
                "0.00");
        assertThat(asIs.byLine()).singleElement().satisfies(line -> {
            assertThat(line.scrapCost()).isEqualTo(new BigDecimal("0.00"));
            assertThat(line.totalCost()).isEqualTo(new BigDecimal("0.00"));
        });
    }

    @Test
    void theCoqBreakdownSumsToTheTotal() {
        Report report = build(SUMS, "1000.00");

        // internal: 655.20 + 120.00 + 80.50 + 0.00 = 855.70; external: 300.00; 855.70 + 300.00 = 1155.70
        assertThat(report.coq()).containsExactly(new Report.CoqCost("internal_failure", new BigDecimal("855.70")),
                new Report.CoqCost("external_failure", new BigDecimal("300.00")));
        assertThat(sum(report.coq().stream().map(Report.CoqCost::cost).toList()))
                .isEqualTo(report.totals().totalCost());
    }

    @Test
    void theParetoIsByDefectCodeAndSumsToTheTotal() {
        Report report = build(SUMS, "1000.00");

        // MACH-01: 655.20 + 120.00 + 0.00 = 775.20; CUST-09: 300.00; ASSY-02: 80.50; total 1155.70
        // cumulative: 775.20 / 1155.70 = 0.67076 → 0.6708; 1075.20 / 1155.70 = 0.93034 → 0.9303; 1.0000
        // shares: 0.6708, 0.9303 − 0.6708 = 0.2595, 1.0000 − 0.9303 = 0.0697
        assertThat(report.pareto()).extracting(Pareto.Entry::defectCode).containsExactly("MACH-01", "CUST-09",
                "ASSY-02");
        assertThat(report.pareto()).extracting(Pareto.Entry::cost).containsExactly(new BigDecimal("775.20"),
                new BigDecimal("300.00"), new BigDecimal("80.50"));
        assertThat(report.pareto()).extracting(Pareto.Entry::cumulativeShare).containsExactly(new BigDecimal("0.6708"),
                new BigDecimal("0.9303"), new BigDecimal("1.0000"));
        assertThat(report.pareto()).extracting(Pareto.Entry::share).containsExactly(new BigDecimal("0.6708"),
                new BigDecimal("0.2595"), new BigDecimal("0.0697"));
        assertThat(report.pareto()).extracting(Pareto.Entry::vitalFew).containsExactly(true, true, false);
        assertThat(sum(report.pareto().stream().map(Pareto.Entry::cost).toList()))
                .isEqualTo(report.totals().totalCost());
    }

    @Test
    void periodOverPeriodIsTheFractionalChange() {
        // (655.20 − 500.00) / 500.00 = 155.20 / 500.00 = 0.3104
        Report report = build(List.of(sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "655.20", "3", 1)),
                "500.00");

        assertThat(report.variance().priorPeriodTotal()).isEqualTo(new BigDecimal("500.00"));
        assertThat(report.variance().periodOverPeriod()).isEqualTo(new BigDecimal("0.3104"));
    }

    @Test
    void periodOverPeriodIsRoundedHalfUpToFourDecimals() {
        // (655.20 − 330.00) / 330.00 = 325.20 / 330.00 = 0.985454… → 0.9855
        Report report = build(List.of(sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "655.20", "3", 1)),
                "330.00");

        assertThat(report.variance().periodOverPeriod()).isEqualTo(new BigDecimal("0.9855"));
    }

    @Test
    void aDecreaseIsNegative() {
        // (655.20 − 800.00) / 800.00 = −144.80 / 800.00 = −0.1810
        Report report = build(List.of(sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "655.20", "3", 1)),
                "800.00");

        assertThat(report.variance().periodOverPeriod()).isEqualTo(new BigDecimal("-0.1810"));
    }

    @Test
    void periodOverPeriodIsNullWithoutAPriorTotal() {
        Report report = build(List.of(sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "655.20", "3", 1)),
                "0.00");

        assertThat(report.variance().periodOverPeriod()).isNull();
    }

    @Test
    void anEmptyPeriodHasZeroTotalsAndNoPareto() {
        Report report = build(List.of(), "0.00");

        assertThat(report.totals().totalCost()).isEqualTo(new BigDecimal("0.00"));
        assertThat(report.totals().scrapCost()).isEqualTo(new BigDecimal("0.00"));
        assertThat(report.totals().reworkCost()).isEqualTo(new BigDecimal("0.00"));
        assertThat(report.totals().events()).isZero();
        assertThat(report.byLine()).isEmpty();
        assertThat(report.pareto()).isEmpty();
        assertThat(report.coq()).isEmpty();
        assertThat(report.variance().periodOverPeriod()).isNull();
    }

    @Test
    void yenTotalsHaveNoDecimals() {
        // 1235 + 800 = 2035 JPY, and a report without rework shows 0, not 0.00
        Report report = ReportBuilder.build("P2", "Plant two", "2026-10", "JPY", "controller",
                List.of(sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "1235", "1", 1),
                        sum("L1", "WC1", "MACH-01", "scrap", "internal_failure", "800", "1", 1)),
                0, BigDecimal.ZERO, BigDecimal.ZERO, EIGHTY_PERCENT, null);

        assertThat(report.totals().scrapCost()).isEqualTo(new BigDecimal("2035"));
        assertThat(report.totals().reworkCost()).isEqualTo(new BigDecimal("0"));
        assertThat(report.totals().totalCost()).isEqualTo(new BigDecimal("2035"));
    }

    @Test
    void theReportNamesItsPlantPeriodCurrencyAndView() {
        Report report = build(SUMS, "1000.00");

        assertThat(report.plant()).isEqualTo("P1");
        assertThat(report.plantName()).isEqualTo("Plant one");
        assertThat(report.period()).isEqualTo("2026-10");
        assertThat(report.currency()).isEqualTo("USD");
        assertThat(report.view()).isEqualTo("controller");
        assertThat(report.status()).isEqualTo("open");
    }

    @Test
    void theBudgetVarianceIsTheShareOverBudget() {
        // total 1155.70 against a budget of 1000: (1155.70 − 1000) / 1000 = 0.15570 → 0.1557, over budget
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller", SUMS, 0, BigDecimal.ZERO,
                new BigDecimal("1000.00"), EIGHTY_PERCENT, new BigDecimal("1000"));

        assertThat(report.variance().budget()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(report.variance().budgetVariance()).isEqualTo(new BigDecimal("0.1557"));
    }

    @Test
    void withoutABudgetThereIsNoBudgetVariance() {
        Report.Variance variance = build(SUMS, "1000.00").variance();

        assertThat(variance.budget()).isNull();
        assertThat(variance.budgetVariance()).isNull();
    }

    private static Report build(List<ReportBuilder.Sum> sums, String priorTotal) {
        return ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller", sums, 0, BigDecimal.ZERO,
                new BigDecimal(priorTotal), EIGHTY_PERCENT, null);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static ReportBuilder.Sum sum(String line, String workCenter, String code, String costType, String coqClass,
            String amount, String quantity, long events) {
        return new ReportBuilder.Sum(line, workCenter, code, "defect " + code, costType, coqClass,
                new BigDecimal(amount), new BigDecimal(quantity), events, "A", BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
