package io.scrapline.reporting.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.scrapline.reporting.domain.Pareto;
import io.scrapline.reporting.domain.Report;

/**
 * A report as one self-contained HTML page to open in a browser or mail on: the tables of {@link ReportTables}, the
 * Pareto chart and the weekly trend of the top defect codes in inline SVG. Its style is inline and it loads nothing, so
 * it shows the same offline and under a policy that forbids every request. Each figure's cell also carries the JSON's
 * decimal in {@code data-value}.
 */
public final class ReportHtml {

    public static final String MEDIA_TYPE = "text/html";

    /** What the page may use: its own inline style and nothing from anywhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
                   margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
            h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
            .subtitle { color: #555; margin-top: 0; }
            table { border-collapse: collapse; margin-bottom: 0.5rem; }
            th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
            td.long { white-space: normal; min-width: 16rem; }
            th { background: #eef1f6; }
            tbody tr:nth-child(even) { background: #fafafa; }
            th.number, .money, .share, .count, .quantity { text-align: right; font-variant-numeric: tabular-nums; }
            .none { color: #777; font-style: italic; }
            figure { margin: 0 0 1rem; }
            figcaption { color: #555; font-size: 0.9rem; }
            svg.chart { max-width: 100%; height: auto; }
            footer { color: #777; font-size: 0.8rem; margin-top: 2rem; }
            """;

    /** Cells keep to one line, so codes and figures never break; longer text (descriptions) wraps. */
    private static final int LONG_TEXT = 30;

    private ReportHtml() {
    }

    public static String of(Report report) {
        return page("Scrap and rework cost", ReportTables.title(report), ReportTables.subtitle(report),
                ReportTables.of(report), report);
    }

    /** A page of {@code tables} under {@code heading} and {@code subtitle}, without charts. */
    public static String of(String heading, String title, String subtitle, List<ReportTables.Table> tables) {
        return page(heading, title, subtitle, tables, null);
    }

    /** The page; the charts of {@code report}'s Pareto and trend where it is given. */
    private static String page(String heading, String title, String subtitle, List<ReportTables.Table> tables,
            Report report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        html.append("<meta charset=\"utf-8\">\n");
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<title>").append(Markup.escape(title)).append("</title>\n");
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>").append(Markup.escape(heading)).append("</h1>\n");
        html.append("<p class=\"subtitle\">").append(Markup.escape(subtitle)).append("</p>\n");
        html.append("</header>\n<main>\n");
        for (ReportTables.Table table : tables) {
            html.append("<section id=\"section-").append(table.id()).append("\">\n<h2>")
                    .append(Markup.escape(table.title())).append("</h2>\n");
            if (report != null && table.id().equals("pareto") && !report.pareto().isEmpty()) {
                html.append("<figure id=\"pareto-chart\">\n")
                        .append(SvgCharts.pareto(report.pareto(), report.vitalFewThreshold(), report.currency()))
                        .append("\n<figcaption>Cost by defect code (bars), cumulative share (line) and the vital ")
                        .append("few up to ").append(ReportTables.percent(report.vitalFewThreshold()))
                        .append(" of the cost (dashed).</figcaption>\n</figure>\n");
            }
            if (report != null && table.id().equals("trend") && hasCost(report.trend())) {
                Report.Trend trend = report.trend();
                html.append("<figure id=\"trend-chart\">\n")
                        .append(SvgCharts.trend(
                                "Weekly cost of the top "
                                        + trend.series().size() + " defect codes in " + report.currency(),
                                trend.weeks().stream().map(LocalDate::toString).toList(),
                                trend.series().stream().map(s -> new SvgCharts.Series(s.defectCode(), s.costs()))
                                        .toList(),
                                report.currency()))
                        .append("\n<figcaption>Cost of each of the top defect codes of the period by week, ")
                        .append("the weeks from Monday.</figcaption>\n</figure>\n");
            }
            table(html, table);
            html.append("</section>\n");
        }
        return html.append("</main>\n<footer>").append(Markup.escape(title)).append("</footer>\n</body>\n</html>\n")
                .toString();
    }

    /** A trend worth drawing: some week of some code has a cost, not only the zeros of weeks without any. */
    private static boolean hasCost(Report.Trend trend) {
        return trend.series().stream().anyMatch(s -> s.costs().stream().anyMatch(cost -> cost.signum() != 0));
    }

    private static void table(StringBuilder html, ReportTables.Table table) {
        html.append("<table id=\"").append(table.id()).append("\">\n<thead><tr>");
        for (int column = 0; column < table.headings().size(); column++) {
            html.append("<th scope=\"col\"").append(table.isNumberColumn(column) ? " class=\"number\"" : "").append('>')
                    .append(Markup.escape(table.headings().get(column))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        if (table.rows().isEmpty()) {
            html.append("<tr><td class=\"none\" colspan=\"").append(table.headings().size())
                    .append("\">None in this period.</td></tr>\n");
        }
        for (List<ReportTables.Cell> row : table.rows()) {
            html.append("<tr>");
            for (ReportTables.Cell cell : row) {
                html.append("<td class=\"").append(cell.kind().name().toLowerCase(Locale.ROOT))
                        .append(cell.display().length() > LONG_TEXT ? " long" : "").append('"');
                if (cell.kind().isNumber() && cell.value() != null) {
                    html.append(" data-value=\"").append(cell.number().toPlainString()).append('"');
                }
                html.append('>').append(Markup.escape(cell.display())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
