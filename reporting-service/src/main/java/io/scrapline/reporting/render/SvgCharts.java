package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import io.scrapline.reporting.domain.Pareto;

/**
 * Charts drawn on the server as inline SVG, so a report page needs no script, no font and no request of its own. Each
 * mark carries its figure ({@code data-*}) and a tooltip ({@code <title>}); all text is escaped.
 */
public final class SvgCharts {

    /** A line of a trend chart: one value per label, null where there is none (the line breaks there). */
    public record Series(String name, List<BigDecimal> values) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 380;
    private static final int LEFT = 72;
    private static final int RIGHT = 56;
    private static final int TOP = 24;
    private static final int BOTTOM = 96;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int TICKS = 5;
    /** Tick values are round numbers; the digits keep 0.1 × 3 from showing as 0.30000000000000004. */
    private static final MathContext TICK_DIGITS = new MathContext(6);
    /** Beyond this many points a trend labels every second (third, ...) one, so the labels do not overlap. */
    private static final int MAX_LABELS = 13;
    private static final String[] COLORS = { "#1f5fbf", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285" };

    private SvgCharts() {
    }

    /**
     * The Pareto chart: a bar per defect code for its cost (left axis, in the currency), the cumulative share as a line
     * (right axis, 0-100 %) and the vital-few threshold as a dashed line across; the vital few in a darker color. Empty
     * without entries.
     */
    public static String pareto(List<Pareto.Entry> entries, BigDecimal threshold, String currency) {
        if (entries.isEmpty()) {
            return "";
        }
        double axis = niceMaximum(entries.stream().mapToDouble(e -> e.cost().doubleValue()).max().orElse(0));
        StringBuilder svg = open("Pareto of defect codes by cost in " + currency
                + ", with the cumulative share and the vital-few threshold", "pareto");
        valueAxis(svg, 0, axis, currency);
        for (int tick = 0; tick <= TICKS; tick++) {
            double share = (double) tick / TICKS;
            svg.append("<text class=\"axis\" x=\"").append(n(LEFT + PLOT_WIDTH + 6)).append("\" y=\"")
                    .append(n(shareY(share) + 4)).append("\">").append(tick * 100 / TICKS).append(" %</text>");
        }
        double band = (double) PLOT_WIDTH / entries.size();
        double barWidth = band * 0.7;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            Pareto.Entry entry = entries.get(i);
            double height = entry.cost().doubleValue() / axis * PLOT_HEIGHT;
            double center = LEFT + band * (i + 0.5);
            // Rework without a defect record has no code: its description names it.
            String label = entry.defectCode() == null ? entry.description() : entry.defectCode();
            String tip = label + ": " + ReportTables.grouped(entry.cost()) + " " + currency + ", "
                    + ReportTables.percent(entry.share()) + " (cumulative "
                    + ReportTables.percent(entry.cumulativeShare()) + ")";
            svg.append("<rect class=\"bar").append(entry.vitalFew() ? " vital-few" : "").append("\" x=\"")
                    .append(n(center - barWidth / 2)).append("\" y=\"").append(n(TOP + PLOT_HEIGHT - height))
                    .append("\" width=\"").append(n(barWidth)).append("\" height=\"").append(n(height))
                    .append("\" fill=\"").append(entry.vitalFew() ? "#1f5fbf" : "#8fb3e8").append("\" data-code=\"")
                    .append(Markup.escape(entry.defectCode())).append("\" data-cost=\"")
                    .append(entry.cost().toPlainString()).append("\"><title>").append(Markup.escape(tip))
                    .append("</title></rect>");
            svg.append("<text class=\"label\" transform=\"translate(").append(n(center + 4)).append(' ')
                    .append(n(TOP + PLOT_HEIGHT + 10)).append(") rotate(-40)\" text-anchor=\"end\">")
                    .append(Markup.escape(label)).append("</text>");
            double y = shareY(entry.cumulativeShare().doubleValue());
            points.append(points.isEmpty() ? "" : " ").append(n(center)).append(',').append(n(y));
        }
        svg.append("<polyline class=\"cumulative\" fill=\"none\" stroke=\"#d9480f\" stroke-width=\"2\" points=\"")
                .append(points).append("\"/>");
        for (int i = 0; i < entries.size(); i++) {
            svg.append("<circle class=\"cumulative-point\" cx=\"").append(n(LEFT + band * (i + 0.5))).append("\" cy=\"")
                    .append(n(shareY(entries.get(i).cumulativeShare().doubleValue())))
                    .append("\" r=\"3\" fill=\"#d9480f\"/>");
        }
        double thresholdY = shareY(threshold.doubleValue());
        svg.append("<line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                .append("\" y1=\"").append(n(thresholdY)).append("\" y2=\"").append(n(thresholdY))
                .append("\" stroke=\"#555\" stroke-dasharray=\"5 4\" data-share=\"").append(threshold.toPlainString())
                .append("\"/><text class=\"axis\" x=\"").append(LEFT + PLOT_WIDTH - 4).append("\" y=\"")
                .append(n(thresholdY - 5)).append("\" text-anchor=\"end\">vital few: ")
                .append(ReportTables.percent(threshold)).append("</text>");
        return close(svg);
    }

    /**
     * A trend: one line per series over the labels (weeks, periods), on one value axis from zero, or from below zero
     * when a value is negative. Empty without labels or series.
     */
    public static String trend(String title, List<String> labels, List<Series> series, String unit) {
        if (labels.isEmpty() || series.isEmpty()) {
            return "";
        }
        List<Double> values = series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .map(BigDecimal::doubleValue).toList();
        double top = niceMaximum(values.stream().mapToDouble(v -> v).max().orElse(0));
        double lowest = values.stream().mapToDouble(v -> v).min().orElse(0);
        double bottom = lowest < 0 ? -niceMaximum(-lowest) : 0;
        StringBuilder svg = open(title, "trend");
        valueAxis(svg, bottom, top, unit);
        double step = labels.size() == 1 ? 0 : (double) PLOT_WIDTH / (labels.size() - 1);
        int every = (labels.size() + MAX_LABELS - 1) / MAX_LABELS;
        for (int i = 0; i < labels.size(); i += every) {
            double x = labels.size() == 1 ? LEFT + PLOT_WIDTH / 2.0 : LEFT + step * i;
            svg.append("<text class=\"label\" transform=\"translate(").append(n(x + 4)).append(' ')
                    .append(n(TOP + PLOT_HEIGHT + 10)).append(") rotate(-40)\" text-anchor=\"end\">")
                    .append(Markup.escape(labels.get(i))).append("</text>");
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            boolean drawing = false;
            for (int i = 0; i < labels.size() && i < line.values().size(); i++) {
                BigDecimal value = line.values().get(i);
                if (value == null) {
                    drawing = false;
                    continue;
                }
                double x = labels.size() == 1 ? LEFT + PLOT_WIDTH / 2.0 : LEFT + step * i;
                double y = valueY(value.doubleValue(), bottom, top);
                path.append(path.isEmpty() ? "" : " ").append(drawing ? 'L' : 'M').append(n(x)).append(' ')
                        .append(n(y));
                drawing = true;
                svg.append("<circle class=\"point\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                        .append("\" r=\"2.5\" fill=\"").append(color).append("\"><title>")
                        .append(Markup.escape(
                                line.name() + ", " + labels.get(i) + ": " + ReportTables.grouped(value) + " " + unit))
                        .append("</title></circle>");
            }
            svg.append("<path class=\"series\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\" data-series=\"").append(Markup.escape(line.name())).append("\" d=\"")
                    .append(path).append("\"/>");
            double legendY = TOP + 4 + 16 * s;
            svg.append("<line x1=\"").append(LEFT + 8).append("\" x2=\"").append(LEFT + 28).append("\" y1=\"")
                    .append(n(legendY)).append("\" y2=\"").append(n(legendY)).append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"/><text class=\"legend\" x=\"").append(LEFT + 34).append("\" y=\"")
                    .append(n(legendY + 4)).append("\">").append(Markup.escape(line.name())).append("</text>");
        }
        return close(svg);
    }

    private static StringBuilder open(String title, String kind) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(kind)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Markup.escape(title)).append("\" font-family=\"sans-serif\" font-size=\"11\"><title>")
                .append(Markup.escape(title)).append("</title>");
    }

    private static String close(StringBuilder svg) {
        return svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH).append("\" y1=\"")
                .append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT)
                .append("\" stroke=\"#333\"/></svg>").toString();
    }

    /** Grid lines and labels of the left axis, with the unit above it. */
    private static void valueAxis(StringBuilder svg, double bottom, double top, String unit) {
        for (int tick = 0; tick <= TICKS; tick++) {
            double value = bottom + (top - bottom) * tick / TICKS;
            double y = valueY(value, bottom, top);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                    .append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
                    .append("\" stroke=\"#e3e3e3\"/><text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(n(y + 4)).append("\" text-anchor=\"end\">")
                    .append(ReportTables.grouped(new BigDecimal(value).round(TICK_DIGITS).stripTrailingZeros()))
                    .append("</text>");
        }
        svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP - 10)
                .append("\" text-anchor=\"end\">").append(Markup.escape(unit)).append("</text>");
    }

    /**
     * The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that is at least the value,
     * so the five ticks are round numbers and the tallest bar fills most of the height.
     */
    static double niceMaximum(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 }) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double valueY(double value, double bottom, double top) {
        return TOP + PLOT_HEIGHT * (top - value) / (top - bottom);
    }

    private static double shareY(double share) {
        return TOP + PLOT_HEIGHT * (1 - share);
    }

    /** A coordinate with one decimal, never an exponent, whatever the default locale. */
    private static String n(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
