package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.awaitTrue;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Costing end to end inside the service: reference data, a cost roll and defect records inserted as the tenant (as
 * ingest would have stored them), a costing run, and the costed events, exceptions and rollups it leaves.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CostedEventResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SOURCE = "plex-mes";
    private static final OffsetDateTime OCCURRED_AT = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;
    private UUID mesBatch;

    @BeforeEach
    void newTenantWithReferenceDataAndACostRoll() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        mesBatch = UUID.randomUUID();
        UUID erpBatch = UUID.randomUUID();
        inTenant(connection -> TenantRows.tenantWithPlantAndXrefs(connection, SOURCE)
                .chain(() -> run(connection,
                        "INSERT INTO source_systems (tenant_id, source) VALUES "
                                + "(current_tenant(), 'sap-erp'), (current_tenant(), $1)",
                        SOURCE))
                .chain(() -> batch(connection, erpBatch, "sap-erp", "standard-costs"))
                .chain(() -> batch(connection, mesBatch, SOURCE, "defects"))
                // C(0010) = 120.00 + 30.00 + 20.00 = 170.00; C(0020) = 170.00 + 0.00 + 28.40 + 20.00 = 218.40
                .chain(() -> standardCost(connection, erpBatch, "0010", "120.00", "30.00", "20.00"))
                .chain(() -> standardCost(connection, erpBatch, "0020", "0.00", "28.40", "20.00")));
    }

    @Test
    void aPlantWithA445CalendarCostsIntoItsFiscalPeriod() {
        // 4-4-5 from 2025-12-29: 2026-P10 is 2026-09-28..2026-10-25, so the event of 2026-10-14 (local) is in P10
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON).body(Map.of("name",
                "Dayton", "currency", "USD", "time_zone", "America/New_York", "fiscal_calendar", "4-4-5@2025-12-29"))
                .put("/api/v1/plants/DAY1").then().statusCode(204);
        assertThat(decimal(
                "SELECT count(*) FROM plants WHERE plant_id = 'DAY1' " + "AND fiscal_calendar = '4-4-5@2025-12-29'"))
                        .isEqualByComparingTo("1");

        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        runCosting();

        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(1))
                .body("[0].period", equalTo("2026-P10")).body("[0].amount", equalTo("655.20"));
        JsonPath event = given().auth().oauth2(controller).get("/api/v1/costed-events/" + eventIdOf("MES-1")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(event.getString("explanation.period.fiscal_calendar")).isEqualTo("4-4-5@2025-12-29");
        assertThat(event.getString("explanation.period.period")).isEqualTo("2026-P10");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups WHERE period = '2026-P10'"))
                .isEqualByComparingTo("655.20");
        assertThat(decimal("SELECT count(*) FROM cost_rollups WHERE period = '2026-10'")).isZero();
        given().auth().oauth2(controller).queryParam("period", "2026-P10").get("/api/v1/costed-events").then()
                .statusCode(200).body("", hasSize(1));
    }

    @Test
    void costsAScrapEventAtCumulativeStandardCostWithItsArithmetic() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        runCosting();

        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(1))
                .body("[0].source", equalTo(SOURCE)).body("[0].source_id", equalTo("MES-1"))
                .body("[0].plant", equalTo("DAY1")).body("[0].line", equalTo("L1"))
                .body("[0].part", equalTo("100-4471-A")).body("[0].defect_code", equalTo("MACH-DIM"))
                .body("[0].coq_class", equalTo("internal_failure")).body("[0].disposition", equalTo("scrap"))
                .body("[0].cost_type", equalTo("scrap")).body("[0].quantity", equalTo("3"))
                .body("[0].unit_value", equalTo("218.400000")).body("[0].amount", equalTo("655.20"))
                .body("[0].currency", equalTo("USD")).body("[0].period", equalTo("2026-10"));
        long id = eventIdOf("MES-1");

        JsonPath event = given().auth().oauth2(controller).get("/api/v1/costed-events/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(event.getString("amount")).isEqualTo("655.20");
        assertThat(event.getString("explanation.valuation.method")).isEqualTo("cumulative_standard");
        assertThat(event.getString("explanation.valuation.arithmetic"))
                .isEqualTo("3 × 218.400000 = 655.200000 → 655.20 USD");
        assertThat(event.getList("explanation.valuation.operations.cumulative")).containsExactly("170.000000",
                "218.400000");
        assertThat(event.getString("explanation.part.part")).isEqualTo("100-4471-A");
        assertThat(event.getString("explanation.period.time_zone")).isEqualTo("America/New_York");
        // The same fields as the list, with the provenance and the explanation after them, and nothing else.
        assertThat(event.getMap("").keySet())
                .containsExactlyElementsOf(concat(EVENT_FIELDS, List.of("provenance", "explanation")));
        assertThat(event.getMap("provenance").keySet()).containsExactly("schema_version", "ncr_record_id",
                "work_order_record_id", "cost_roll_effective_from", "cost_roll_lines", "labor_rates");
        assertThat(event.getMap("provenance.cost_roll_lines[0]").keySet()).containsExactlyInAnyOrder("operation",
                "effective_from", "record_id", "version");
        assertThat(given().auth().oauth2(controller).get("/api/v1/costed-events").then().extract().jsonPath()
                .getMap("[0]").keySet()).containsExactlyElementsOf(EVENT_FIELDS);

        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups WHERE plant_id = 'DAY1' AND period = '2026-10' "
                + "AND line_id = 'L1' AND defect_code = 'MACH-DIM' AND cost_type = 'scrap'")).isEqualByComparingTo("1");
        // The line and work center are registered when first seen.
        assertThat(decimal("SELECT count(*) FROM work_centers WHERE line_id = 'L1' AND work_center_id = 'WC-110'"))
                .isEqualByComparingTo("1");
    }

    @Test
    void eventsCostedAfterApprovalUseTheApprovedSchemaAndNameItEarlierOnesKeepTheirs() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3", "0010");
        runCosting();
        String admin = TestTokens.get().token(tenant, "admin");
        int version = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("scrap_method", "full_standard")).post("/api/v1/cost-schemas").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        SchemaOwners.approve(tenant, version).body("status", equalTo("approved"));

        insertDefect("MES-2", 1, "MFG-4471", "L1", "3", "0010");
        runCosting();

        // Scrapped at 0010: cumulative C(0010) = 170.00, full standard C(last) = 218.40.
        long before = eventIdOf("MES-1");
        JsonPath old = given().auth().oauth2(controller).get("/api/v1/costed-events/" + before).then().statusCode(200)
                .extract().jsonPath();
        assertThat(old.getString("amount")).isEqualTo("510.00");
        assertThat(old.getString("explanation.schema")).isEqualTo("default (none approved)");
        assertThat(old.getString("schema_version")).isNull();

        long after = eventIdOf("MES-2");
        JsonPath event = given().auth().oauth2(controller).get("/api/v1/costed-events/" + after).then().statusCode(200)
                .extract().jsonPath();
        assertThat(event.getString("amount")).isEqualTo("655.20");
        assertThat(event.getString("unit_value")).isEqualTo("218.400000");
        assertThat(event.getInt("schema_version")).isEqualTo(version);
        assertThat(event.getInt("explanation.schema.version")).isEqualTo(version);
        assertThat(event.getString("explanation.schema.scrap_method")).isEqualTo("full_standard");
        assertThat(event.getString("explanation.schema.rounding")).isEqualTo("half_up");
        assertThat(event.getString("explanation.valuation.method")).isEqualTo("full_standard");
        assertThat(decimal("SELECT schema_version FROM costed_events WHERE source_id = 'MES-2'"))
                .isEqualByComparingTo(String.valueOf(version));
        assertThat(decimal("SELECT count(*) FROM costed_events WHERE source_id = 'MES-1' AND schema_version IS NULL"))
                .isEqualByComparingTo("1");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("1165.20");
    }

    @Test
    void filtersTheListByItsQueryParameters() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        insertDefect("MES-2", 1, "MFG-4471", "L2", "1");
        runCosting();

        given().auth().oauth2(controller).queryParam("plant", "DAY1").queryParam("period", "2026-10")
                .get("/api/v1/costed-events").then().statusCode(200)
                .body("source_id", equalTo(List.of("MES-1", "MES-2")));
        given().auth().oauth2(controller).queryParam("line", "L2").get("/api/v1/costed-events").then().statusCode(200)
                .body("source_id", equalTo(List.of("MES-2"))).body("[0].amount", equalTo("218.40"));
        given().auth().oauth2(controller).queryParam("period", "2026-09").get("/api/v1/costed-events").then()
                .statusCode(200).body("", hasSize(0));
        given().auth().oauth2(controller).queryParam("size", 1).queryParam("page", 1).get("/api/v1/costed-events")
                .then().statusCode(200).body("source_id", equalTo(List.of("MES-2")));
    }

    @Test
    void anUnmappedPartWaitsAsAnExceptionUntilItsCrossReferenceArrives() {
        insertDefect("MES-7", 1, "MFG-9999", "L1", "3");
        runCosting();

        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(controller).get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(1))
                .body("[0].source_id", equalTo("MES-7")).body("[0].reason", equalTo("unmapped_part"))
                .body("[0].status", equalTo("open")).body("[0].plant", equalTo("DAY1"))
                .body("[0].period", equalTo("2026-10"));
        assertThat(given().auth().oauth2(controller).get("/api/v1/exceptions").then().extract().jsonPath().getMap("[0]")
                .keySet()).containsExactly("id", "source", "source_id", "plant", "period", "quantity", "reason",
                        "detail", "status", "created_at", "closed_at", "estimated_amount");
        assertThat(decimal("SELECT count(*) FROM cost_rollups")).isZero();

        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON)
                .body(List.of(Map.of("source_part", "MFG-9999", "part", "100-4471-A", "effective_from", "2026-01-01")))
                .put("/api/v1/sources/plex-mes/part-xref").then().statusCode(204);

        // The re-cost runs after the PUT commits.
        awaitTrue(Duration.ofSeconds(10), () -> given().auth().oauth2(controller).get("/api/v1/costed-events").then()
                .statusCode(200).extract().jsonPath().getList("source_id").contains("MES-7"));
        given().auth().oauth2(controller).get("/api/v1/costed-events").then().body("", hasSize(1)).body("[0].amount",
                equalTo("655.20"));
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(0));
        given().auth().oauth2(controller).queryParam("status", "closed").get("/api/v1/exceptions").then()
                .statusCode(200).body("", hasSize(1)).body("[0].source_id", equalTo("MES-7"));
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
    }

    @Test
    void aNewVersionOfARecordSupersedesItsCostedEventAndItsRollup() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        runCosting();
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
        // The weekly rollup of the trend follows in the same transaction: Wednesday 2026-10-14 is in the week of
        // Monday 2026-10-12.
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups_weekly WHERE week_start = '2026-10-12'"))
                .isEqualByComparingTo("655.20");

        insertDefect("MES-1", 2, "MFG-4471", "L1", "1");
        runCosting();

        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(1))
                .body("[0].source_id", equalTo("MES-1")).body("[0].record_version", equalTo(2))
                .body("[0].quantity", equalTo("1")).body("[0].amount", equalTo("218.40"));
        assertThat(decimal("SELECT count(*) FROM costed_events WHERE superseded AND record_version = 1"))
                .isEqualByComparingTo("1");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("218.40");
        assertThat(decimal("SELECT sum(quantity) FROM cost_rollups")).isEqualByComparingTo("1");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups")).isEqualByComparingTo("1");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups_weekly WHERE week_start = '2026-10-12'"))
                .isEqualByComparingTo("218.40");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups_weekly")).isEqualByComparingTo("1");
    }

    @Test
    void anotherTenantSeesNoneOfTheEventsOrExceptions() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        insertDefect("MES-7", 1, "MFG-9999", "L1", "3");
        runCosting();
        long id = eventIdOf("MES-1");

        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "controller", "admin");
        given().auth().oauth2(other).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).get("/api/v1/costed-events/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        given().auth().oauth2(other).get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aSupervisorSeesOnlyTheLinesOfTheirToken() {
        insertDefect("MES-1", 1, "MFG-4471", "L1", "3");
        runCosting();
        long id = eventIdOf("MES-1");

        String lineTwo = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "supervisor");
        given().auth().oauth2(lineTwo).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(lineTwo).get("/api/v1/costed-events/" + id).then().statusCode(404).contentType(PROBLEM);

        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        given().auth().oauth2(lineOne).get("/api/v1/costed-events").then().statusCode(200).body("source_id",
                equalTo(List.of("MES-1")));
        given().auth().oauth2(lineOne).get("/api/v1/costed-events/" + id).then().statusCode(200).body("amount",
                equalTo("655.20"));

        String otherPlant = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "supervisor");
        given().auth().oauth2(otherPlant).queryParam("plant", "DAY1").get("/api/v1/costed-events").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(otherPlant).get("/api/v1/costed-events/" + id).then().statusCode(404);
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().get("/api/v1/costed-events").then().statusCode(401);
        given().get("/api/v1/exceptions").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("record_type", "defects")).post("/api/v1/costing/runs").then()
                .statusCode(401);

        String ingest = TestTokens.get().token(tenant, "ingest");
        given().auth().oauth2(ingest).get("/api/v1/costed-events").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get("/api/v1/exceptions").then()
                .statusCode(403);
        given().auth().oauth2(controller).contentType(ContentType.JSON).body(Map.of("record_type", "defects"))
                .post("/api/v1/costing/runs").then().statusCode(403);
    }

    /** The fields of a costed event in the list, in their order. */
    private static final List<String> EVENT_FIELDS = List.of("id", "source", "source_id", "record_version", "plant",
            "period", "event_period", "line", "work_center", "shift", "part", "defect_code", "coq_class", "disposition",
            "cost_type", "quantity", "uom", "unit_value", "amount", "currency", "occurred_at", "superseded",
            "costed_at", "schema_version", "recoverable_amount", "exposure_amount", "ncr", "work_order", "scrap_action",
            "scrap_account", "rework_without_defect_record");

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private void runCosting() {
        Map<String, Object> prompt = new HashMap<>();
        prompt.put("batch_id", null);
        prompt.put("record_type", "defects");
        // The sweep may cost some records first; the run waits for it and costs whatever is left.
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(prompt).post("/api/v1/costing/runs").then().statusCode(200).body("exceptions", notNullValue());
    }

    private long eventIdOf(String sourceId) {
        return given().auth().oauth2(controller).queryParam("plant", "DAY1").get("/api/v1/costed-events").then()
                .statusCode(200).extract().jsonPath().getLong("find { it.source_id == '" + sourceId + "' }.id");
    }

    private void insertDefect(String sourceId, int version, String sourcePart, String line, String quantity) {
        insertDefect(sourceId, version, sourcePart, line, quantity, "0020");
    }

    private void insertDefect(String sourceId, int version, String sourcePart, String line, String quantity,
            String operation) {
        inTenant(connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, 'DAY1', $6, $7, $8, 'D-114', $9, 'scrap', $10, 'A',
                    $11)
                """, SOURCE, sourceId, version, mesBatch, sourceId + "-v" + version, line,
                line.equals("L1") ? "WC-110" : "WC-210", sourcePart, new BigDecimal(quantity), OCCURRED_AT, operation));
    }

    private static Uni<Void> batch(SqlConnection connection, UUID batch, String source, String type) {
        return run(connection, "INSERT INTO ingest_batches (tenant_id, batch_id, source, record_type, received, "
                + "accepted, duplicates, updated, rejected) VALUES (current_tenant(), $1, $2, $3, 2, 2, 0, 0, 0)",
                batch, source, type);
    }

    private static Uni<Void> standardCost(SqlConnection connection, UUID batch, String operation, String material,
            String labor, String overhead) {
        return run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', $1, DATE '2026-01-01', 1, $2, $1,
                    $3, $4, $5, 'USD')
                """, operation, batch, new BigDecimal(material), new BigDecimal(labor), new BigDecimal(overhead));
    }

    private void inTenant(Function<SqlConnection, Uni<Void>> work) {
        TenantRows.inTenant(db, tenant, work);
    }

    private BigDecimal decimal(String sql) {
        return TenantRows.decimal(db, tenant, sql);
    }
}
