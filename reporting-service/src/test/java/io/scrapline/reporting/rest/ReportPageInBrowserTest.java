package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.reporting.rest.ReportFixture.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The report page in a real headless browser: saved as a person saves it (fetched with the token, which a browser
 * cannot send from the address bar), opened from the file, its DOM dumped and a screenshot taken. The browser must
 * build the tables, the Pareto chart and the trend chart with the API's figures, and draw the bars and the lines.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportPageInBrowserTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 4800;

    @Inject
    TenantDb db;

    @TempDir
    Path directory;

    @Test
    void theBrowserShowsTheTablesAndTheParetoChartWithTheApisFigures() throws IOException, InterruptedException {
        String tenant = "t-" + UUID.randomUUID();
        String controller = TestTokens.get().token(tenant, "controller");
        ReportFixture.plantWithCosts(db, tenant);
        JsonPath json = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();
        Path page = directory.resolve("report-DAY1-2026-10.html");
        Files.write(page, given().auth().oauth2(controller).accept("text/html").get(REPORT).then().statusCode(200)
                .extract().asByteArray());
        HeadlessChromium chromium = HeadlessChromium.onPath(directory);

        String dom = chromium.dumpDom(page.toUri());

        for (String table : List.of("report", "totals", "by_line", "pareto", "coq", "variance", "scrap_variance",
                "scrap_variance_totals", "by_shift", "defects_by_shift", "year_to_date", "year_to_date_coq", "trend",
                "corrective_actions")) {
            assertThat(dom).contains("<table id=\"" + table + "\">");
        }
        assertThat(dom).contains("<h1>Scrap and rework cost</h1>");
        assertThat(values(dom, "totals").subList(0, 3)).containsExactly(json.getString("totals.scrap_cost"),
                json.getString("totals.rework_cost"), json.getString("totals.total_cost"));
        // By line: scrap, rework, total, events, recoverable and exposure of each line; the totals are the JSON's and
        // sum to its total.
        List<String> lines = values(dom, "by_line");
        List<String> lineTotals = IntStream.range(0, lines.size() / 6).mapToObj(i -> lines.get(6 * i + 2)).toList();
        assertThat(lineTotals).isEqualTo(json.getList("by_line.total_cost"));
        assertThat(lineTotals.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(json.getString("totals.total_cost"));
        assertThat(attributes(dom, "data-code")).isEqualTo(json.getList("pareto.defect_code"));
        assertThat(attributes(dom, "data-cost")).isEqualTo(json.getList("pareto.cost"));
        assertThat(dom).contains("class=\"bar vital-few\"", "class=\"cumulative\"", "class=\"threshold\"");
        assertThat(dom).contains("Weld &lt;porosity&gt; &amp; \"spatter\"").doesNotContain("<porosity>");
        // The trend: a line per code of the JSON's trend, in its order, each through a point per week.
        List<String> series = json.getList("trend.series.defect_code");
        assertThat(series).containsExactly("WELD-POR", "MACH-DIM", "PAINT-RUN");
        List<String> paths = matches(dom, "(<path class=\"series\"[^>]*>)");
        assertThat(paths).hasSize(3);
        for (int i = 0; i < paths.size(); i++) {
            assertThat(matches(paths.get(i), "data-series=\"([^\"]*)\"")).containsExactly(series.get(i));
            String d = matches(paths.get(i), " d=\"([^\"]*)\"").get(0);
            assertThat(d.split("[ML]", -1)).as("13 points of " + series.get(i)).hasSize(14);
        }
        assertThat(matches(dom, "(<circle class=\"point\")")).hasSize(39);
        // The points carry the weekly costs: WELD-POR's 1,200.00 in the week from 2026-10-12.
        assertThat(dom).contains("<title>WELD-POR, 2026-10-12: 1,200.00 USD</title>");

        Path screenshot = directory.resolve("report.png");
        chromium.screenshot(page.toUri(), screenshot, WIDTH, HEIGHT);

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("a PNG at " + screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        // Not blank: text and rules everywhere, and the bars drawn in their colors (vital few dark, the rest light).
        assertThat(pixels(image, 0xffffff, 0)).isLessThan(WIDTH * HEIGHT * 95L / 100);
        assertThat(pixels(image, 0x1f5fbf, 6)).as("vital-few bar pixels").isGreaterThan(2_000);
        assertThat(pixels(image, 0x8fb3e8, 6)).as("other bar pixels").isGreaterThan(200);
        // The trend's third line is drawn in its own green, which nothing else on the page uses: more than its legend's
        // 20 × 2 pixels, though it runs along the axis where PAINT-RUN has no cost.
        assertThat(pixels(image, 0x2b8a3e, 12)).as("trend line pixels").isGreaterThan(120);
    }

    /** The data-values of a table's cells, row by row. */
    private static List<String> values(String dom, String table) {
        int start = dom.indexOf("<table id=\"" + table + "\">");
        return matches(dom.substring(start, dom.indexOf("</table>", start)), "data-value=\"([^\"]*)\"");
    }

    /** An attribute of the chart's bars, in order. */
    private static List<String> attributes(String dom, String attribute) {
        List<String> values = new ArrayList<>();
        for (String bar : matches(dom, "(<rect class=\"bar[^>]*>)")) {
            values.addAll(matches(bar, attribute + "=\"([^\"]*)\""));
        }
        return values;
    }

    private static List<String> matches(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** How many pixels are within the tolerance of the color in each channel. */
    private static long pixels(BufferedImage image, int color, int tolerance) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                boolean near = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    near &= Math.abs((rgb >> shift & 0xff) - (color >> shift & 0xff)) <= tolerance;
                }
                count += near ? 1 : 0;
            }
        }
        return count;
    }
}
