package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.reporting.rest.PartFixture.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.scrapline.reporting.render.ReportCsv;
import io.scrapline.reporting.render.ReportHtml;

/** The report's cost by part, Pareto of parts and defect categories (issue 14), from {@link PartFixture}. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PartSectionsResourceTest {

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void plantWithParts() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        PartFixture.plant(db, tenant);
    }

    @Test
    void costByPartIsTheEventsSumWithinLineAndWorkCenterAndFootsToTheTotal() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("totals.total_cost")).isEqualTo("1368.65");
        assertThat(report.getList("by_part.line")).containsExactly("L1", "L1", "L1", "L2", "L2");
        assertThat(report.getList("by_part.work_center")).containsExactly("WC-110", "WC-110", "WC-120", "WC-210",
                "WC-210");
        assertThat(report.getList("by_part.part")).containsExactly("100-4471-A", "200-5000-B", "100-4471-A",
                "200-5000-B", "300-7000-C");
        // E1 + E2 = 655.20 + 218.40; E3; E4; E6; E5's rework
        assertThat(report.getList("by_part.total_cost")).containsExactly("873.60", "260.00", "120.00", "65.00",
                "50.05");
        assertThat(report.getList("by_part.scrap_quantity")).containsExactly("4", "4", "2", "1", "0");
        assertThat(report.getString("by_part[4].rework_cost")).isEqualTo("50.05");
        assertThat(report.getList("by_part.events")).containsExactly(2, 1, 1, 1, 1);
        assertThat(sum(report.getList("by_part.total_cost", String.class))).isEqualTo(new BigDecimal("1368.65"));
        // Each part's cost is the sum of its current costed events, the superseded E7 left out.
        assertThat(report.getList("by_part.total_cost", String.class)).isEqualTo(eventSums());

        // The Pareto of parts: 993.60, 325.00, 50.05 of 1368.65
        assertThat(report.getList("part_pareto.part")).containsExactly("100-4471-A", "200-5000-B", "300-7000-C");
        assertThat(report.getList("part_pareto.cost")).containsExactly("993.60", "325.00", "50.05");
        assertThat(report.getList("part_pareto.share")).containsExactly("0.7260", "0.2374", "0.0366");
        assertThat(report.getList("part_pareto.cumulative_share")).containsExactly("0.7260", "0.9634", "1.0000");
        assertThat(report.getList("part_pareto.vital_few")).containsExactly(true, true, false);

        // Categories: machining 873.60, raw material 260.00 + 65.00, assembly 120.00 + 50.05
        assertThat(report.getList("categories.category")).containsExactly("machining", "raw material", "assembly");
        assertThat(report.getList("categories.cost")).containsExactly("873.60", "325.00", "170.05");
        assertThat(report.getList("categories.share")).containsExactly("0.6383", "0.2375", "0.1242");
        assertThat(report.getList("categories.events")).containsExactly(2, 2, 2);
        assertThat(sum(report.getList("categories.share", String.class))).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void eachViewHasItsSectionsAndALineLimitedTokenItsLines() {
        given().auth().oauth2(controller).queryParam("view", "controller").get(REPORT).then().statusCode(200)
                .body("by_part", hasSize(5)).body("categories", hasSize(3)).body("part_pareto", equalTo(null));
        given().auth().oauth2(controller).queryParam("view", "quality").get(REPORT).then().statusCode(200)
                .body("part_pareto", hasSize(3)).body("categories", hasSize(3)).body("by_part", equalTo(null));
        given().auth().oauth2(controller).queryParam("view", "supervisor").queryParam("line", "L2").get(REPORT).then()
                .statusCode(200).body("by_part.part", equalTo(List.of("200-5000-B", "300-7000-C")))
                .body("categories", equalTo(null)).body("part_pareto", equalTo(null));

        String lineTwo = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "controller");
        given().auth().oauth2(lineTwo).get(REPORT).then().statusCode(200)
                .body("by_part.line", equalTo(List.of("L2", "L2")))
                .body("part_pareto.part", equalTo(List.of("200-5000-B", "300-7000-C")))
                .body("part_pareto.cost", equalTo(List.of("65.00", "50.05")))
                .body("categories.category", equalTo(List.of("raw material", "assembly")));
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("PA9"), List.of(), "controller")).get(REPORT)
                .then().statusCode(403);
    }

    @Test
    void theSectionsComeInEveryFormat() {
        String csv = given().auth().oauth2(controller).accept(ReportCsv.MEDIA_TYPE).get(REPORT).then().statusCode(200)
                .extract().asString();
        assertThat(csv)
                .contains("section,line,work_center,part,scrap_cost,rework_cost,total_cost,scrap_quantity,"
                        + "events\r\nby_part,L1,WC-110,100-4471-A,873.60,0.00,873.60,4,2\r\n")
                .contains("part_pareto,1,100-4471-A,993.60,0.7260,0.7260,true\r\n")
                .contains("section,category,cost,share,events\r\ncategories,machining,873.60,0.6383,2\r\n");

        String html = given().auth().oauth2(controller).accept(ReportHtml.MEDIA_TYPE).get(REPORT).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("<table id=\"by_part\">", "<table id=\"part_pareto\">", "<table id=\"categories\">",
                "raw material", "63.83 %");
    }

    @Test
    void aClosedPeriodKeepsTheSectionsAndTheirFiguresForLineLimitedTokens() {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200);
        // Costing adds to October's open figures after the close: the closed report does not move.
        db.inTenant(tenant, connection -> connection
                .query("UPDATE cost_rollups_by_part SET amount = amount + 100 WHERE part = '300-7000-C'").execute())
                .await().indefinitely();

        JsonPath closed = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).extract().jsonPath();
        assertThat(closed.getList("by_part.total_cost")).containsExactly("873.60", "260.00", "120.00", "65.00",
                "50.05");
        assertThat(closed.getList("part_pareto.cost")).containsExactly("993.60", "325.00", "50.05");
        assertThat(closed.getList("categories.cost")).containsExactly("873.60", "325.00", "170.05");

        String lineTwo = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "quality");
        given().auth().oauth2(lineTwo).get(REPORT).then().statusCode(200).body("status", equalTo("closed"))
                .body("by_part.total_cost", equalTo(List.of("65.00", "50.05")))
                .body("part_pareto.cost", equalTo(List.of("65.00", "50.05")));
    }

    @Test
    void anotherTenantSeesNoneOfThePlantsParts() {
        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "controller");
        given().auth().oauth2(other).get(REPORT).then().statusCode(404);
    }

    /** The current events' amounts by line, work center and part, in the report's order. */
    private List<String> eventSums() {
        return db.inTenant(tenant, connection -> connection.query("""
                SELECT sum(amount) FROM costed_events WHERE NOT superseded AND period = '2026-10'
                GROUP BY line_id, work_center_id, part ORDER BY line_id, work_center_id, part
                """).execute()).map(rows -> {
            List<String> sums = new ArrayList<>();
            rows.forEach(row -> sums.add(row.getBigDecimal(0).toPlainString()));
            return sums;
        }).await().indefinitely();
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
