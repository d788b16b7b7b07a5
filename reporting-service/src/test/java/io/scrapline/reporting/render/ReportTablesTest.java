package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Report;

/** The tables every readable format shows, and how their figures read. */
class ReportTablesTest {

    @Test
    void hasTheJsonsSectionsWithTheirFigures() {
        var tables = ReportTables.of(SampleReports.threeCodes());

        assertThat(tables).extracting(ReportTables.Table::id).containsExactly("report", "totals", "by_line", "pareto",
                "coq", "variance", "scrap_variance", "scrap_variance_totals", "by_shift", "defects_by_shift",
                "year_to_date", "year_to_date_coq", "trend", "corrective_actions");
        ReportTables.Table pareto = tables.get(3);
        assertThat(pareto.rows()).hasSize(3);
        assertThat(pareto.rows().get(1)).extracting(ReportTables.Cell::display).containsExactly("2", "WELD-02",
                SampleReports.WELD_DESCRIPTION, "250.50", "19.27 %", "96.19 %", "yes");
        assertThat(pareto.isNumberColumn(3)).isTrue();
        assertThat(pareto.isNumberColumn(2)).isFalse();
        assertThat(tables.get(1).rows().get(2)).extracting(ReportTables.Cell::display)
                .containsExactly("Total cost (USD)", "1,300.00");
    }

    @Test
    void aViewHasTheTablesOfItsSectionsOnly() {
        Report report = SampleReports.threeCodes();

        assertThat(ReportTables.of(report.inView("controller"))).extracting(ReportTables.Table::id).containsExactly(
                "report", "totals", "by_line", "coq", "variance", "scrap_variance", "scrap_variance_totals",
                "year_to_date", "year_to_date_coq");
        assertThat(ReportTables.of(report.inView("quality"))).extracting(ReportTables.Table::id)
                .containsExactly("report", "totals", "pareto", "coq", "trend", "corrective_actions");
        assertThat(ReportTables.of(report.inView("supervisor"))).extracting(ReportTables.Table::id)
                .containsExactly("report", "totals", "by_line", "by_shift", "defects_by_shift");
    }

    @Test
    void theTrendIsAWeekARowWithAColumnPerCodeAndTheirTotals() {
        ReportTables.Table trend = ReportTables.of(SampleReports.threeCodes()).stream()
                .filter(t -> t.id().equals("trend")).findFirst().orElseThrow();

        assertThat(trend.headings()).containsExactly("Week from", "MACH-01 (USD)", "WELD-02 (USD)", "PAINT-03 (USD)");
        assertThat(trend.rows()).hasSize(14);
        // the week of 2026-10-05 is the tenth
        assertThat(trend.rows().get(9)).extracting(ReportTables.Cell::display).containsExactly("2026-10-05", "600.00",
                "0.00", "0.00");
        assertThat(trend.rows().get(13)).extracting(ReportTables.Cell::display).containsExactly("Total of 13 weeks",
                "1,000.00", "250.50", "49.50");
    }

    @Test
    void theCorrectiveActionsOfACodeAreItsNcrsOpenNcrsAndStatuses() {
        ReportTables.Table actions = ReportTables.of(SampleReports.threeCodes()).stream()
                .filter(t -> t.id().equals("corrective_actions")).findFirst().orElseThrow();

        assertThat(actions.rows()).extracting(row -> row.get(0).display()).containsExactly("MACH-01", "WELD-02",
                "PAINT-03");
        assertThat(actions.rows().get(0)).extracting(ReportTables.Cell::display).containsExactly("MACH-01", "3", "2",
                "in_progress 2, none 1");
        assertThat(actions.rows().get(1)).extracting(ReportTables.Cell::display).containsExactly("WELD-02", "0", "0",
                "no NCR");
    }

    @Test
    void groupsThousandsAndKeepsTheAmountsOwnDecimals() {
        assertThat(ReportTables.grouped(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.891");
        assertThat(ReportTables.grouped(new BigDecimal("-1234.50"))).isEqualTo("-1,234.50");
        assertThat(ReportTables.grouped(new BigDecimal("999"))).isEqualTo("999");
        assertThat(ReportTables.grouped(new BigDecimal("100000"))).isEqualTo("100,000");
        assertThat(ReportTables.grouped(new BigDecimal("0.00"))).isEqualTo("0.00");
    }

    @Test
    void showsSharesAsPercentAndAMissingFigureAsADash() {
        assertThat(ReportTables.percent(new BigDecimal("-0.1887"))).isEqualTo("-18.87 %");
        assertThat(ReportTables.percent(new BigDecimal("0.80"))).isEqualTo("80 %");
        assertThat(ReportTables.percent(new BigDecimal("1.0000"))).isEqualTo("100.00 %");
        assertThat(new ReportTables.Cell(ReportTables.Kind.MONEY, null).display()).isEqualTo("–");
    }
}
