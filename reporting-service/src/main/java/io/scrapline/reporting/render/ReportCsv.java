package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.scrapline.reporting.domain.Pareto;
import io.scrapline.reporting.domain.Report;

/**
 * A report as CSV (RFC 4180, CRLF): one section per table of the JSON that the report's view has, each opened by its
 * own header row. The first column names the section ({@code totals}, {@code by_line}, {@code pareto}, ...) so a
 * spreadsheet filter on it gives one table; money and fractions are the same plain decimals as in the JSON, so the
 * figures are the JSON's. The trend is one row per defect code and week; the corrective actions one row per defect code
 * with its NCRs and open NCRs, then one per corrective-action status with its NCRs.
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
                "rework_cost", "total_cost", "scrap_quantity", "events", "uncosted_events", "uncosted_quantity",
                "recoverable_amount", "exposure_amount"));
        rows.add(Arrays.asList("totals", report.plant(), report.period(), report.currency(), report.status(),
                Integer.toString(report.version()), report.view(), plain(totals.scrapCost()),
                plain(totals.reworkCost()), plain(totals.totalCost()), plain(totals.scrapQuantity()),
                Long.toString(totals.events()), Long.toString(totals.uncostedEvents()),
                plain(totals.uncostedQuantity()), plain(totals.recoverableAmount()), plain(totals.exposureAmount())));
        if (report.window() != null) {
            rows.add(List.of("section", "from", "through"));
            rows.add(List.of("window", report.window().from().toString(), report.window().through().toString()));
        }
        if (report.byLine() != null) {
            rows.add(List.of("section", "line", "work_center", "scrap_cost", "rework_cost", "total_cost", "events",
                    "recoverable_amount", "exposure_amount"));
            for (Report.LineCost line : report.byLine()) {
                rows.add(Arrays.asList("by_line", line.line(), line.workCenter(), plain(line.scrapCost()),
                        plain(line.reworkCost()), plain(line.totalCost()), Long.toString(line.events()),
                        plain(line.recoverableAmount()), plain(line.exposureAmount())));
            }
        }
        if (report.pareto() != null) {
            rows.add(List.of("section", "rank", "defect_code", "description", "cost", "share", "cumulative_share",
                    "vital_few"));
            for (Pareto.Entry entry : report.pareto()) {
                rows.add(Arrays.asList("pareto", Integer.toString(entry.rank()), entry.defectCode(),
                        entry.description(), plain(entry.cost()), plain(entry.share()), plain(entry.cumulativeShare()),
                        Boolean.toString(entry.vitalFew())));
            }
        }
        if (report.coq() != null) {
            rows.add(List.of("section", "coq_class", "cost"));
            for (Report.CoqCost coq : report.coq()) {
                rows.add(Arrays.asList("coq", coq.coqClass(), plain(coq.cost())));
            }
        }
        if (report.variance() != null) {
            Report.Variance variance = report.variance();
            rows.add(List.of("section", "prior_period_total", "period_over_period", "budget", "budget_variance"));
            rows.add(Arrays.asList("variance", plain(variance.priorPeriodTotal()), plain(variance.periodOverPeriod()),
                    plain(variance.budget()), plain(variance.budgetVariance())));
        }
        if (report.scrapVariance() != null) {
            rows.add(List.of("section", "part", "operation", "planned_quantity", "unplanned_quantity",
                    "variance_quantity", "variance_value", "confirmations"));
            for (Report.ScrapVariance v : report.scrapVariance()) {
                rows.add(Arrays.asList("scrap_variance", v.part(), v.operation(), plain(v.plannedQuantity()),
                        plain(v.unplannedQuantity()), plain(v.varianceQuantity()), plain(v.varianceValue()),
                        Long.toString(v.confirmations())));
            }
        }
        if (report.scrapVarianceTotals() != null) {
            Report.ScrapVarianceTotals v = report.scrapVarianceTotals();
            rows.add(List.of("section", "planned_quantity", "unplanned_quantity", "total_quantity", "variance_quantity",
                    "variance_value"));
            rows.add(Arrays.asList("scrap_variance_totals", plain(v.plannedQuantity()), plain(v.unplannedQuantity()),
                    plain(v.totalQuantity()), plain(v.varianceQuantity()), plain(v.varianceValue())));
        }
        if (report.byShift() != null) {
            rows.add(List.of("section", "shift", "scrap_cost", "rework_cost", "total_cost", "events"));
            for (Report.ShiftCost shift : report.byShift()) {
                rows.add(Arrays.asList("by_shift", shift.shift(), plain(shift.scrapCost()), plain(shift.reworkCost()),
                        plain(shift.totalCost()), Long.toString(shift.events())));
            }
        }
        if (report.defectsByShift() != null) {
            rows.add(List.of("section", "shift", "rank", "defect_code", "description", "events", "quantity", "cost",
                    "threshold", "over_threshold"));
            for (Report.ShiftDefect d : report.defectsByShift()) {
                rows.add(Arrays.asList("defects_by_shift", d.shift(), Integer.toString(d.rank()), d.defectCode(),
                        d.description(), Long.toString(d.events()), plain(d.quantity()), plain(d.cost()),
                        plain(d.threshold()), Boolean.toString(d.overThreshold())));
            }
        }
        if (report.yearToDate() != null) {
            Report.YearToDate year = report.yearToDate();
            rows.add(List.of("section", "first_period", "last_period", "scrap_cost", "rework_cost", "total_cost",
                    "events"));
            rows.add(Arrays.asList("year_to_date", year.firstPeriod(), year.lastPeriod(), plain(year.scrapCost()),
                    plain(year.reworkCost()), plain(year.totalCost()), Long.toString(year.events())));
            rows.add(List.of("section", "coq_class", "cost"));
            for (Report.CoqCost coq : year.coq()) {
                rows.add(Arrays.asList("year_to_date_coq", coq.coqClass(), plain(coq.cost())));
            }
        }
        if (report.trend() != null) {
            rows.add(List.of("section", "week", "defect_code", "cost"));
            for (Report.TrendSeries series : report.trend().series()) {
                for (int week = 0; week < report.trend().weeks().size(); week++) {
                    rows.add(Arrays.asList("trend", report.trend().weeks().get(week).toString(), series.defectCode(),
                            plain(series.costs().get(week))));
                }
            }
        }
        if (report.scrapQuantityChecks() != null) {
            rows.addAll(ScrapQuantityTables.csvRows(report.scrapQuantityChecks()));
        }
        if (report.correctiveActions() != null) {
            rows.add(List.of("section", "defect_code", "corrective_action_status", "ncrs", "open_ncrs"));
            for (Report.CorrectiveActions actions : report.correctiveActions()) {
                rows.add(Arrays.asList("corrective_actions", actions.defectCode(), null, Long.toString(actions.ncrs()),
                        Long.toString(actions.openNcrs())));
                actions.byStatus().forEach((status, ncrs) -> rows.add(
                        Arrays.asList("corrective_actions", actions.defectCode(), status, Long.toString(ncrs), null)));
            }
        }
        rows.addAll(PartTables.csv(report));
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
