package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The plant-period report, from rollups inserted as the tenant (as costing would have kept them). Figures worked by
 * hand for October 2026 at DAY1:
 *
 * <pre>
 * line WC      code      type              coq               amount  qty events
 * L1   WC-110  MACH-DIM  scrap             internal_failure  655.20  3   1   (shift A)
 * L1   WC-110  MACH-DIM  scrap             internal_failure  218.40  1   1   (shift B)
 * L1   WC-120  WELD-POR  scrap             internal_failure  100.00  2   2
 * L2   WC-210  PAINT-RUN rework            internal_failure   50.05  5   1
 * L2   WC-210  MACH-DIM  return_to_vendor  external_failure   33.33  1   1
 * scrap 1006.93 + rework 50.05 = total 1056.98; September (prior period): 800.00 on L1
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORT = "/api/v1/reports/DAY1/2026-10";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void newTenantWithRollupsAndAnOpenException() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        UUID batch = UUID.randomUUID();
        db.inTenant(tenant, connection -> run(connection, "INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .chain(() -> run(connection,
                        "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                                + "VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')"))
                .chain(() -> run(connection, """
                        INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES
                            (current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining',
                                'internal_failure'),
                            (current_tenant(), 'WELD-POR', 'Weld porosity', 'welding', 'internal_failure'),
                            (current_tenant(), 'PAINT-RUN', 'Paint run', 'paint', 'internal_failure')
                        """))
                .chain(() -> rollup(connection, "2026-10", "L1", "WC-110", "MACH-DIM", "A", "scrap", "internal_failure",
                        "655.20", "3", 1))
                .chain(() -> rollup(connection, "2026-10", "L1", "WC-110", "MACH-DIM", "B", "scrap", "internal_failure",
                        "218.40", "1", 1))
                .chain(() -> rollup(connection, "2026-10", "L1", "WC-120", "WELD-POR", "A", "scrap", "internal_failure",
                        "100.00", "2", 2))
                .chain(() -> rollup(connection, "2026-10", "L2", "WC-210", "PAINT-RUN", "A", "rework",
                        "internal_failure", "50.05", "5", 1))
                .chain(() -> rollup(connection, "2026-10", "L2", "WC-210", "MACH-DIM", "A", "return_to_vendor",
                        "external_failure", "33.33", "1", 1))
                .chain(() -> rollup(connection, "2026-09", "L1", "WC-110", "MACH-DIM", "A", "scrap", "internal_failure",
                        "800.00", "4", 2))
                // An event waiting for a part cross-reference, and one whose exception is already closed.
                .chain(() -> run(connection,
                        "INSERT INTO source_systems (tenant_id, source) " + "VALUES (current_tenant(), 'plex-mes')"))
                .chain(() -> run(connection,
                        "INSERT INTO ingest_batches (tenant_id, batch_id, source, record_type, "
                                + "received, accepted, duplicates, updated, rejected) "
                                + "VALUES (current_tenant(), $1, 'plex-mes', 'defects', 2, 2, 0, 0, 0)",
                        batch))
                .chain(() -> exception(connection, batch, "MES-7", "4", "open"))
                .chain(() -> exception(connection, batch, "MES-8", "6", "closed"))).await().indefinitely();
    }

    @Test
    void theReportFootsFromLinesToTotalsAndThroughTheParetoAndCostOfQuality() {
        JsonPath report = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .contentType(ContentType.JSON).body("plant", equalTo("DAY1")).body("period", equalTo("2026-10"))
                .body("currency", equalTo("USD")).body("status", equalTo("open")).extract().jsonPath();

        assertThat(report.getString("totals.scrap_cost")).isEqualTo("1006.93");
        assertThat(report.getString("totals.rework_cost")).isEqualTo("50.05");
        assertThat(report.getString("totals.total_cost")).isEqualTo("1056.98");
        assertThat(report.getString("totals.scrap_quantity")).isEqualTo("7");
        assertThat(report.getLong("totals.events")).isEqualTo(6);

        // Cost by line and work center: the shifts of WC-110 summed; rework and scrap of WC-210 side by side.
        assertThat(report.getList("by_line.line")).containsExactly("L1", "L1", "L2");
        assertThat(report.getList("by_line.work_center")).containsExactly("WC-110", "WC-120", "WC-210");
        assertThat(report.getList("by_line.total_cost")).containsExactly("873.60", "100.00", "83.38");
        assertThat(report.getString("by_line[2].scrap_cost")).isEqualTo("33.33");
        assertThat(report.getString("by_line[2].rework_cost")).isEqualTo("50.05");
        assertThat(sum(report.getList("by_line.total_cost", String.class))).isEqualByComparingTo("1056.98");

        // The Pareto: MACH-DIM alone is past 80 %, so it is the only one of the vital few.
        assertThat(report.getList("pareto.defect_code")).containsExactly("MACH-DIM", "WELD-POR", "PAINT-RUN");
        assertThat(report.getList("pareto.description")).containsExactly("Dimension out of tolerance", "Weld porosity",
                "Paint run");
        assertThat(report.getList("pareto.cost")).containsExactly("906.93", "100.00", "50.05");
        assertThat(report.getList("pareto.vital_few")).containsExactly(true, false, false);
        assertThat(report.getList("pareto.share")).containsExactly("0.8580", "0.0946", "0.0474");
        assertThat(report.getList("pareto.cumulative_share")).containsExactly("0.8580", "0.9526", "1.0000");
        assertThat(sum(report.getList("pareto.share", String.class))).isEqualTo(new BigDecimal("1.0000"));
        assertThat(sum(report.getList("pareto.cost", String.class))).isEqualByComparingTo("1056.98");

        assertThat(report.getList("coq.coq_class")).containsExactly("internal_failure", "external_failure");
        assertThat(report.getList("coq.cost")).containsExactly("1023.65", "33.33");
        assertThat(sum(report.getList("coq.cost", String.class))).isEqualByComparingTo("1056.98");
    }

    @Test
    void theVitalFewFollowTheThresholdOfTheApprovedCostSchema() {
        // MACH-DIM is 873.60 / 1056.98 = 0.8265 of the cost: alone it reaches the default 0.80, not 0.90.
        db.inTenant(tenant, connection -> connection.query("""
                INSERT INTO cost_schemas (tenant_id, version, status, vital_few_threshold, created_by, approved_by,
                    approved_at)
                VALUES (current_tenant(), 1, 'approved', 0.90, 'controller', 'controller', now())
                """).execute()).await().indefinitely();
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("pareto.vital_few",
                equalTo(List.of(true, true, false)));
    }

    @Test
    void openExceptionsAreCountedAsEventsNotYetCosted() {
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("totals.uncosted_events", equalTo(1))
                .body("totals.uncosted_quantity", equalTo("4"));
        // None in September: the exception belongs to its own period only.
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-09").then().statusCode(200)
                .body("totals.uncosted_events", equalTo(0));
    }

    @Test
    void comparesWithThePriorPeriod() {
        // (1056.98 − 800.00) / 800.00 = 0.321225 → 0.3212
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .body("variance.prior_period_total", equalTo("800.00"))
                .body("variance.period_over_period", equalTo("0.3212"));
        // A period with nothing before it has no change to report, rather than a division by zero.
        JsonPath september = given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-09").then()
                .statusCode(200).body("totals.total_cost", equalTo("800.00"))
                .body("variance.period_over_period", equalTo(null)).extract().jsonPath();
        assertThat(new BigDecimal(september.getString("variance.prior_period_total"))).isZero();
    }

    @Test
    void comparesWithThePlantLevelBudgetOrElseTheSumOfTheLineBudgets() {
        putBudgets("""
                [{"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "1000.00",
                  "rework_budget": "200.00"},
                 {"plant": "DAY1", "line": "L2", "period": "2026-10", "scrap_budget": "80",
                  "rework_budget": "20"}]""");
        // No plant-level budget: L1 1200.00 + L2 100.00 = 1300.00;
        // (1056.98 − 1300.00) / 1300.00 = −0.186938… → −0.1869
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("variance.budget", equalTo("1300.00"))
                .body("variance.budget_variance", equalTo("-0.1869"));

        putBudgets("""
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"}]""");
        // The plant-level 900.00 + 100.00 = 1000.00 wins: (1056.98 − 1000.00) / 1000.00 = 0.05698 → 0.0570, over
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("variance.budget", equalTo("1000.00"))
                .body("variance.budget_variance", equalTo("0.0570"));
        // September has no budget: no variance rather than a variance against zero.
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-09").then().statusCode(200)
                .body("variance.budget", equalTo(null)).body("variance.budget_variance", equalTo(null));
    }

    @Test
    void aSupervisorLimitedToALineIsComparedWithThatLinesBudget() {
        putBudgets("""
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"},
                 {"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "1000.00",
                  "rework_budget": "200.00"},
                 {"plant": "DAY1", "line": "L2", "period": "2026-10", "scrap_budget": "80",
                  "rework_budget": "20"}]""");
        // L1: 973.60 against 1200.00: (973.60 − 1200.00) / 1200.00 = −0.188666… → −0.1887, under budget
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        given().auth().oauth2(lineOne).get(REPORT).then().statusCode(200).body("totals.total_cost", equalTo("973.60"))
                .body("variance.budget", equalTo("1200.00")).body("variance.budget_variance", equalTo("-0.1887"));
        // L2: 83.38 against 100.00: (83.38 − 100.00) / 100.00 = −0.1662
        String lineTwo = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "supervisor");
        given().auth().oauth2(lineTwo).get(REPORT).then().statusCode(200).body("variance.budget", equalTo("100.00"))
                .body("variance.budget_variance", equalTo("-0.1662"));
        // A line without a budget of its own has none: the plant-level budget is not split among lines.
        String lineThree = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L3"), "supervisor");
        given().auth().oauth2(lineThree).get(REPORT).then().statusCode(200).body("variance.budget", equalTo(null))
                .body("variance.budget_variance", equalTo(null));
    }

    @Test
    void theCsvHasTheJsonsTotalsAndItsLinesSumToThem() {
        putBudgets("""
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"}]""");
        JsonPath json = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        String csv = given().auth().oauth2(controller).accept("text/csv").get(REPORT).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        List<List<String>> rows = Arrays.stream(csv.split("\r\n")).map(line -> List.of(line.split(",", -1))).toList();
        List<String> totalsHeader = section(rows, "totals").get(0);
        List<String> totals = section(rows, "totals").get(1);
        for (String column : List.of("scrap_cost", "rework_cost", "total_cost", "scrap_quantity", "events",
                "uncosted_events")) {
            assertThat(totals.get(totalsHeader.indexOf(column))).as(column)
                    .isEqualTo(json.getString("totals." + column));
        }
        assertThat(totals.get(totalsHeader.indexOf("total_cost"))).isEqualTo("1056.98");

        List<List<String>> lines = section(rows, "by_line");
        int totalCost = lines.get(0).indexOf("total_cost");
        assertThat(lines.subList(1, lines.size())).hasSize(3);
        assertThat(sum(lines.subList(1, lines.size()).stream().map(row -> row.get(totalCost)).toList()))
                .isEqualByComparingTo("1056.98");
        assertThat(section(rows, "pareto")).hasSize(4);
        assertThat(section(rows, "coq")).hasSize(3);
        assertThat(section(rows, "variance").get(1)).containsExactly("variance", "800.00", "0.3212", "1000.00",
                "0.0570");
    }

    /** The header row of a CSV section and the rows that follow it. */
    private static List<List<String>> section(List<List<String>> rows, String name) {
        int start = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals(name)) {
                start = i - 1;
                break;
            }
        }
        assertThat(start).as("section " + name).isGreaterThanOrEqualTo(0);
        int end = start + 1;
        while (end < rows.size() && rows.get(end).get(0).equals(name)) {
            end++;
        }
        return rows.subList(start, end);
    }

    private void putBudgets(String body) {
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/budgets").then().statusCode(204);
    }

    @Test
    void aPlantWithA445CalendarReportsFiscalPeriodsAndComparesWithTheFiscalPeriodBefore() {
        // DAY2 keeps 4-4-5 years from 2025-12-29: 2026-P01 (2025-12-29..2026-01-25) comes after 2025-P12
        // (2025-11-24..2025-12-28). P01 = 180.00 + 120.00 = 300.00; P12 = 240.00; (300.00 − 240.00) / 240.00 = 0.2500
        db.inTenant(tenant, connection -> run(connection,
                "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar) VALUES "
                        + "(current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/New_York', '4-4-5@2025-12-29')")
                                .chain(() -> fiscalRollup(connection, "2026-P01", "A", "180.00"))
                                .chain(() -> fiscalRollup(connection, "2026-P01", "B", "120.00"))
                                .chain(() -> fiscalRollup(connection, "2025-P12", "A", "240.00")))
                .await().indefinitely();

        given().auth().oauth2(controller).get("/api/v1/reports/DAY2/2026-P01").then().statusCode(200)
                .body("plant", equalTo("DAY2")).body("period", equalTo("2026-P01"))
                .body("totals.total_cost", equalTo("300.00")).body("by_line.line", equalTo(List.of("L1")))
                .body("variance.prior_period_total", equalTo("240.00"))
                .body("variance.period_over_period", equalTo("0.2500"));
        // Within a fiscal year the period before P02 is P01.
        given().auth().oauth2(controller).get("/api/v1/reports/DAY2/2026-P02").then().statusCode(200)
                .body("totals.total_cost", equalTo("0.00")).body("variance.prior_period_total", equalTo("300.00"));
    }

    @Test
    void aPeriodOfTheOtherKindOfCalendarIsAnInputError() {
        db.inTenant(tenant, connection -> run(connection,
                "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar) VALUES "
                        + "(current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/New_York', '4-4-5@2025-12-29')"))
                .await().indefinitely();

        given().auth().oauth2(controller).get("/api/v1/reports/DAY2/2026-10").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period")).body("errors[0].message",
                        equalTo("plant DAY2 keeps the fiscal calendar 4-4-5@2025-12-29: use YYYY-Pnn"));
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-P10").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", equalTo("plant DAY1 keeps calendar months: use YYYY-MM"));
    }

    @Test
    void aPeriodWithoutRollupsIsAnEmptyReportNotAnError() {
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2027-01").then().statusCode(200)
                .body("totals.total_cost", equalTo("0.00")).body("totals.events", equalTo(0))
                .body("by_line", hasSize(0)).body("pareto", hasSize(0)).body("coq", hasSize(0));
    }

    @Test
    void aSupervisorLimitedToALineSeesThatLineOnly() {
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        JsonPath report = given().auth().oauth2(lineOne).get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("by_line.line")).containsOnly("L1");
        assertThat(report.getString("totals.total_cost")).isEqualTo("973.60");
        assertThat(report.getString("totals.rework_cost")).isEqualTo("0.00");
        assertThat(report.getList("pareto.defect_code")).containsExactly("MACH-DIM", "WELD-POR");
        assertThat(report.getList("pareto.cost")).containsExactly("873.60", "100.00");
        assertThat(report.getList("coq.coq_class")).containsExactly("internal_failure");
        assertThat(report.getString("variance.prior_period_total")).isEqualTo("800.00");
        // The open exception is an L1 event: counted for L1, not for L2.
        assertThat(report.getInt("totals.uncosted_events")).isEqualTo(1);

        String lineTwo = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "supervisor");
        JsonPath lineTwoReport = given().auth().oauth2(lineTwo).get(REPORT).then().statusCode(200)
                .body("totals.total_cost", equalTo("83.38")).body("by_line.line", equalTo(List.of("L2")))
                .body("totals.uncosted_events", equalTo(0)).extract().jsonPath();
        assertThat(new BigDecimal(lineTwoReport.getString("variance.prior_period_total"))).isZero();

        String otherPlant = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "supervisor");
        given().auth().oauth2(otherPlant).get(REPORT).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anUnknownPlantAndAnotherTenantsPlantAreNotFound() {
        given().auth().oauth2(controller).get("/api/v1/reports/NOPE/2026-10").then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404)).body("title", equalTo("Not found"));

        String otherTenant = TestTokens.get().token("t-" + UUID.randomUUID(), "controller", "admin");
        String body = given().auth().oauth2(otherTenant).get(REPORT).then().statusCode(404).contentType(PROBLEM)
                .extract().asString();
        assertThat(body).doesNotContain("1056.98", "Dayton");
    }

    @Test
    void aMalformedPeriodOrViewIsAnInputError() {
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-13").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", equalTo("must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn"));
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-P13").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-P1").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/October").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(controller).queryParam("view", "board").get(REPORT).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("view"));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().get(REPORT).then().statusCode(401);
        given().auth().oauth2("not-a-token").get(REPORT).then().statusCode(401);
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get(REPORT).then().statusCode(403)
                .contentType(PROBLEM);
        for (String role : List.of("admin", "controller", "quality", "supervisor")) {
            given().auth().oauth2(TestTokens.get().token(tenant, role)).get(REPORT).then().statusCode(200);
        }
    }

    private static Uni<Void> rollup(SqlConnection connection, String period, String line, String workCenter,
            String code, String shift, String costType, String coqClass, String amount, String quantity, long events) {
        return run(connection, """
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), 'DAY1', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, period, line, workCenter, code, shift, costType, coqClass, new BigDecimal(amount),
                new BigDecimal(quantity), events);
    }

    private static Uni<Void> fiscalRollup(SqlConnection connection, String period, String shift, String amount) {
        return run(connection, """
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), 'DAY2', $1, 'L1', 'WC-110', 'MACH-DIM', $2, 'scrap', 'internal_failure', $3,
                    1, 1)
                """, period, shift, new BigDecimal(amount));
    }

    private static Uni<Void> exception(SqlConnection connection, UUID batch, String sourceId, String quantity,
            String status) {
        BigDecimal units = new BigDecimal(quantity);
        return connection.preparedQuery("""
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at)
                VALUES (current_tenant(), 'plex-mes', $1, 1, $2, $1, 'DAY1', 'L1', 'WC-110', 'MFG-9999', 'D-114',
                    $3, 'scrap', $4)
                RETURNING record_id
                """).execute(Tuple.of(sourceId, batch, units, OffsetDateTime.parse("2026-10-14T09:30:00-04:00")))
                .chain(rows -> run(connection, """
                        INSERT INTO costing_exceptions (tenant_id, record_id, source, source_id, plant_id, period,
                            quantity, reason, detail, status, line_id)
                        VALUES (current_tenant(), $1, 'plex-mes', $2, 'DAY1', '2026-10', $3, 'unmapped_part',
                            'no part cross-reference for plex-mes part MFG-9999 on 2026-10-14', $4, 'L1')
                        """, rows.iterator().next().getLong(0), sourceId, units, status));
    }

    private static Uni<Void> run(SqlConnection connection, String sql, Object... parameters) {
        return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).replaceWithVoid();
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
