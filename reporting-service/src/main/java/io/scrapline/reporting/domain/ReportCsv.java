package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report as CSV (RFC 4180, CRLF): one section per table of the JSON, each opened by its own header row. The first
 * column names the section ({@code totals}, {@code by_line}, {@code pareto}, {@code coq}, {@code variance}) so a
 * spreadsheet filter on it gives one table; money and fractions are the same plain decimals as in the JSON, so the
 * figures are the JSON's.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    public static String of(Report report) {
        List<List<String>> rows = new ArrayList<>();
        Report.Totals totals = report.totals();
        rows.add(List.of("section", "plant", "period", "currency", "status", "version", "view", "scrap_cost",
                "rework_cost", "total_cost", "scrap_quantity", "events", "uncosted_events", "uncosted_quantity"));
        rows.add(Arrays.asList("totals", report.plant(), report.period(), report.currency(), report.status(),
                Integer.toString(report.version()), report.view(), plain(totals.scrapCost()),
                plain(totals.reworkCost()), plain(totals.totalCost()), plain(totals.scrapQuantity()),
                Long.toString(totals.events()), Long.toString(totals.uncostedEvents()),
                plain(totals.uncostedQuantity())));
        rows.add(List.of("section", "line", "work_center", "scrap_cost", "rework_cost", "total_cost", "events"));
        for (Report.LineCost line : report.byLine()) {
            rows.add(Arrays.asList("by_line", line.line(), line.workCenter(), plain(line.scrapCost()),
                    plain(line.reworkCost()), plain(line.totalCost()), Long.toString(line.events())));
        }
        rows.add(List.of("section", "rank", "defect_code", "description", "cost", "share", "cumulative_share",
                "vital_few"));
        for (Pareto.Entry entry : report.pareto()) {
            rows.add(Arrays.asList("pareto", Integer.toString(entry.rank()), entry.defectCode(), entry.description(),
                    plain(entry.cost()), plain(entry.share()), plain(entry.cumulativeShare()),
                    Boolean.toString(entry.vitalFew())));
        }
        rows.add(List.of("section", "coq_class", "cost"));
        for (Report.CoqCost coq : report.coq()) {
            rows.add(Arrays.asList("coq", coq.coqClass(), plain(coq.cost())));
        }
        Report.Variance variance = report.variance();
        rows.add(List.of("section", "prior_period_total", "period_over_period", "budget", "budget_variance"));
        rows.add(Arrays.asList("variance", plain(variance.priorPeriodTotal()), plain(variance.periodOverPeriod()),
                plain(variance.budget()), plain(variance.budgetVariance())));
        return rows.stream().map(row -> row.stream().map(ReportCsv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining(CRLF, "", CRLF));
    }

    /** No exponent (1E+3) that a spreadsheet or a parser would read differently; empty for null. */
    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /**
     * Quotes what RFC 4180 requires, and defuses text that a spreadsheet would run as a formula: descriptions and codes
     * come from the tenant's source systems. Decimals are never defused, so -5.00 stays a number.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
