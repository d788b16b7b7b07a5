package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV form of a report: one section per table, the JSON's decimals, cells safe to open in a spreadsheet. */
class ReportCsvTest {

    @Test
    void writesOneSectionPerTableWithPlainDecimals() {
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller",
                List.of(new ReportBuilder.Sum("L1", "WC1", "MACH-01", "Bore, \"oversize\"", "scrap", "internal_failure",
                        new BigDecimal("1000.00"), BigDecimal.ONE, 1)),
                0, BigDecimal.ZERO, new BigDecimal("800.00"), new BigDecimal("0.80"), new BigDecimal("1250"));

        // against 1250: (1000.00 − 1250) / 1250 = −0.2000; against 800.00: (1000.00 − 800.00) / 800.00 = 0.2500
        assertThat(ReportCsv.of(report).split("\r\n")).containsExactly(
                "section,plant,period,currency,status,version,view,scrap_cost,rework_cost,total_cost,scrap_quantity,"
                        + "events,uncosted_events,uncosted_quantity",
                "totals,P1,2026-10,USD,open,1,controller,1000.00,0.00,1000.00,1,1,0,0",
                "section,line,work_center,scrap_cost,rework_cost,total_cost,events",
                "by_line,L1,WC1,1000.00,0.00,1000.00,1",
                "section,rank,defect_code,description,cost,share,cumulative_share,vital_few",
                "pareto,1,MACH-01,\"Bore, \"\"oversize\"\"\",1000.00,1.0000,1.0000,true", "section,coq_class,cost",
                "coq,internal_failure,1000.00", "section,prior_period_total,period_over_period,budget,budget_variance",
                "variance,800.00,0.2500,1250.00,-0.2000");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunButNotNegativeNumbers() {
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.cell("-0.1887")).isEqualTo("-0.1887");
        assertThat(ReportCsv.cell(null)).isEmpty();
    }
}
