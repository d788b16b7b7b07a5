package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Pareto;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;
import io.scrapline.reporting.domain.ReportFigures;

/** The sections beyond the period's rollups and the views, on the figures of {@link SampleReports#threeCodes()}. */
class ReportSectionsTest {

    private final Report report = SampleReports.threeCodes();

    @Test
    void theShiftsSumToTheTotalsAndRankTheirCodesByCost() {
        assertThat(report.byShift()).extracting(Report.ShiftCost::shift).containsExactly("A", "B");
        assertThat(report.byShift()).extracting(Report.ShiftCost::totalCost).containsExactly(new BigDecimal("1049.50"),
                new BigDecimal("250.50"));
        assertThat(sum(report.byShift().stream().map(Report.ShiftCost::totalCost).toList()))
                .isEqualTo(report.totals().totalCost());
        assertThat(sum(report.byShift().stream().map(Report.ShiftCost::scrapCost).toList()))
                .isEqualTo(report.totals().scrapCost());
        assertThat(report.byShift().stream().mapToLong(Report.ShiftCost::events).sum())
                .isEqualTo(report.totals().events());

        assertThat(report.defectsByShift()).extracting(d -> d.shift() + " " + d.rank() + " " + d.defectCode())
                .containsExactly("A 1 MACH-01", "A 2 PAINT-03", "B 1 WELD-02");
        assertThat(sum(report.defectsByShift().stream().map(Report.ShiftDefect::cost).toList()))
                .isEqualTo(report.totals().totalCost());
        assertThat(report.defectsByShift().stream().mapToLong(Report.ShiftDefect::events).sum()).isEqualTo(4);
    }

    @Test
    void aCodeIsFlaggedWhenItsPeriodCostIsOverItsAlertThreshold() {
        // MACH-01 1000.00 > 900.00; WELD-02 250.50 ≤ 300.00; PAINT-03 has no rule
        assertThat(report.defectsByShift())
                .extracting(Report.ShiftDefect::defectCode, Report.ShiftDefect::threshold,
                        Report.ShiftDefect::overThreshold)
                .containsExactly(tuple("MACH-01", new BigDecimal("900.00"), true), tuple("PAINT-03", null, false),
                        tuple("WELD-02", new BigDecimal("300.00"), false));
    }

    @Test
    void theFlagComparesTheCodesCostOverAllShiftsNotOneShifts() {
        // 500.00 in each of two shifts: neither shift is over 900.00, the period's 1000.00 is.
        Report split = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full",
                List.of(sum("MACH-01", "scrap", "500.00", "A", "0", "0"),
                        sum("MACH-01", "scrap", "500.00", "B", "0", "0")),
                0, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.80"), null,
                new ReportBuilder.Sections(null, null, null, null, null, null,
                        List.of(new ReportBuilder.Threshold("MACH-01", new BigDecimal("900.00")))));

        assertThat(split.defectsByShift()).extracting(Report.ShiftDefect::overThreshold).containsExactly(true, true);
    }

    @Test
    void theScrapVarianceTotalsAreTheSumsOfItsRows() {
        Report.ScrapVarianceTotals totals = report.scrapVarianceTotals();

        assertThat(report.scrapVariance()).extracting(Report.ScrapVariance::part).containsExactly("PART-1", "PART-2");
        assertThat(totals.plannedQuantity()).isEqualByComparingTo("3");
        assertThat(totals.unplannedQuantity()).isEqualByComparingTo("3");
        assertThat(totals.totalQuantity()).isEqualByComparingTo("6");
        assertThat(totals.varianceQuantity()).isEqualByComparingTo("0");
        assertThat(totals.varianceValue()).isEqualTo(new BigDecimal("27.50"));
    }

    @Test
    void theYearToDateSumsItsPeriodsByCostTypeAndClassAndIsAtLeastThePeriod() {
        Report.YearToDate year = report.yearToDate();

        assertThat(year.firstPeriod()).isEqualTo("2026-01");
        assertThat(year.lastPeriod()).isEqualTo("2026-10");
        assertThat(year.scrapCost()).isEqualTo(new BigDecimal("5200.00"));
        assertThat(year.reworkCost()).isEqualTo(new BigDecimal("300.00"));
        assertThat(year.totalCost()).isEqualTo(new BigDecimal("5500.00"));
        assertThat(year.events()).isEqualTo(11);
        assertThat(year.coq()).extracting(Report.CoqCost::coqClass, Report.CoqCost::cost).containsExactly(
                tuple("internal_failure", new BigDecimal("5300.00")),
                tuple("external_failure", new BigDecimal("200.00")));
        assertThat(sum(year.coq().stream().map(Report.CoqCost::cost).toList())).isEqualTo(year.totalCost());
        assertThat(year.totalCost()).isGreaterThanOrEqualTo(report.totals().totalCost());
    }

    @Test
    void theTrendFollowsTheTopCodesOfTheParetoWeekByWeek() {
        Report.Trend trend = report.trend();

        assertThat(trend.weeks()).hasSize(13).startsWith(LocalDate.of(2026, 8, 3)).endsWith(LocalDate.of(2026, 10, 26));
        assertThat(trend.series()).extracting(Report.TrendSeries::defectCode).containsExactly("MACH-01", "WELD-02",
                "PAINT-03");
        Report.TrendSeries mach = trend.series().get(0);
        assertThat(mach.costs()).hasSize(13);
        assertThat(mach.costs().get(trend.weeks().indexOf(LocalDate.of(2026, 10, 5))))
                .isEqualTo(new BigDecimal("600.00"));
        assertThat(mach.costs().get(12)).isEqualTo(new BigDecimal("400.00"));
        assertThat(mach.costs().get(0)).isEqualTo(new BigDecimal("0.00"));
        // each series' weeks sum to its total: here the codes' period costs, as no week crosses into another period
        for (Report.TrendSeries series : trend.series()) {
            assertThat(sum(series.costs())).isEqualTo(series.total());
        }
        assertThat(trend.series()).extracting(Report.TrendSeries::total).containsExactly(new BigDecimal("1000.00"),
                new BigDecimal("250.50"), new BigDecimal("49.50"));
    }

    @Test
    void theTrendHasTheFirstFiveCodesOnly() {
        List<ReportBuilder.Sum> sums = List.of(code("D-1", "60.00"), code("D-2", "50.00"), code("D-3", "40.00"),
                code("D-4", "30.00"), code("D-5", "20.00"), code("D-6", "10.00"));
        Report six = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full", sums, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.80"), null,
                new ReportBuilder.Sections(null, null, null, SampleReports.WEEKS, List.of(), null, List.of()));

        assertThat(six.trend().series()).extracting(Report.TrendSeries::defectCode).containsExactly("D-1", "D-2", "D-3",
                "D-4", "D-5");
    }

    @Test
    void theCorrectiveActionsCountTheNcrsOfEachParetoCode() {
        assertThat(report.correctiveActions()).extracting(Report.CorrectiveActions::defectCode)
                .containsExactly("MACH-01", "WELD-02", "PAINT-03");
        Report.CorrectiveActions mach = report.correctiveActions().get(0);
        assertThat(mach.ncrs()).isEqualTo(3);
        assertThat(mach.openNcrs()).isEqualTo(2);
        assertThat(mach.byStatus()).isEqualTo(Map.of("in_progress", 2L, "none", 1L));
        assertThat(mach.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(mach.ncrs());
        assertThat(report.correctiveActions().get(1).ncrs()).isZero();
        assertThat(report.correctiveActions().get(1).byStatus()).isEmpty();
    }

    @Test
    void reworkWithoutADefectRecordIsLabelledAsSuchAndStillFoots() {
        // MACH-01 scrap 100.00, rework hours without a defect record 25.00: total 125.00, 0.8000 and 0.2000
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full",
                List.of(code("MACH-01", "100.00"), sum("", "rework", "25.00", "A", "0", "0")), 0, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.80"), null,
                new ReportBuilder.Sections(null, null, null, SampleReports.WEEKS, List.of(),
                        List.of(new ReportBuilder.NcrCount("MACH-01", "open", 1, 1)), List.of()));

        assertThat(report.pareto()).extracting(Pareto.Entry::defectCode).containsExactly("MACH-01", null);
        assertThat(report.pareto().get(1).description()).isEqualTo("Rework without a defect record");
        assertThat(report.pareto()).extracting(Pareto.Entry::share).containsExactly(new BigDecimal("0.8000"),
                new BigDecimal("0.2000"));
        assertThat(sum(report.pareto().stream().map(Pareto.Entry::cost).toList()))
                .isEqualTo(report.totals().totalCost());
        assertThat(report.totals().reworkCost()).isEqualTo(new BigDecimal("25.00"));
        assertThat(report.defectsByShift()).extracting(Report.ShiftDefect::description)
                .containsExactly("defect MACH-01", "Rework without a defect record");
        // No code, so nothing to follow in the trend and no NCR to count.
        assertThat(report.trend().series()).extracting(Report.TrendSeries::defectCode).containsExactly("MACH-01");
        assertThat(report.correctiveActions()).extracting(Report.CorrectiveActions::defectCode)
                .containsExactly("MACH-01");
        assertThat(SvgCharts.pareto(report.pareto(), new BigDecimal("0.80"), "USD"))
                .contains(">Rework without a defect record</text>");
    }

    @Test
    void recoverableAndExposedAmountsAreShownApartAndByLine() {
        // L1: returned to the vendor 80.00 with 30.00 recoverable; L2: quarantine costs 0.00 with 120.00 at risk
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full",
                List.of(new ReportBuilder.Sum("L1", "WC1", "MACH-01", "Bore", "return_to_vendor", "external_failure",
                        new BigDecimal("80.00"), BigDecimal.ONE, 1, "A", new BigDecimal("30.00"), BigDecimal.ZERO),
                        new ReportBuilder.Sum("L2", "WC2", "WELD-02", "Weld", "quarantine", "internal_failure",
                                new BigDecimal("0.00"), new BigDecimal("2"), 1, "A", BigDecimal.ZERO,
                                new BigDecimal("120.00"))),
                0, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.80"), null);

        assertThat(report.totals().scrapCost()).isEqualTo(new BigDecimal("80.00"));
        assertThat(report.totals().totalCost()).isEqualTo(new BigDecimal("80.00"));
        assertThat(report.totals().recoverableAmount()).isEqualTo(new BigDecimal("30.00"));
        assertThat(report.totals().exposureAmount()).isEqualTo(new BigDecimal("120.00"));
        assertThat(report.totals().events()).isEqualTo(2);
        assertThat(report.byLine())
                .extracting(Report.LineCost::line, Report.LineCost::recoverableAmount, Report.LineCost::exposureAmount)
                .containsExactly(tuple("L1", new BigDecimal("30.00"), new BigDecimal("0.00")),
                        tuple("L2", new BigDecimal("0.00"), new BigDecimal("120.00")));
    }

    @Test
    void eachViewIsASubsetOfTheSameFigures() {
        Report controller = report.inView("controller");
        assertThat(controller.view()).isEqualTo("controller");
        assertThat(controller.totals()).isEqualTo(report.totals());
        assertThat(controller.byLine()).isEqualTo(report.byLine());
        assertThat(controller.coq()).isEqualTo(report.coq());
        assertThat(controller.variance()).isEqualTo(report.variance());
        assertThat(controller.scrapVariance()).isEqualTo(report.scrapVariance());
        assertThat(controller.yearToDate()).isEqualTo(report.yearToDate());
        assertThat(controller.pareto()).isNull();
        assertThat(controller.trend()).isNull();
        assertThat(controller.byShift()).isNull();

        Report quality = report.inView("quality");
        assertThat(quality.pareto()).isEqualTo(report.pareto());
        assertThat(quality.trend()).isEqualTo(report.trend());
        assertThat(quality.correctiveActions()).isEqualTo(report.correctiveActions());
        assertThat(quality.byLine()).isNull();
        assertThat(quality.yearToDate()).isNull();

        Report supervisor = report.inView("supervisor");
        assertThat(supervisor.byShift()).isEqualTo(report.byShift());
        assertThat(supervisor.defectsByShift()).isEqualTo(report.defectsByShift());
        assertThat(supervisor.pareto()).isNull();
        assertThat(supervisor.variance()).isNull();

        assertThat(report.inView(null)).isSameAs(report);
        assertThat(report.inView("full")).isSameAs(report);
        assertThatThrownBy(() -> report.inView("board")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportOfSomeLinesHasTheirTrendAndYearToDateAndNoScrapVariance() {
        ReportFigures figures = new ReportFigures(List.of(sum("MACH-01", "scrap", "100.00", "A", "0", "0")), List.of(),
                List.of(), List.of(), new BigDecimal("0.80"),
                List.of(new Report.ScrapVariance(
                        "PART-1", "0010", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.00"), 1)),
                "2026-01",
                List.of(new ReportBuilder.YearSum("L1", "scrap", "internal_failure", new BigDecimal("700.00"), 3),
                        new ReportBuilder.YearSum("L2", "scrap", "internal_failure", new BigDecimal("900.00"), 4)),
                SampleReports.WEEKS,
                List.of(new ReportBuilder.WeekCost("L1", LocalDate.of(2026, 10, 26), "MACH-01",
                        new BigDecimal("60.00")),
                        new ReportBuilder.WeekCost("L2", LocalDate.of(2026, 10, 26), "MACH-01",
                                new BigDecimal("40.00"))),
                List.of(), List.of(), null, null, List.of());

        Report plant = figures.report("P1", "Plant one", "2026-10", "USD", "full", List.of());
        Report lineOne = figures.report("P1", "Plant one", "2026-10", "USD", "full", List.of("L1"));

        assertThat(plant.scrapVariance()).hasSize(1);
        assertThat(plant.yearToDate().totalCost()).isEqualTo(new BigDecimal("1600.00"));
        assertThat(plant.trend().series().get(0).total()).isEqualTo(new BigDecimal("100.00"));
        assertThat(lineOne.scrapVariance()).isNull();
        assertThat(lineOne.scrapVarianceTotals()).isNull();
        assertThat(lineOne.yearToDate().totalCost()).isEqualTo(new BigDecimal("700.00"));
        assertThat(lineOne.trend().series().get(0).total()).isEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void figuresStoredBeforeTheseSectionsGiveAReportWithoutThem() {
        ReportFigures old = new ReportFigures(List.of(sum("MACH-01", "scrap", "100.00", null, null, null)), List.of(),
                List.of(), List.of(), new BigDecimal("0.80"), null, null, null, null, null, null, null);

        Report report = old.report("P1", "Plant one", "2026-10", "USD", "full", List.of());

        assertThat(report.totals().totalCost()).isEqualTo(new BigDecimal("100.00"));
        assertThat(report.totals().recoverableAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(report.scrapVariance()).isNull();
        assertThat(report.yearToDate()).isNull();
        assertThat(report.trend()).isNull();
        assertThat(report.correctiveActions()).isNull();
        assertThat(report.byShift()).extracting(Report.ShiftCost::shift).containsExactly("");
    }

    private static ReportBuilder.Sum code(String code, String amount) {
        return sum(code, "scrap", amount, "A", "0", "0");
    }

    private static ReportBuilder.Sum sum(String code, String costType, String amount, String shift, String recoverable,
            String exposure) {
        return new ReportBuilder.Sum("L1", "WC1", code, "defect " + code, costType, "internal_failure",
                new BigDecimal(amount), BigDecimal.ONE, 1, shift,
                recoverable == null ? null : new BigDecimal(recoverable),
                exposure == null ? null : new BigDecimal(exposure));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
