package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/**
 * An alert, or a digest, as the HTML part of an email: the facts, a small Pareto of the top events (a table whose bars
 * are widths, so it shows without script or images) and the links. Every text from the tenant's data is escaped.
 */
public final class NoticeHtml {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222";
    private static final String CELL = "padding:3px 8px;border-bottom:1px solid #ddd;text-align:left";
    private static final String NUMBER = "padding:3px 8px;border-bottom:1px solid #ddd;text-align:right";
    private static final int BAR_WIDTH_PX = 160;

    private NoticeHtml() {
    }

    public static String render(Notice notice, NoticeLinks links) {
        return page(NoticeText.subject(notice), section(notice, links, "h2"));
    }

    public static String render(Digest digest, NoticeLinks links) {
        StringBuilder body = new StringBuilder("<h2 style=\"font-size:18px\">").append(escape(digest.headline()))
                .append("</h2>\n");
        for (Notice notice : digest.notices()) {
            body.append("<hr style=\"border:0;border-top:1px solid #ccc\">\n").append(section(notice, links, "h3"));
        }
        return page(NoticeText.subject(digest), body.toString());
    }

    /** Escapes text for an HTML element or a quoted attribute value; {@code &} first, so nothing is escaped twice. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'",
                "&#39;");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body style=\"" + FONT + "\">\n" + body + "</body></html>\n";
    }

    private static String section(Notice notice, NoticeLinks links, String heading) {
        String color = notice.level() == Level.CRITICAL ? "#b00020" : "#b26a00";
        StringBuilder html = new StringBuilder();
        html.append('<').append(heading).append(" style=\"font-size:16px\"><span style=\"color:").append(color)
                .append("\">").append(notice.level().name()).append("</span> ")
                .append(escape(NoticeText.headline(notice).substring(notice.level().name().length() + 1))).append("</")
                .append(heading).append(">\n");
        html.append("<p>Alert ").append(escape(notice.alertId())).append(" of rule ").append(escape(notice.ruleLabel()))
                .append("</p>\n");
        html.append("<table style=\"border-collapse:collapse\">\n");
        for (NoticeText.Fact fact : NoticeText.facts(notice)) {
            html.append("<tr><th style=\"").append(CELL).append("\">").append(escape(fact.label()))
                    .append("</th><td style=\"").append(CELL).append("\">").append(escape(fact.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        pareto(html, notice, links);
        if (!notice.ncrs().isEmpty()) {
            html.append("<p>NCR records: ");
            for (int i = 0; i < notice.ncrs().size(); i++) {
                String ncr = notice.ncrs().get(i);
                html.append(i > 0 ? ", " : "").append(link(links.ncr(notice.plant(), ncr), ncr));
            }
            html.append("</p>\n");
        }
        html.append("<p>Acknowledge with <code>POST ").append(escape(links.acknowledge(notice.alertId())))
                .append("</code></p>\n");
        return html.toString();
    }

    /** The top events, largest first, each with a bar as wide as its share of the largest. */
    private static void pareto(StringBuilder html, Notice notice, NoticeLinks links) {
        if (notice.topEvents().isEmpty()) {
            return;
        }
        Metric metric = notice.measure().metric();
        List<Event> events = notice.topEvents().stream()
                .sorted(Comparator.comparing((Event event) -> barValue(metric, event)).reversed()).toList();
        BigDecimal largest = barValue(metric, events.get(0));
        boolean shares = metric != Metric.EVENTS && notice.measure().figure().signum() > 0;
        html.append("<h4 style=\"font-size:14px;margin-bottom:4px\">Top events</h4>\n");
        html.append("<table style=\"border-collapse:collapse\">\n<tr>");
        for (String header : List.of("Event", "Occurred", "Part", "Defect code", "Quantity", "Amount", "NCR")) {
            html.append("<th style=\"").append(CELL).append("\">").append(header).append("</th>");
        }
        html.append("<th style=\"").append(CELL).append("\"></th>");
        if (shares) {
            html.append("<th style=\"").append(NUMBER).append("\">Cumulative share</th>");
        }
        html.append("</tr>\n");
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Event event : events) {
            BigDecimal value = barValue(metric, event);
            cumulative = cumulative.add(value);
            html.append("<tr><td style=\"").append(CELL).append("\">")
                    .append(link(links.costedEvent(event.eventId()), String.valueOf(event.eventId())));
            cell(html, CELL, Figures.time(event.occurredAt(), notice.window().start().getZone()));
            cell(html, CELL, event.part());
            cell(html, CELL, event.defectCode());
            cell(html, NUMBER, event.quantity() == null ? null : Figures.quantity(event.quantity()));
            cell(html, NUMBER, event.amount() == null ? null : Figures.money(event.amount(), notice.currency()));
            html.append("</td><td style=\"").append(CELL).append("\">")
                    .append(event.ncr() == null ? "" : link(links.ncr(notice.plant(), event.ncr()), event.ncr()));
            html.append("</td><td style=\"").append(CELL).append("\">").append(bar(value, largest));
            if (shares) {
                cell(html, NUMBER, percent(cumulative, notice.measure().figure()) + "%");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void cell(StringBuilder html, String style, String text) {
        html.append("</td><td style=\"").append(style).append("\">").append(text == null ? "" : escape(text));
    }

    /**
     * A bar of {@code value} against the largest: a one-cell table of that share of the full width, which mail clients
     * that ignore the width of inline elements still draw.
     */
    private static String bar(BigDecimal value, BigDecimal largest) {
        int width = largest.signum() <= 0 ? 0
                : value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(BAR_WIDTH_PX))
                        .divide(largest, 0, RoundingMode.HALF_UP).intValue();
        int px = Math.max(width, 1);
        return "<table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr><td width=\"" + px
                + "\" height=\"10\" style=\"width:" + px + "px;height:10px;background:#c62828;font-size:0;"
                + "line-height:0\">&nbsp;</td></tr></table>";
    }

    /** What a bar measures: the units for a quantity rule, else the amount (a count rule's events weigh their cost). */
    private static BigDecimal barValue(Metric metric, Event event) {
        BigDecimal value = metric == Metric.QUANTITY ? event.quantity() : event.amount();
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String link(String url, String text) {
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }
}
