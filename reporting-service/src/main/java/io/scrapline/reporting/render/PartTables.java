package io.scrapline.reporting.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportTables.Cell;
import io.scrapline.reporting.render.ReportTables.Table;

/**
 * The report's sections by part and defect category as tables, for the spreadsheet, the PDF and the HTML page, and as
 * CSV rows: the same figures as the JSON's {@code by_part}, {@code part_pareto} and {@code categories}.
 */
final class PartTables {

    /** What a part or category without a name (rework without a defect record) shows as. */
    private static final String NONE = "(none)";

    private PartTables() {
    }

    static List<Table> of(Report report) {
        String currency = report.currency();
        List<Table> tables = new ArrayList<>();
        if (report.byPart() != null) {
            tables.add(new Table("by_part", "Cost by part within line and work center",
                    List.of("Line", "Work center", "Part", "Scrap cost (" + currency + ")",
                            "Rework cost (" + currency + ")", "Total cost (" + currency + ")", "Scrap quantity",
                            "Events"),
                    report.byPart().stream()
                            .map(p -> List.of(Cell.text(p.line()), Cell.text(p.workCenter()),
                                    Cell.text(named(p.part())), Cell.money(p.scrapCost()), Cell.money(p.reworkCost()),
                                    Cell.money(p.totalCost()), Cell.quantity(p.scrapQuantity()),
                                    Cell.count(p.events())))
                            .toList()));
        }
        if (report.partPareto() != null) {
            tables.add(new Table("part_pareto", "Pareto of parts",
                    List.of("Rank", "Part", "Cost (" + currency + ")", "Share", "Cumulative share", "Vital few"),
                    report.partPareto().stream()
                            .map(e -> List.of(Cell.count(e.rank()), Cell.text(named(e.part())), Cell.money(e.cost()),
                                    Cell.share(e.share()), Cell.share(e.cumulativeShare()), Cell.flag(e.vitalFew())))
                            .toList()));
        }
        if (report.categories() != null) {
            tables.add(
                    new Table("categories", "Defect categories",
                            List.of("Category", "Cost (" + currency + ")", "Share", "Events"), report
                                    .categories().stream().map(c -> List.of(Cell.text(named(c.category())),
                                            Cell.money(c.cost()), Cell.share(c.share()), Cell.count(c.events())))
                                    .toList()));
        }
        return tables;
    }

    /** The CSV rows of the same sections, each opened by its header row, the section's name in the first column. */
    static List<List<String>> csv(Report report) {
        List<List<String>> rows = new ArrayList<>();
        if (report.byPart() != null) {
            rows.add(List.of("section", "line", "work_center", "part", "scrap_cost", "rework_cost", "total_cost",
                    "scrap_quantity", "events"));
            report.byPart().forEach(p -> rows.add(Arrays.asList("by_part", p.line(), p.workCenter(), p.part(),
                    p.scrapCost().toPlainString(), p.reworkCost().toPlainString(), p.totalCost().toPlainString(),
                    p.scrapQuantity().toPlainString(), Long.toString(p.events()))));
        }
        if (report.partPareto() != null) {
            rows.add(List.of("section", "rank", "part", "cost", "share", "cumulative_share", "vital_few"));
            report.partPareto()
                    .forEach(e -> rows.add(Arrays.asList("part_pareto", Integer.toString(e.rank()), e.part(),
                            e.cost().toPlainString(), e.share().toPlainString(), e.cumulativeShare().toPlainString(),
                            Boolean.toString(e.vitalFew()))));
        }
        if (report.categories() != null) {
            rows.add(List.of("section", "category", "cost", "share", "events"));
            report.categories().forEach(c -> rows.add(Arrays.asList("categories", c.category(),
                    c.cost().toPlainString(), c.share().toPlainString(), Long.toString(c.events()))));
        }
        return rows;
    }

    private static String named(String name) {
        return name == null ? NONE : name;
    }
}
