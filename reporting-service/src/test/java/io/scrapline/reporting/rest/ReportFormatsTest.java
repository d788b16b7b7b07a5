package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.reporting.rest.ReportFixture.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.scrapline.reporting.render.XlsxWorkbook;

/**
 * The report as a spreadsheet, a PDF and an HTML page, by content negotiation: each shows the JSON's figures (see
 * {@link ReportFixture}), none shows another tenant's, and a format the service does not write is refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportFormatsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> TOTALS = List.of("scrap_cost", "rework_cost", "total_cost");

    @Inject
    TenantDb db;

    private String controller;
    private JsonPath json;

    @BeforeEach
    void plantWithCostsAndABudget() {
        String tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        ReportFixture.plantWithCosts(db, tenant);
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON).body("""
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "1800.00", "rework_budget": "200.00"}]""")
                .put("/api/v1/budgets").then().statusCode(204);
        json = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        assertThat(json.getString("totals.total_cost")).isEqualTo("1938.58");
    }

    @Test
    void theSpreadsheetHasTheJsonsFiguresAsNumbers() {
        Response response = given().auth().oauth2(controller).accept(XLSX).get(REPORT);
        response.then().statusCode(200).contentType(XLSX).header("Content-Disposition",
                equalTo("attachment; filename=\"report-DAY1-2026-10.xlsx\""));
        XlsxWorkbook workbook = XlsxWorkbook.read(response.asByteArray());

        assertThat(workbook.valueOf("Totals", "Total cost (USD)"))
                .isEqualTo(new XlsxWorkbook.Cell("n", "1938.58", "[$USD] #,##0.00"));
        assertThat(workbook.valueOf("Totals", "Scrap cost (USD)").value())
                .isEqualTo(json.getString("totals.scrap_cost"));
        assertThat(workbook.valueOf("Totals", "Rework cost (USD)").value())
                .isEqualTo(json.getString("totals.rework_cost"));
        assertThat(workbook.valueOf("Totals", "Scrap quantity").value())
                .isEqualTo(json.getString("totals.scrap_quantity"));
        assertThat(workbook.valueOf("Totals", "Events").value()).isEqualTo(json.getString("totals.events"));
        assertThat(workbook.valueOf("Totals", "Events not yet costed").value())
                .isEqualTo(json.getString("totals.uncosted_events"));

        String byLine = "Cost by line and work center";
        assertThat(workbook.column(byLine, "Total cost (USD)")).extracting(XlsxWorkbook.Cell::value)
                .isEqualTo(json.getList("by_line.total_cost"));
        assertThat(sum(workbook.column(byLine, "Total cost (USD)").stream().map(XlsxWorkbook.Cell::value).toList()))
                .isEqualByComparingTo(json.getString("totals.total_cost"));
        assertThat(workbook.column("Pareto of defect codes", "Cost (USD)")).extracting(XlsxWorkbook.Cell::value)
                .isEqualTo(json.getList("pareto.cost"));
        assertThat(workbook.column("Pareto of defect codes", "Description")).extracting(XlsxWorkbook.Cell::value)
                .isEqualTo(json.getList("pareto.description"));
        assertThat(workbook.column("Pareto of defect codes", "Cumulative share")).extracting(XlsxWorkbook.Cell::format)
                .containsOnly("0.00%");
        assertThat(workbook.column("Cost of quality", "Cost (USD)")).extracting(XlsxWorkbook.Cell::value)
                .isEqualTo(json.getList("coq.cost"));
        assertThat(workbook.valueOf("Variance", "Budget (USD)").value()).isEqualTo(json.getString("variance.budget"));
        assertThat(workbook.valueOf("Variance", "Variance to the budget").value())
                .isEqualTo(json.getString("variance.budget_variance"));
    }

    @Test
    void thePdfHasTheJsonsFigures() throws IOException {
        Response response = given().auth().oauth2(controller).accept("application/pdf").get(REPORT);
        response.then().statusCode(200).contentType("application/pdf").header("Content-Disposition",
                equalTo("inline; filename=\"report-DAY1-2026-10.pdf\""));

        try (PDDocument document = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Plant DAY1 Dayton · period 2026-10 · USD · open, version 1");
            for (String total : TOTALS) {
                assertThat(text).contains(label(total) + " (USD) " + grouped(json.getString("totals." + total)));
            }
            assertThat(text).contains("Events " + json.getString("totals.events"));
            BigDecimal lines = BigDecimal.ZERO;
            for (int i = 0; i < json.getList("by_line").size(); i++) {
                String line = "by_line[" + i + "].";
                assertThat(text).contains(String.join(" ", json.getString(line + "line"),
                        json.getString(line + "work_center"), grouped(json.getString(line + "scrap_cost")),
                        grouped(json.getString(line + "rework_cost")), grouped(json.getString(line + "total_cost"))));
                lines = lines.add(new BigDecimal(json.getString(line + "total_cost")));
            }
            assertThat(lines).isEqualByComparingTo(json.getString("totals.total_cost"));
            for (int i = 0; i < json.getList("pareto").size(); i++) {
                String entry = "pareto[" + i + "].";
                assertThat(text).contains(String.join(" ", json.getString(entry + "rank"),
                        json.getString(entry + "defect_code"), json.getString(entry + "description"),
                        grouped(json.getString(entry + "cost")), percent(json.getString(entry + "share"))));
            }
            assertThat(text).contains("Budget (USD) " + grouped(json.getString("variance.budget")),
                    "Variance to the budget " + percent(json.getString("variance.budget_variance")));
        }
    }

    @Test
    void theHtmlPageHasTheJsonsFiguresAndTheParetoChart() {
        Response response = given().auth().oauth2(controller).accept("text/html").get(REPORT);
        response.then().statusCode(200).contentType("text/html;charset=UTF-8").header("Content-Security-Policy",
                equalTo("default-src 'none'; style-src 'unsafe-inline'"));
        String html = response.asString();

        for (String total : TOTALS) {
            assertThat(html).contains("<td class=\"text\">" + label(total)
                    + " (USD)</td><td class=\"money\" data-value=\"" + json.getString("totals." + total) + "\">"
                    + grouped(json.getString("totals." + total)) + "</td>");
        }
        assertThat(values(html, "money", "by_line"))
                .isEqualTo(json.getList("by_line", Map.class).stream()
                        .flatMap(line -> Stream.of(line.get("scrap_cost"), line.get("rework_cost"),
                                line.get("total_cost"), line.get("recoverable_amount"), line.get("exposure_amount")))
                        .toList());
        assertThat(count(html, "<rect class=\"bar")).isEqualTo(json.getList("pareto").size());
        assertThat(html).contains("Weld &lt;porosity&gt; &amp; &quot;spatter&quot;").doesNotContain("<porosity>");
    }

    @Test
    void anotherTenantsTokenFindsNoReportInAnyFormat() {
        String otherTenant = TestTokens.get().token("t-" + UUID.randomUUID(), "controller", "admin");
        for (String format : List.of("application/json", "text/csv", XLSX, "application/pdf", "text/html")) {
            String body = given().auth().oauth2(otherTenant).accept(format).get(REPORT).then().statusCode(404)
                    .contentType(PROBLEM).extract().asString();
            assertThat(body).as(format).doesNotContain("1938.58", "1,938.58", "Dayton");
            given().accept(format).get(REPORT).then().statusCode(401);
        }
    }

    @Test
    void aFormatTheServiceDoesNotWriteIsNotAcceptable() {
        for (String format : List.of("image/png", "application/xml", "application/msword")) {
            given().auth().oauth2(controller).accept(format).get(REPORT).then().statusCode(406).contentType(PROBLEM)
                    .body("status", equalTo(406));
        }
        // The formats in order of preference: the first the service writes wins.
        given().auth().oauth2(controller).accept("image/png, application/pdf;q=0.9, text/html;q=0.5").get(REPORT).then()
                .statusCode(200).contentType("application/pdf");
    }

    private static String label(String total) {
        return switch (total) {
            case "scrap_cost" -> "Scrap cost";
            case "rework_cost" -> "Rework cost";
            default -> "Total cost";
        };
    }

    /** Money as a person reads it in the PDF and the page: 1938.58 is 1,938.58. */
    private static String grouped(String amount) {
        return String.format(Locale.ROOT, "%,.2f", new BigDecimal(amount));
    }

    private static String percent(String fraction) {
        return new BigDecimal(fraction).movePointRight(2).toPlainString() + " %";
    }

    /** The data-value of the cells of a kind in one table of the page, in order. */
    private static List<String> values(String html, String kind, String table) {
        int start = html.indexOf("<table id=\"" + table + "\">");
        String rows = html.substring(start, html.indexOf("</table>", start));
        Matcher matcher = Pattern.compile("<td class=\"" + kind + "\" data-value=\"([^\"]*)\"").matcher(rows);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
