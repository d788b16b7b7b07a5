package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Pareto;

/**
 * The charts' geometry, worked by hand: the plot is 592 × 260 points from (72, 24), so a share s is at y = 24 + 260 ×
 * (1 − s) and a cost c under an axis of a is c / a × 260 high.
 */
class SvgChartsTest {

    @Test
    void drawsABarPerCodeAsHighAsItsCostAndTheCumulativeShareOverThem() {
        // The tallest cost 1000.00 gets an axis of 1000: 1000.00 is 260 high, 250.50 is 65.13 → 65.1, 49.50 is 12.87
        String svg = SvgCharts.pareto(SampleReports.threeCodes().pareto(), new BigDecimal("0.80"), "USD");

        assertThat(attributes(svg, "rect class=\"bar[^\"]*\"[^>]*height", "height")).containsExactly("260", "65.1",
                "12.9");
        assertThat(attributes(svg, "rect class=\"bar[^\"]*\"[^>]*data-code", "data-code")).containsExactly("MACH-01",
                "WELD-02", "PAINT-03");
        assertThat(svg).contains("<rect class=\"bar vital-few\"", "data-cost=\"250.50\"");
        assertThat(attributes(svg, "rect class=\"bar\"[^>]*data-code", "data-code")).containsExactly("PAINT-03");
        // Bands of 592 / 3 = 197.33: centers 72 + 98.67, 296, 493.33; cumulative 0.7692 → 84, 0.9619 → 33.9, 1 → 24
        assertThat(svg).contains("points=\"170.7,84 368,33.9 565.3,24\"");
        // The threshold 0.80 at 24 + 260 × 0.2 = 76
        assertThat(svg).contains("<line class=\"threshold\" x1=\"72\" x2=\"664\" y1=\"76\" y2=\"76\"",
                "vital few: 80 %");
        assertThat(svg).contains("<title>MACH-01: 1,000.00 USD, 76.92 % (cumulative 76.92 %)</title>");
    }

    @Test
    void escapesCodesAndHasNoChartWithoutCodes() {
        Pareto.Entry entry = new Pareto.Entry(1, "<b>&", "x", new BigDecimal("5.00"), BigDecimal.ONE, BigDecimal.ONE,
                true);
        String svg = SvgCharts.pareto(List.of(entry), new BigDecimal("0.80"), "USD");

        assertThat(svg).contains("data-code=\"&lt;b&gt;&amp;\"").doesNotContain("<b>");
        assertThat(SvgCharts.pareto(List.of(), new BigDecimal("0.80"), "USD")).isEmpty();
    }

    @Test
    void drawsATrendLinePerSeriesBrokenWhereAValueIsMissing() {
        // Axis 0..400 for a top value of 400: 100 at 24 + 260 × 0.75 = 219, 400 at 24; x steps 592 / 3 = 197.33
        List<String> weeks = List.of("W40", "W41", "W42", "W43");
        String svg = SvgCharts.trend("Weekly cost", weeks,
                List.of(new SvgCharts.Series("scrap", values("100", "200", null, "400")),
                        new SvgCharts.Series("rework <R>", values("0", "0", "0", "0"))),
                "USD");

        assertThat(svg).contains("data-series=\"scrap\" d=\"M72 219 L269.3 154 M664 24\"");
        assertThat(svg).contains("data-series=\"rework &lt;R&gt;\" d=\"M72 284 L269.3 284 L466.7 284 L664 284\"");
        assertThat(attributes(svg, "text class=\"axis\"[^>]*text-anchor=\"end\">[^<]*", "text-anchor")).hasSize(7);
        assertThat(svg).contains(">400</text>", ">320</text>", ">0</text>", ">W43</text>");
        assertThat(SvgCharts.trend("Weekly cost", List.of(), List.of(), "USD")).isEmpty();
    }

    @Test
    void aTrendOfManyWeeksLabelsSomeOfThem() {
        List<String> weeks = new ArrayList<>();
        List<BigDecimal> costs = new ArrayList<>();
        for (int week = 1; week <= 26; week++) {
            weeks.add("W" + week);
            costs.add(BigDecimal.valueOf(week));
        }
        String svg = SvgCharts.trend("Weekly cost", weeks, List.of(new SvgCharts.Series("cost", costs)), "USD");

        // 26 weeks at most 13 labels: every second week
        assertThat(svg).contains(">W1</text>", ">W3</text>", ">W25</text>").doesNotContain(">W2</text>");
    }

    @Test
    void roundsAxesUpToRoundNumbers() {
        assertThat(SvgCharts.niceMaximum(1056.98)).isEqualTo(1200);
        assertThat(SvgCharts.niceMaximum(1000)).isEqualTo(1000);
        assertThat(SvgCharts.niceMaximum(0.37)).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SvgCharts.niceMaximum(81)).isEqualTo(100);
        assertThat(SvgCharts.niceMaximum(0)).isEqualTo(1);
    }

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(value -> value == null ? null : new BigDecimal(value)).toList();
    }

    /** The values of an attribute of the elements matched by the pattern, in order. */
    private static List<String> attributes(String svg, String element, String attribute) {
        Matcher matcher = Pattern.compile("<" + element).matcher(svg);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            Matcher value = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(svg.substring(matcher.start()));
            values.add(value.find() ? value.group(1) : "");
        }
        return values;
    }
}
