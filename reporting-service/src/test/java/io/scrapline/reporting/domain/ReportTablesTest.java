package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The tables every readable format shows, and how their figures read. */
class ReportTablesTest {

    @Test
    void hasTheJsonsSectionsWithTheirFigures() {
        var tables = ReportTables.of(SampleReports.threeCodes());

        assertThat(tables).extracting(ReportTables.Table::id).containsExactly("report", "totals", "by_line", "pareto",
                "coq", "variance");
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
