package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Pareto;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;

/** The HTML form of a report: one page with every table and the Pareto chart, its text escaped, loading nothing. */
class ReportHtmlTest {

    @Test
    void hasEveryTableWithTheFiguresShownAndTheirDecimals() {
        String html = ReportHtml.of(SampleReports.threeCodes());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Scrap and rework cost – P1 2026-10</title>");
        for (String table : new String[] { "report", "totals", "by_line", "pareto", "coq", "variance" }) {
            assertThat(html).contains("<table id=\"" + table + "\">");
        }
        assertThat(html).contains("<td class=\"text\">Total cost (USD)</td><td class=\"money\" data-value=\"1300.00\">"
                + "1,300.00</td>");
        assertThat(html).contains("<td class=\"share\" data-value=\"-0.1333\">-13.33 %</td>");
        assertThat(html).contains("<td class=\"text\">L2</td><td class=\"text\">WC3</td>"
                + "<td class=\"money\" data-value=\"0.00\">0.00</td><td class=\"money\" data-value=\"49.50\">49.50</td>");
        assertThat(html).contains("<th scope=\"col\" class=\"number\">Total cost (USD)</th>");
    }

    @Test
    void drawsTheParetoChartWithABarPerDefectCode() {
        String html = ReportHtml.of(SampleReports.threeCodes());

        assertThat(count(html, "<rect class=\"bar")).isEqualTo(3);
        assertThat(html).contains("<figure id=\"pareto-chart\">", "class=\"threshold\"", "vital few up to 80 %");
        assertThat(html.indexOf("<figure id=\"pareto-chart\">")).isBetween(html.indexOf("id=\"section-pareto\""),
                html.indexOf("<table id=\"pareto\">"));
    }

    @Test
    void drawsTheTrendOfTheTopCodesWithALinePerCode() {
        String html = ReportHtml.of(SampleReports.threeCodes());

        assertThat(html).contains("<figure id=\"trend-chart\">", "data-series=\"MACH-01\"", "data-series=\"WELD-02\"",
                "data-series=\"PAINT-03\"");
        assertThat(count(html, "<path class=\"series\"")).isEqualTo(3);
        assertThat(count(html, "<circle class=\"point\"")).isEqualTo(39);
        assertThat(html.indexOf("<figure id=\"trend-chart\">")).isBetween(html.indexOf("id=\"section-trend\""),
                html.indexOf("<table id=\"trend\">"));
    }

    @Test
    void drawsNoTrendWhenNoWeekHasACost() {
        String html = ReportHtml.of(ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full",
                List.of(new ReportBuilder.Sum("L1", "WC1", "MACH-01", "Bore", "scrap", "internal_failure",
                        new BigDecimal("10.00"), BigDecimal.ONE, 1, "A", BigDecimal.ZERO, BigDecimal.ZERO)),
                0, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.80"), null,
                new ReportBuilder.Sections(null, null, null, SampleReports.WEEKS, List.of(), null, List.of())));

        assertThat(html).contains("<table id=\"trend\">").doesNotContain("trend-chart");
    }

    @Test
    void escapesTheTenantsTextAndLoadsNothing() {
        String html = ReportHtml.of(SampleReports.threeCodes());

        assertThat(html).contains("Bore &lt;oversize&gt; &amp; &quot;burr&quot;").doesNotContain("<oversize>");
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import");
    }

    @Test
    void aPeriodWithoutCostHasEmptyTablesAndNoChart() {
        Report empty = ReportBuilder.build("P1", "Plant one", "2027-01", "USD", "controller", java.util.List.of(), 0,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, new java.math.BigDecimal("0.80"), null);
        String html = ReportHtml.of(empty);

        assertThat(html).doesNotContain("<svg", "pareto-chart").contains("None in this period.");
        assertThat(html).contains("<td class=\"money\" data-value=\"0.00\">0.00</td>");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
