package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * Parallel runs against {@link PartFixture}'s October. The technician's report below has one figure mistyped (E3's
 * 260.00 as 206.00), leaves out E6 and has a paint run that Scrapline had not costed yet:
 *
 * <pre>
 * line part        code       manual          Scrapline               difference
 * L1   100-4471-A  ASSY-MIS   2   120.00      2   120.00 (E4)           0.00
 * L1   100-4471-A  MACH-DIM   4   873.60      4   873.60 (E1, E2)       0.00
 * L1   200-5000-B  RM-CRACK   4   206.00      4   260.00 (E3)         -54.00
 * L2   200-5000-B  RM-CRACK   -               1    65.00 (E6)         -65.00
 * L2   300-7000-C  ASSY-MIS   1    50.05      1    50.05 (E5)           0.00
 * L2   300-7000-C  PAINT-RUN  1    40.00      -                       +40.00
 * total                      12  1289.65     12  1368.65              -79.00
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ParallelRunResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UPLOAD = "/api/v1/parallel-runs/DAY1/2026-10";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String MANUAL = """
            Line,Part,Defect code,Quantity,Cost,Notes
            L1,100-4471-A,MACH-DIM,3,655.20,first shift
            L1,200-5000-B,RM-CRACK,4,206.00,typed from the scrap tag
            L1,100-4471-A,ASSY-MIS,2,120.00,
            L1,100-4471-A,MACH-DIM,1,218.40,second shift

            L2,300-7000-C,ASSY-MIS,1,50.05,
            L2,300-7000-C,PAINT-RUN,1,"40.00","paint line, booth 2"
            """;

    @Inject
    TenantDb db;

    private String tenant;
    private String quality;

    @BeforeEach
    void plantWithParts() {
        tenant = "t-" + UUID.randomUUID();
        quality = TestTokens.get().token(tenant, "quality");
        PartFixture.plant(db, tenant);
    }

    @Test
    void aMistypedCostIsFoundAndExplainedByItsEventAndTheRunIsStored() {
        JsonPath run = upload(quality, "text/csv", MANUAL.getBytes(StandardCharsets.UTF_8), "scrap-october.csv")
                .statusCode(201).extract().jsonPath();
        long id = run.getLong("id");
        assertThat(run.getString("plant")).isEqualTo("DAY1");
        assertThat(run.getString("file_name")).isEqualTo("scrap-october.csv");
        assertThat(run.getString("file_format")).isEqualTo("csv");
        assertThat(run.getString("uploaded_by")).isEqualTo(tenant + "-quality@demo.scrapline.local");
        assertThat(run.getInt("comparisons")).isEqualTo(1);
        assertThat(run.getString("currency")).isEqualTo("USD");
        assertThat(run.getString("totals.manual_cost")).isEqualTo("1289.65");
        assertThat(run.getString("totals.scrapline_cost")).isEqualTo("1368.65");
        assertThat(run.getString("totals.difference")).isEqualTo("-79.00");
        assertThat(run.getInt("totals.keys")).isEqualTo(6);
        assertThat(run.getInt("totals.matching")).isEqualTo(3);
        assertThat(run.getInt("totals.discrepancies")).isEqualTo(3);
        assertThat(run.getList("by_line.difference")).containsExactly("-54.00", "-25.00");

        // Largest difference first: E6 missing from the manual report, E3 mistyped, the paint run not costed
        assertThat(run.getList("discrepancies.kind")).containsExactly("only_in_scrapline", "differs", "only_in_manual");
        assertThat(run.getList("discrepancies.difference")).containsExactly("-65.00", "-54.00", "40.00");
        JsonPath mistyped = new JsonPath(run.prettify()).setRootPath("discrepancies[1]");
        assertThat(mistyped.getString("line")).isEqualTo("L1");
        assertThat(mistyped.getString("part")).isEqualTo("200-5000-B");
        assertThat(mistyped.getString("defect_code")).isEqualTo("RM-CRACK");
        assertThat(mistyped.getString("manual_cost")).isEqualTo("206.00");
        assertThat(mistyped.getString("scrapline_cost")).isEqualTo("260.00");
        assertThat(mistyped.getString("quantity_difference")).isEqualTo("0");
        assertThat(mistyped.getList("manual_rows")).containsExactly(2);
        assertThat(mistyped.getString("note"))
                .isEqualTo("the same quantity at another cost: 51.5 per unit in the manual report, 65 costed");
        // The event behind Scrapline's figure: 4 × 65.000000 = 260.00, with the way to its explanation
        assertThat(mistyped.getList("events.source_id")).containsExactly("E3");
        assertThat(mistyped.getString("events[0].amount")).isEqualTo("260.00");
        assertThat(mistyped.getString("events[0].unit_value")).isEqualTo("65.000000");
        assertThat(mistyped.getString("events[0].quantity")).isEqualTo("4");
        long eventId = mistyped.getLong("events[0].id");
        assertThat(mistyped.getString("events[0].link")).isEqualTo("/api/v1/costed-events/" + eventId);
        assertThat(run.getList("discrepancies[0].events.source_id")).containsExactly("E6");
        assertThat(run.getList("discrepancies[0].manual_rows")).isEmpty();
        assertThat(run.getList("discrepancies[2].events")).isEmpty();
        assertThat(run.getList("discrepancies[2].manual_rows")).containsExactly(7);

        // Stored: listed with its totals, and read back whole.
        given().auth().oauth2(quality).queryParam("plant", "DAY1").queryParam("period", "2026-10")
                .get("/api/v1/parallel-runs").then().statusCode(200).body("id", equalTo(List.of((int) id)))
                .body("[0].totals.difference", equalTo("-79.00")).body("[0].discrepancies", equalTo(null));
        JsonPath stored = given().auth().oauth2(quality).get("/api/v1/parallel-runs/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getList("discrepancies")).isEqualTo(run.getList("discrepancies"));
    }

    @Test
    void aReRunAfterTheCorrectionInScraplineLeavesTheOtherDiscrepancies() {
        long id = upload(quality, "text/csv", MANUAL.getBytes(StandardCharsets.UTF_8), null).statusCode(201).extract()
                .jsonPath().getLong("id");

        // The paint run's mapping arrives: costing writes its event.
        PartFixture.addEvent(db, tenant, "E8", "L2", "WC-210", "300-7000-C", "PAINT-RUN", "scrap", "1", "40.00");
        String controller = TestTokens.get().token(tenant, "controller");
        given().auth().oauth2(controller).post("/api/v1/parallel-runs/" + id + "/rerun").then().statusCode(200)
                .body("comparisons", equalTo(2))
                .body("compared_by", equalTo(tenant + "-controller@demo.scrapline.local"))
                .body("uploaded_by", equalTo(tenant + "-quality@demo.scrapline.local"))
                .body("totals.scrapline_cost", equalTo("1408.65")).body("totals.difference", equalTo("-119.00"))
                .body("discrepancies.kind", equalTo(List.of("only_in_scrapline", "differs")))
                .body("totals.matching", equalTo(4));
        given().auth().oauth2(quality).get("/api/v1/parallel-runs/" + id).then().statusCode(200)
                .body("comparisons", equalTo(2)).body("discrepancies", hasSize(2));
    }

    @Test
    void anXlsxWorkbookReadsLikeTheCsv() throws IOException {
        byte[] workbook = workbook(List.of(List.of("Line", "Part", "Defect code", "Quantity", "Cost"),
                List.of("L1", "100-4471-A", "MACH-DIM", 4, 873.6), List.of("L1", "200-5000-B", "RM-CRACK", 4, 206),
                List.of("L1", "100-4471-A", "ASSY-MIS", 2, 120), List.of("L2", "300-7000-C", "ASSY-MIS", 1, 50.05),
                List.of("L2", "300-7000-C", "PAINT-RUN", 1, 40)));
        upload(quality, XLSX, workbook, "scrap-october.xlsx").statusCode(201).body("file_format", equalTo("xlsx"))
                .body("totals.manual_cost", equalTo("1289.65")).body("totals.difference", equalTo("-79.00"))
                .body("discrepancies.difference", equalTo(List.of("-65.00", "-54.00", "40.00")))
                .body("discrepancies[1].manual_rows", equalTo(List.of(2)));
    }

    @Test
    void everyBadRowAndFieldIsNamedAndNothingIsStored() {
        String bad = """
                Line,Part,Defect code,Quantity,Cost
                L1,,MACH-DIM,four,873.60
                L1,200-5000-B,RM-CRACK,4,206.005
                L1,100-4471-A,ASSY-MIS,2,120.00
                ,300-7000-C,ASSY-MIS,-1,
                """;
        JsonPath problem = upload(quality, "text/csv", bad.getBytes(StandardCharsets.UTF_8), null).statusCode(422)
                .contentType(PROBLEM).extract().jsonPath();
        assertThat(problem.getList("errors.row")).containsExactly(1, 1, 2, 4, 4, 4);
        assertThat(problem.getList("errors.field")).containsExactly("part", "quantity", "cost", "line", "quantity",
                "cost");
        assertThat(problem.getString("errors[2].message")).isEqualTo("has more decimals than USD has (2)");

        upload(quality, "text/csv", "Line,Part,Qty,Cost\nL1,P,1,2\n".getBytes(StandardCharsets.UTF_8), null)
                .statusCode(422).body("errors.field", equalTo(List.of("defect_code", "quantity")));
        upload(quality, "text/csv", new byte[0], null).statusCode(422).body("errors[0].field", equalTo("file"));
        upload(quality, XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8), null).statusCode(422)
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(quality).contentType("text/csv").body(MANUAL).post("/api/v1/parallel-runs/DAY1/2026-13")
                .then().statusCode(422);
        given().auth().oauth2(quality).contentType("text/csv").body(MANUAL).post("/api/v1/parallel-runs/NOPE/2026-10")
                .then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(quality).get("/api/v1/parallel-runs").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void anotherTenantAndTokensOutsideThePlantSeeNothing() {
        long id = upload(quality, "text/csv", MANUAL.getBytes(StandardCharsets.UTF_8), null).statusCode(201).extract()
                .jsonPath().getLong("id");

        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "admin", "controller");
        given().auth().oauth2(other).get("/api/v1/parallel-runs").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).get("/api/v1/parallel-runs/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other).post("/api/v1/parallel-runs/" + id + "/rerun").then().statusCode(404);

        String elsewhere = TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "controller");
        given().auth().oauth2(elsewhere).get("/api/v1/parallel-runs").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(elsewhere).get("/api/v1/parallel-runs/" + id).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(elsewhere).post("/api/v1/parallel-runs/" + id + "/rerun").then().statusCode(403);
        upload(elsewhere, "text/csv", MANUAL.getBytes(StandardCharsets.UTF_8), null).statusCode(403);

        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "quality");
        upload(lineOne, "text/csv", MANUAL.getBytes(StandardCharsets.UTF_8), null).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(lineOne).get("/api/v1/parallel-runs/" + id).then().statusCode(403);
        given().auth().oauth2(lineOne).get("/api/v1/parallel-runs").then().statusCode(403);

        String supervisor = TestTokens.get().token(tenant, "supervisor");
        given().auth().oauth2(supervisor).get("/api/v1/parallel-runs").then().statusCode(403);
        given().get("/api/v1/parallel-runs").then().statusCode(401);

        String plantOnly = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "quality");
        given().auth().oauth2(plantOnly).get("/api/v1/parallel-runs").then().statusCode(200).body("id",
                equalTo(List.of((int) id)));
    }

    private static ValidatableResponse upload(String token, String contentType, byte[] body, String fileName) {
        var request = given().auth().oauth2(token).contentType(contentType).body(body);
        if (fileName != null) {
            request = request.queryParam("file_name", fileName);
        }
        return request.post(UPLOAD).then();
    }

    /** A workbook as a spreadsheet program writes one: texts as shared strings, numbers as numbers. */
    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        StringBuilder sheet = new StringBuilder(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        List<String> strings = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                String reference = (char) ('A' + c) + Integer.toString(r + 1);
                if (value instanceof String text) {
                    strings.add(text);
                    sheet.append("<c r=\"").append(reference).append("\" t=\"s\"><v>").append(strings.size() - 1)
                            .append("</v></c>");
                } else {
                    sheet.append("<c r=\"").append(reference).append("\"><v>").append(value).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder shared = new StringBuilder(
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        strings.forEach(s -> shared.append("<si><t>").append(s).append("</t></si>"));
        shared.append("</sst>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : Map
                    .of("xl/worksheets/sheet1.xml", sheet.toString(), "xl/sharedStrings.xml", shared.toString())
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
