package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.scrapline.reporting.domain.Report;

/**
 * A report as the tables a person reads: the one layout that the spreadsheet, the PDF and the HTML page share, so that
 * they show the same sections, rows and figures as the JSON. Cells keep the JSON's decimals; each writer only decides
 * how to show them ({@link Cell#display()} for text, or a number format in a spreadsheet).
 */
public final class ReportTables {

    /** What a cell holds, which says how it is shown: money in the report's currency, a share as percent, ... */
    public enum Kind {
        TEXT, MONEY, SHARE, COUNT, QUANTITY, FLAG;

        public boolean isNumber() {
            return this != TEXT && this != FLAG;
        }
    }

    /** A cell: text for {@code TEXT}, a Boolean for {@code FLAG}, a BigDecimal for numbers; null when there is none. */
    public record Cell(Kind kind, Object value) {

        static Cell text(String text) {
            return new Cell(Kind.TEXT, text);
        }

        static Cell money(BigDecimal amount) {
            return new Cell(Kind.MONEY, amount);
        }

        static Cell share(BigDecimal fraction) {
            return new Cell(Kind.SHARE, fraction);
        }

        static Cell count(long count) {
            return new Cell(Kind.COUNT, BigDecimal.valueOf(count));
        }

        static Cell quantity(BigDecimal quantity) {
            return new Cell(Kind.QUANTITY, quantity);
        }

        static Cell flag(boolean flag) {
            return new Cell(Kind.FLAG, flag);
        }

        public BigDecimal number() {
            return (BigDecimal) value;
        }

        /** The cell as text: money with thousands separators, a share as percent (0.8580 is 85.80 %). */
        public String display() {
            if (value == null) {
                return "–";
            }
            return switch (kind) {
                case TEXT -> (String) value;
                case FLAG -> (Boolean) value ? "yes" : "no";
                case MONEY, COUNT -> grouped(number());
                case SHARE -> percent(number());
                case QUANTITY -> number().toPlainString();
            };
        }
    }

    /**
     * A section: {@code id} names it in the JSON ({@code by_line}, ...), {@code title} for a person. Tables of figures
     * that are one row in the JSON ({@code totals}, {@code variance}) are a column of labels and a column of values.
     */
    public record Table(String id, String title, List<String> headings, List<List<Cell>> rows) {

        /** A column of numbers is aligned right, heading included. */
        public boolean isNumberColumn(int column) {
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.get(column).kind().isNumber());
        }
    }

    private ReportTables() {
    }

    public static String title(Report report) {
        return "Scrap and rework cost – " + report.plant() + " " + report.period();
    }

    /**
     * The line under the title: Plant DAY1 Dayton · period 2026-10 · USD · open, version 1; a cut report adds the days
     * it covers (· 2026-10-01 to 2026-10-14).
     */
    public static String subtitle(Report report) {
        return "Plant " + report.plant() + (report.plantName() == null ? "" : " " + report.plantName()) + " · period "
                + report.period() + " · " + report.currency() + " · " + report.status() + ", version "
                + report.version()
                + (report.window() == null ? "" : " · " + report.window().from() + " to " + report.window().through());
    }

    public static List<Table> of(Report report) {
        String currency = report.currency();
        List<Table> tables = new ArrayList<>();
        List<List<Cell>> about = new ArrayList<>(List.of(List.of(Cell.text("Plant"), Cell.text(report.plant())),
                List.of(Cell.text("Plant name"), Cell.text(report.plantName())),
                List.of(Cell.text("Period"), Cell.text(report.period())),
                List.of(Cell.text("Currency"), Cell.text(currency)),
                List.of(Cell.text("Status"), Cell.text(report.status())),
                List.of(Cell.text("Version"), Cell.count(report.version())),
                List.of(Cell.text("View"), Cell.text(report.view()))));
        if (report.window() != null) {
            about.add(List.of(Cell.text("From"), Cell.text(report.window().from().toString())));
            about.add(List.of(Cell.text("Through"), Cell.text(report.window().through().toString())));
        }
        tables.add(new Table("report", "Report", List.of("Item", "Value"), about));
        if (report.totals() != null) {
            tables.add(totals(report.totals(), currency));
        }
        if (report.byLine() != null) {
            tables.add(new Table("by_line", "Cost by line and work center",
                    List.of("Line", "Work center", "Scrap cost (" + currency + ")", "Rework cost (" + currency + ")",
                            "Total cost (" + currency + ")", "Events", "Recoverable (" + currency + ")",
                            "Exposure (" + currency + ")"),
                    report.byLine().stream()
                            .map(line -> List.of(Cell.text(line.line()), Cell.text(line.workCenter()),
                                    Cell.money(line.scrapCost()), Cell.money(line.reworkCost()),
                                    Cell.money(line.totalCost()), Cell.count(line.events()),
                                    Cell.money(line.recoverableAmount()), Cell.money(line.exposureAmount())))
                            .toList()));
        }
        if (report.pareto() != null) {
            tables.add(new Table("pareto", "Pareto of defect codes",
                    List.of("Rank", "Defect code", "Description", "Cost (" + currency + ")", "Share",
                            "Cumulative share", "Vital few"),
                    report.pareto().stream()
                            .map(entry -> List.of(Cell.count(entry.rank()), Cell.text(entry.defectCode()),
                                    Cell.text(entry.description()), Cell.money(entry.cost()), Cell.share(entry.share()),
                                    Cell.share(entry.cumulativeShare()), Cell.flag(entry.vitalFew())))
                            .toList()));
        }
        if (report.coq() != null) {
            tables.add(coq("coq", "Cost of quality", report.coq(), currency));
        }
        if (report.variance() != null) {
            Report.Variance variance = report.variance();
            tables.add(new Table("variance", "Variance", List.of("Figure", "Value"),
                    List.of(List.of(Cell.text("Prior period total (" + currency + ")"),
                            Cell.money(variance.priorPeriodTotal())),
                            List.of(Cell.text("Change to the prior period"), Cell.share(variance.periodOverPeriod())),
                            List.of(Cell.text("Budget (" + currency + ")"), Cell.money(variance.budget())),
                            List.of(Cell.text("Variance to the budget"), Cell.share(variance.budgetVariance())))));
        }
        if (report.scrapVariance() != null) {
            tables.add(new Table("scrap_variance", "Scrap variance",
                    List.of("Part", "Operation", "Planned scrap", "Unplanned scrap", "Variance",
                            "Variance value (" + currency + ")", "Confirmations"),
                    report.scrapVariance().stream()
                            .map(v -> List.of(Cell.text(v.part()), Cell.text(v.operation()),
                                    Cell.quantity(v.plannedQuantity()), Cell.quantity(v.unplannedQuantity()),
                                    Cell.quantity(v.varianceQuantity()), Cell.money(v.varianceValue()),
                                    Cell.count(v.confirmations())))
                            .toList()));
        }
        if (report.scrapVarianceTotals() != null) {
            Report.ScrapVarianceTotals totals = report.scrapVarianceTotals();
            tables.add(new Table("scrap_variance_totals", "Planned and unplanned scrap", List.of("Figure", "Value"),
                    List.of(List.of(Cell.text("Planned scrap"), Cell.quantity(totals.plannedQuantity())),
                            List.of(Cell.text("Unplanned scrap"), Cell.quantity(totals.unplannedQuantity())),
                            List.of(Cell.text("Scrap confirmed"), Cell.quantity(totals.totalQuantity())),
                            List.of(Cell.text("Variance"), Cell.quantity(totals.varianceQuantity())),
                            List.of(Cell.text("Variance value (" + currency + ")"),
                                    Cell.money(totals.varianceValue())))));
        }
        if (report.byShift() != null) {
            tables.add(new Table("by_shift", "Cost by shift",
                    List.of("Shift", "Scrap cost (" + currency + ")", "Rework cost (" + currency + ")",
                            "Total cost (" + currency + ")", "Events"),
                    report.byShift().stream()
                            .map(shift -> List.of(Cell.text(shift.shift()), Cell.money(shift.scrapCost()),
                                    Cell.money(shift.reworkCost()), Cell.money(shift.totalCost()),
                                    Cell.count(shift.events())))
                            .toList()));
        }
        if (report.defectsByShift() != null) {
            tables.add(new Table("defects_by_shift", "Defect codes by shift",
                    List.of("Shift", "Rank", "Defect code", "Description", "Events", "Quantity",
                            "Cost (" + currency + ")", "Threshold (" + currency + ")", "Over threshold"),
                    report.defectsByShift().stream()
                            .map(d -> List.of(Cell.text(d.shift()), Cell.count(d.rank()), Cell.text(d.defectCode()),
                                    Cell.text(d.description()), Cell.count(d.events()), Cell.quantity(d.quantity()),
                                    Cell.money(d.cost()), Cell.money(d.threshold()), Cell.flag(d.overThreshold())))
                            .toList()));
        }
        if (report.yearToDate() != null) {
            Report.YearToDate year = report.yearToDate();
            tables.add(new Table("year_to_date", "Year to date", List.of("Figure", "Value"),
                    List.of(List.of(Cell.text("From period"), Cell.text(year.firstPeriod())),
                            List.of(Cell.text("To period"), Cell.text(year.lastPeriod())),
                            List.of(Cell.text("Scrap cost (" + currency + ")"), Cell.money(year.scrapCost())),
                            List.of(Cell.text("Rework cost (" + currency + ")"), Cell.money(year.reworkCost())),
                            List.of(Cell.text("Total cost (" + currency + ")"), Cell.money(year.totalCost())),
                            List.of(Cell.text("Events"), Cell.count(year.events())))));
            tables.add(coq("year_to_date_coq", "Year to date by COQ class", year.coq(), currency));
        }
        if (report.trend() != null) {
            Report.Trend trend = report.trend();
            List<String> headings = new ArrayList<>(List.of("Week from"));
            trend.series().forEach(s -> headings.add(s.defectCode() + " (" + currency + ")"));
            List<List<Cell>> rows = new ArrayList<>();
            for (int week = 0; week < trend.weeks().size(); week++) {
                List<Cell> row = new ArrayList<>(List.of(Cell.text(trend.weeks().get(week).toString())));
                for (Report.TrendSeries series : trend.series()) {
                    row.add(Cell.money(series.costs().get(week)));
                }
                rows.add(row);
            }
            List<Cell> total = new ArrayList<>(List.of(Cell.text("Total of " + trend.weeks().size() + " weeks")));
            trend.series().forEach(s -> total.add(Cell.money(s.total())));
            if (!trend.series().isEmpty()) {
                rows.add(total);
            }
            tables.add(new Table("trend", "Weekly cost of the top codes", headings,
                    trend.series().isEmpty() ? List.of() : rows));
        }
        if (report.scrapQuantityChecks() != null) {
            tables.add(ScrapQuantityTables.of(report.scrapQuantityChecks()));
        }
        if (report.correctiveActions() != null) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Report.CorrectiveActions actions : report.correctiveActions()) {
                rows.add(List.of(Cell.text(actions.defectCode()), Cell.count(actions.ncrs()),
                        Cell.count(actions.openNcrs()), Cell.text(statuses(actions.byStatus()))));
            }
            tables.add(new Table("corrective_actions", "NCRs and corrective actions",
                    List.of("Defect code", "NCRs", "Open NCRs", "Corrective action status"), rows));
        }
        tables.addAll(PartTables.of(report));
        return tables;
    }

    private static Table totals(Report.Totals totals, String currency) {
        return new Table("totals", "Totals", List.of("Figure", "Value"), List.of(
                List.of(Cell.text("Scrap cost (" + currency + ")"), Cell.money(totals.scrapCost())),
                List.of(Cell.text("Rework cost (" + currency + ")"), Cell.money(totals.reworkCost())),
                List.of(Cell.text("Total cost (" + currency + ")"), Cell.money(totals.totalCost())),
                List.of(Cell.text("Scrap quantity"), Cell.quantity(totals.scrapQuantity())),
                List.of(Cell.text("Events"), Cell.count(totals.events())),
                List.of(Cell.text("Events not yet costed"), Cell.count(totals.uncostedEvents())),
                List.of(Cell.text("Quantity not yet costed"), Cell.quantity(totals.uncostedQuantity())),
                List.of(Cell.text("Recoverable from vendors (" + currency + ")"),
                        Cell.money(totals.recoverableAmount())),
                List.of(Cell.text("Exposure in quarantine (" + currency + ")"), Cell.money(totals.exposureAmount()))));
    }

    private static Table coq(String id, String title, List<Report.CoqCost> coq, String currency) {
        return new Table(id, title, List.of("Class", "Cost (" + currency + ")"),
                coq.stream().map(c -> List.of(Cell.text(c.coqClass()), Cell.money(c.cost()))).toList());
    }

    /** The NCRs in each corrective-action status as one cell: "in_progress 2, open 1". */
    private static String statuses(Map<String, Long> byStatus) {
        return byStatus.isEmpty() ? "no NCR"
                : byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    /** 1234567.891 as 1,234,567.891: the decimals are the amount's own, so nothing is rounded away. */
    static String grouped(BigDecimal amount) {
        String plain = amount.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(whole.charAt(i));
        }
        return (amount.signum() < 0 ? "-" : "") + text + (point < 0 ? "" : plain.substring(point));
    }

    /** A fraction as percent with two fewer decimals: 0.8580 is 85.80 %, −0.1887 is −18.87 %. */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).toPlainString() + " %";
    }
}
