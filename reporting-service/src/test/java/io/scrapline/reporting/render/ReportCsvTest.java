package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;

/** The CSV form of a report: one section per table, the JSON's decimals, cells safe to open in a spreadsheet. */
class ReportCsvTest {

    @Test
    void writesOneSectionPerTableWithPlainDecimals() {
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller",
                List.of(new ReportBuilder.Sum("L1", "WC1", "MACH-01", "Bore, \"oversize\"", "scrap", "internal_failure",
                        new BigDecimal("1000.00"), BigDecimal.ONE, 1, "A", BigDecimal.ZERO, BigDecimal.ZERO)),
                0, BigDecimal.ZERO, new BigDecimal("800.00"), new BigDecimal("0.80"), new BigDecimal("1250"));

        // against 1250: (1000.00 − 1250) / 1250 = −0.2000; against 800.00: (1000.00 − 800.00) / 800.00 = 0.2500
        assertThat(ReportCsv.of(report).split("\r\n")).containsExactly(
                "section,plant,period,currency,status,version,view,scrap_cost,rework_cost,total_cost,scrap_quantity,"
                        + "events,uncosted_events,uncosted_quantity,recoverable_amount,exposure_amount",
                "totals,P1,2026-10,USD,open,1,controller,1000.00,0.00,1000.00,1,1,0,0,0.00,0.00",
                "section,line,work_center,scrap_cost,rework_cost,total_cost,events,recoverable_amount,exposure_amount",
                "by_line,L1,WC1,1000.00,0.00,1000.00,1,0.00,0.00",
                "section,rank,defect_code,description,cost,share,cumulative_share,vital_few",
                "pareto,1,MACH-01,\"Bore, \"\"oversize\"\"\",1000.00,1.0000,1.0000,true", "section,coq_class,cost",
                "coq,internal_failure,1000.00", "section,prior_period_total,period_over_period,budget,budget_variance",
                "variance,800.00,0.2500,1250.00,-0.2000", "section,shift,scrap_cost,rework_cost,total_cost,events",
                "by_shift,A,1000.00,0.00,1000.00,1",
                "section,shift,rank,defect_code,description,events,quantity,cost,threshold,over_threshold",
                "defects_by_shift,A,1,MACH-01,\"Bore, \"\"oversize\"\"\",1,1,1000.00,,false");
    }

    @Test
    void writesTheSectionsBeyondThePeriodsRollups() {
        List<String> rows = List.of(ReportCsv.of(SampleReports.threeCodes()).split("\r\n"));

        assertThat(rows).containsSubsequence(
                "section,part,operation,planned_quantity,unplanned_quantity,variance_quantity,variance_value,"
                        + "confirmations",
                "scrap_variance,PART-1,0010,2,3,1,40.00,2", "scrap_variance,PART-2,0020,1,0,-1,-12.50,1",
                "section,planned_quantity,unplanned_quantity,total_quantity,variance_quantity,variance_value",
                "scrap_variance_totals,3,3,6,0,27.50");
        assertThat(rows).containsSubsequence("by_shift,A,1000.00,49.50,1049.50,2", "by_shift,B,250.50,0.00,250.50,2");
        assertThat(rows).contains(
                "defects_by_shift,A,1,MACH-01,\"Bore <oversize> & \"\"burr\"\"\",1,2,1000.00,900.00,true",
                "defects_by_shift,A,2,PAINT-03,Paint run,1,3,49.50,,false");
        assertThat(rows).containsSubsequence("year_to_date,2026-01,2026-10,5200.00,300.00,5500.00,11",
                "year_to_date_coq,internal_failure,5300.00", "year_to_date_coq,external_failure,200.00");
        // 13 weeks for each of the three codes
        assertThat(rows.stream().filter(row -> row.startsWith("trend,"))).hasSize(39);
        assertThat(rows).contains("trend,2026-10-05,MACH-01,600.00", "trend,2026-10-12,MACH-01,0.00",
                "trend,2026-09-28,PAINT-03,49.50");
        assertThat(rows).containsSubsequence("corrective_actions,MACH-01,,3,2",
                "corrective_actions,MACH-01,in_progress,2,", "corrective_actions,MACH-01,none,1,",
                "corrective_actions,WELD-02,,0,0");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunButNotNegativeNumbers() {
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.cell("-0.1887")).isEqualTo("-0.1887");
        assertThat(ReportCsv.cell(null)).isEmpty();
    }
}
