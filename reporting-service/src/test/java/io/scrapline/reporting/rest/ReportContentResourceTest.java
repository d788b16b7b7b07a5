package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.reporting.rest.ReportContentFixture.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The report's sections beyond the period's rollups and its views, from the aggregates of {@link ReportContentFixture}
 * (figures worked by hand there).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportContentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void newTenantWithEveryAggregate() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        ReportContentFixture.plant(db, tenant);
    }

    @Test
    void withoutAViewTheReportHasEverySectionAndEachFoots() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();

        assertThat(report.getString("view")).isEqualTo("full");
        assertThat(report.getString("totals.total_cost")).isEqualTo("1068.98");
        assertThat(report.getString("totals.rework_cost")).isEqualTo("62.05");
        assertThat(report.getLong("totals.events")).isEqualTo(8);
        assertThat(sum(report.getList("by_line.total_cost", String.class))).isEqualByComparingTo("1068.98");

        // The rework hours without a defect record are in the Pareto under that label, with no code.
        assertThat(report.getList("pareto.defect_code")).containsExactly("MACH-DIM", "WELD-POR", "PAINT-RUN", null);
        assertThat(report.getString("pareto[3].description")).isEqualTo("Rework without a defect record");
        assertThat(report.getList("pareto.share")).containsExactly("0.8484", "0.0936", "0.0468", "0.0112");
        assertThat(sum(report.getList("pareto.share", String.class))).isEqualTo(new BigDecimal("1.0000"));
        assertThat(sum(report.getList("pareto.cost", String.class))).isEqualByComparingTo("1068.98");

        // Shifts: A 655.20 + 100.00 + 50.05 = 805.25; B 218.40 + 0.00 + 33.33 + 12.00 = 263.73
        assertThat(report.getList("by_shift.shift")).containsExactly("A", "B");
        assertThat(report.getList("by_shift.total_cost")).containsExactly("805.25", "263.73");
        assertThat(sum(report.getList("by_shift.total_cost", String.class))).isEqualByComparingTo("1068.98");
        assertThat(sum(report.getList("defects_by_shift.cost", String.class))).isEqualByComparingTo("1068.98");
        assertThat(report.getList("defects_by_shift.events", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(8);
    }

    @Test
    void recoverableAndExposedAmountsComeFromTheRollupsInTotalAndByLine() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("totals.recoverable_amount")).isEqualTo("20.00");
        assertThat(report.getString("totals.exposure_amount")).isEqualTo("400.00");
        assertThat(report.getList("by_line.work_center")).containsExactly("WC-110", "WC-120", "WC-210");
        assertThat(report.getList("by_line.recoverable_amount")).containsExactly("0.00", "0.00", "20.00");
        assertThat(report.getList("by_line.exposure_amount")).containsExactly("0.00", "400.00", "0.00");
        // The quarantine is counted, and costs nothing yet.
        assertThat(report.getString("by_line[1].total_cost")).isEqualTo("100.00");
        assertThat(report.getLong("by_line[1].events")).isEqualTo(3);
    }

    @Test
    void theScrapVarianceIsThePeriodsByPartAndOperationWithItsTotals() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("scrap_variance.part")).containsExactly("PN-1", "PN-2");
        assertThat(report.getList("scrap_variance.operation")).containsExactly("0010", "0020");
        assertThat(report.getList("scrap_variance.planned_quantity")).containsExactly("2", "1.5");
        assertThat(report.getList("scrap_variance.unplanned_quantity")).containsExactly("3", "0");
        assertThat(report.getList("scrap_variance.variance_value")).containsExactly("45.00", "-30.00");
        assertThat(report.getMap("scrap_variance_totals"))
                .isEqualTo(Map.of("planned_quantity", "3.5", "unplanned_quantity", "3", "total_quantity", "6.5",
                        "variance_quantity", "-0.5", "variance_value", "15.00"));
    }

    @Test
    void theYearToDateRunsFromTheFiscalYearsFirstPeriod() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        // 2026-01..2026-10: October 1068.98 + September 800.00 + January 100.00; December 2025 is the year before.
        assertThat(report.getString("year_to_date.first_period")).isEqualTo("2026-01");
        assertThat(report.getString("year_to_date.last_period")).isEqualTo("2026-10");
        assertThat(report.getString("year_to_date.scrap_cost")).isEqualTo("1806.93");
        assertThat(report.getString("year_to_date.rework_cost")).isEqualTo("162.05");
        assertThat(report.getString("year_to_date.total_cost")).isEqualTo("1968.98");
        assertThat(report.getLong("year_to_date.events")).isEqualTo(11);
        assertThat(report.getList("year_to_date.coq.coq_class")).containsExactly("internal_failure",
                "external_failure");
        assertThat(report.getList("year_to_date.coq.cost")).containsExactly("1935.65", "33.33");
        assertThat(sum(report.getList("year_to_date.coq.cost", String.class))).isEqualByComparingTo("1968.98");
        assertThat(new BigDecimal(report.getString("year_to_date.total_cost")))
                .isGreaterThanOrEqualTo(new BigDecimal(report.getString("totals.total_cost")));
    }

    @Test
    void theTrendIsTheWeeklyCostOfTheTopCodesOverThirteenWeeks() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        List<String> weeks = report.getList("trend.weeks");
        assertThat(weeks).hasSize(13).startsWith("2026-08-03").endsWith("2026-10-26");
        assertThat(report.getList("trend.series.defect_code")).containsExactly("MACH-DIM", "WELD-POR", "PAINT-RUN");
        List<String> mach = report.getList("trend.series[0].costs");
        assertThat(mach.get(weeks.indexOf("2026-09-07"))).isEqualTo("800.00");
        assertThat(mach.get(weeks.indexOf("2026-10-05"))).isEqualTo("655.20");
        assertThat(mach.get(weeks.indexOf("2026-10-19"))).isEqualTo("218.40");
        assertThat(mach.get(12)).isEqualTo("33.33");
        // The week of 2026-07-27 is before the 13: 800.00 + 655.20 + 218.40 + 33.33 = 1706.93
        assertThat(report.getString("trend.series[0].total")).isEqualTo("1706.93");
        for (int series = 0; series < 3; series++) {
            assertThat(sum(report.getList("trend.series[" + series + "].costs", String.class)))
                    .isEqualByComparingTo(report.getString("trend.series[" + series + "].total"));
        }
        assertThat(report.getList("trend.series.total")).containsExactly("1706.93", "100.00", "50.05");
    }

    @Test
    void theCorrectiveActionsCountTheLatestVersionOfEachNcr() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("corrective_actions.defect_code")).containsExactly("MACH-DIM", "WELD-POR",
                "PAINT-RUN");
        assertThat(report.getList("corrective_actions.ncrs")).containsExactly(2, 1, 0);
        assertThat(report.getList("corrective_actions.open_ncrs")).containsExactly(1, 1, 0);
        assertThat(report.getMap("corrective_actions[0].by_status")).isEqualTo(Map.of("in_progress", 1, "closed", 1));
        assertThat(report.getMap("corrective_actions[1].by_status")).isEqualTo(Map.of("none", 1));
        assertThat(report.getMap("corrective_actions[2].by_status")).isEmpty();
    }

    @Test
    void theControllerViewIsMoneyByLineAndClassVariancesAndTheYearToDate() {
        Map<String, Object> report = given().auth().oauth2(controller).queryParam("view", "controller").get(REPORT)
                .then().statusCode(200).body("view", equalTo("controller"))
                .body("totals.total_cost", equalTo("1068.98")).body("year_to_date.total_cost", equalTo("1968.98"))
                .body("scrap_variance_totals.variance_value", equalTo("15.00")).extract().jsonPath().getMap("");

        assertThat(report).containsKeys("totals", "by_line", "coq", "variance", "scrap_variance",
                "scrap_variance_totals", "year_to_date").doesNotContainKeys("pareto", "vital_few_threshold", "trend",
                        "corrective_actions", "by_shift", "defects_by_shift");
    }

    @Test
    void theQualityViewIsTheParetoItsTrendAndTheCorrectiveActions() {
        String quality = TestTokens.get().token(tenant, "quality");
        Map<String, Object> report = given().auth().oauth2(quality).queryParam("view", "quality").get(REPORT).then()
                .statusCode(200).body("view", equalTo("quality"))
                .body("pareto.cost", equalTo(List.of("906.93", "100.00", "50.05", "12.00")))
                .body("trend.series[0].total", equalTo("1706.93")).body("corrective_actions[0].open_ncrs", equalTo(1))
                .extract().jsonPath().getMap("");

        assertThat(report).containsKeys("totals", "pareto", "vital_few_threshold", "coq", "trend", "corrective_actions")
                .doesNotContainKeys("by_line", "variance", "scrap_variance", "year_to_date", "by_shift",
                        "defects_by_shift");
    }

    @Test
    void theSupervisorViewIsTheirLineByShiftWithTheCodesOverTheirThresholdsFlagged() {
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        JsonPath report = given().auth().oauth2(lineOne).queryParam("view", "supervisor").get(REPORT).then()
                .statusCode(200).body("view", equalTo("supervisor")).extract().jsonPath();

        assertThat(report.getMap("")).containsKeys("totals", "by_line", "by_shift", "defects_by_shift")
                .doesNotContainKeys("pareto", "coq", "variance", "trend", "year_to_date", "corrective_actions");
        assertThat(report.getString("totals.total_cost")).isEqualTo("973.60");
        assertThat(report.getList("by_line.line")).containsOnly("L1");
        // L1: A 655.20 + 100.00 = 755.20 (3 events); B 218.40 + the quarantine's 0.00 = 218.40 (2 events)
        assertThat(report.getList("by_shift.total_cost")).containsExactly("755.20", "218.40");
        assertThat(report.getList("by_shift.events")).containsExactly(3, 2);
        assertThat(report.getList("defects_by_shift.shift")).containsExactly("A", "A", "B", "B");
        assertThat(report.getList("defects_by_shift.rank")).containsExactly(1, 2, 1, 2);
        assertThat(report.getList("defects_by_shift.defect_code")).containsExactly("MACH-DIM", "WELD-POR", "MACH-DIM",
                "WELD-POR");
        assertThat(report.getList("defects_by_shift.cost")).containsExactly("655.20", "100.00", "218.40", "0.00");
        assertThat(report.getList("defects_by_shift.events")).containsExactly(1, 2, 1, 1);
        // MACH-DIM on L1 is 873.60 in the period, over the lower of its rules (800.00); WELD-POR's rule is disabled.
        assertThat(report.getList("defects_by_shift.threshold")).containsExactly("800.00", null, "800.00", null);
        assertThat(report.getList("defects_by_shift.over_threshold")).containsExactly(true, false, true, false);
    }

    @Test
    void aSupervisorOfTheWholePlantNamesTheLine() {
        String plantSupervisor = TestTokens.get().token(tenant, "supervisor");
        JsonPath report = given().auth().oauth2(plantSupervisor).queryParam("view", "supervisor")
                .queryParam("line", "L2").get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("totals.total_cost")).isEqualTo("95.38");
        // PAINT-RUN 50.05 is over its 40.00; MACH-DIM's 33.33 on L2 is under 800.00; hours without a record have none.
        assertThat(report.getList("defects_by_shift.defect_code")).containsExactly("PAINT-RUN", "MACH-DIM", null);
        assertThat(report.getList("defects_by_shift.description")).containsExactly("Paint run",
                "Dimension out of tolerance", "Rework without a defect record");
        assertThat(report.getList("defects_by_shift.over_threshold")).containsExactly(true, false, false);

        given().auth().oauth2(plantSupervisor).queryParam("view", "supervisor").get(REPORT).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("line"));
        given().auth().oauth2(plantSupervisor).queryParam("view", "supervisor").queryParam("line", "").get(REPORT)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("line"));
        String twoLines = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1", "L2"), "supervisor");
        given().auth().oauth2(twoLines).queryParam("view", "supervisor").get(REPORT).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("line")).body("errors[0].message",
                        equalTo("the supervisor view shows one line: name it with line=, one of L1, L2"));
        given().auth().oauth2(twoLines).queryParam("view", "supervisor").queryParam("line", "L1").get(REPORT).then()
                .statusCode(200).body("totals.total_cost", equalTo("973.60"));
    }

    @Test
    void aSupervisorCannotReadAnotherLine() {
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        String body = given().auth().oauth2(lineOne).queryParam("view", "supervisor").queryParam("line", "L2")
                .get(REPORT).then().statusCode(403).contentType(PROBLEM).extract().asString();
        assertThat(body).doesNotContain("95.38", "PAINT-RUN");
        // In any view and any format
        given().auth().oauth2(lineOne).queryParam("line", "L2").accept("text/csv").get(REPORT).then().statusCode(403);
        given().auth().oauth2(lineOne).queryParam("view", "quality").queryParam("line", "L2").get(REPORT).then()
                .statusCode(403);
        // Limited to L1, the quality view's trend is L1's: 800.00 + 655.20 + 218.40 = 1673.60
        given().auth().oauth2(lineOne).queryParam("view", "quality").get(REPORT).then().statusCode(200)
                .body("trend.series[0].total", equalTo("1673.60"));
    }

    @Test
    void anotherTenantsAggregatesAreNeverInTheReport() {
        // Another tenant's plant of the same name, with rows in every aggregate the report reads.
        String other = "t-" + UUID.randomUUID();
        ReportContentFixture.plant(db, other);

        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("totals.total_cost")).isEqualTo("1068.98");
        assertThat(report.getString("scrap_variance_totals.variance_value")).isEqualTo("15.00");
        assertThat(report.getString("year_to_date.total_cost")).isEqualTo("1968.98");
        assertThat(report.getString("trend.series[0].total")).isEqualTo("1706.93");
        assertThat(report.getList("corrective_actions.ncrs")).containsExactly(2, 1, 0);
        // And a tenant without the plant sees nothing of it, in any view.
        String stranger = TestTokens.get().token("t-" + UUID.randomUUID(), "controller", "quality", "supervisor");
        for (String view : List.of("controller", "quality")) {
            String body = given().auth().oauth2(stranger).queryParam("view", view).get(REPORT).then().statusCode(404)
                    .contentType(PROBLEM).extract().asString();
            assertThat(body).doesNotContain("1068.98", "MACH-DIM");
        }
        given().auth().oauth2(stranger).queryParam("view", "supervisor").queryParam("line", "L1").get(REPORT).then()
                .statusCode(404);
    }

    @Test
    void aClosedPeriodServesTheNewSectionsFromItsSnapshot() {
        JsonPath open = given().auth().oauth2(controller).get(REPORT).then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200);
        // After the close: another week of MACH-DIM, another scrap variance and another NCR.
        db.inTenant(tenant, connection -> ReportContentFixture.week(connection, "L1", "2026-10-26", "MACH-DIM", "1.00")
                .chain(() -> ReportContentFixture.run(connection, """
                        INSERT INTO scrap_variances (tenant_id, plant_id, period, part, operation, planned_quantity,
                            unplanned_quantity, variance_quantity, variance_value, confirmations)
                        VALUES (current_tenant(), 'DAY1', '2026-10', 'PN-3', '0030', 0, 1, 1, 9.00, 1)
                        """))).await().indefinitely();

        JsonPath closed = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).extract().jsonPath();
        for (String section : List.of("scrap_variance", "by_shift", "defects_by_shift", "corrective_actions")) {
            assertThat(closed.getList(section)).as(section).isEqualTo(open.getList(section));
        }
        for (String section : List.of("scrap_variance_totals", "year_to_date", "trend", "totals")) {
            assertThat(closed.getMap(section)).as(section).isEqualTo(open.getMap(section));
        }
        // A view of the closed period, and a supervisor's line, come from the stored figures too.
        given().auth().oauth2(controller).queryParam("view", "controller").get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).body("view", equalTo("controller"))
                .body("scrap_variance_totals.variance_value", equalTo("15.00"));
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        given().auth().oauth2(lineOne).queryParam("view", "supervisor").get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).body("by_shift.total_cost", equalTo(List.of("755.20", "218.40")))
                .body("defects_by_shift[0].over_threshold", equalTo(true));
        given().auth().oauth2(lineOne).queryParam("view", "quality").get(REPORT).then().statusCode(200)
                .body("trend.series[0].total", equalTo("1673.60"));
    }

    @Test
    void everyFormatHasTheNewSections() {
        String csv = given().auth().oauth2(controller).accept("text/csv").get(REPORT).then().statusCode(200).extract()
                .asString();
        assertThat(csv).contains("\r\nscrap_variance_totals,3.5,3,6.5,-0.5,15.00\r\n",
                "\r\nyear_to_date,2026-01,2026-10,1806.93,162.05,1968.98,11\r\n",
                "\r\ntrend,2026-09-07,MACH-DIM,800.00\r\n", "\r\ncorrective_actions,MACH-DIM,,2,1\r\n",
                "\r\npareto,4,,Rework without a defect record,12.00,0.0112,1.0000,false\r\n");
        String supervisorCsv = given().auth().oauth2(controller).queryParam("view", "supervisor")
                .queryParam("line", "L1").accept("text/csv").get(REPORT).then().statusCode(200).extract().asString();
        assertThat(supervisorCsv)
                .contains(
                        "\r\ndefects_by_shift,A,1,MACH-DIM,Dimension out of tolerance,1,3,655.20," + "800.00,true\r\n")
                .doesNotContain("\r\npareto,", "\r\ntrend,");

        String html = given().auth().oauth2(controller).accept("text/html").get(REPORT).then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("<figure id=\"trend-chart\">", "data-series=\"MACH-DIM\"",
                "<table id=\"scrap_variance\">", "<table id=\"year_to_date\">", "<table id=\"corrective_actions\">",
                "<table id=\"defects_by_shift\">");
        String qualityHtml = given().auth().oauth2(controller).queryParam("view", "quality").accept("text/html")
                .get(REPORT).then().statusCode(200).extract().asString();
        assertThat(qualityHtml).contains("<figure id=\"trend-chart\">").doesNotContain("<table id=\"by_line\">");
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
