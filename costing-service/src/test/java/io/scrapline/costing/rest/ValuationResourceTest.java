package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.awaitTrue;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
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
 * Rework, dispositions, order costing and provenance (docs/cost-model.md §6-§10) end to end inside the service: defect,
 * rework-labor, labor-rate, NCR, work-order and standard-cost records inserted as the tenant, as ingest stores them, a
 * costing run (or the sweep), and the costed events, exceptions and rollups it leaves.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ValuationResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MES = "plex-mes";
    private static final OffsetDateTime OCTOBER_14 = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;
    private UUID batch;

    @BeforeEach
    void newTenantWithReferenceDataAndACostRoll() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        batch = UUID.randomUUID();
        inTenant(connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES)
                // C(0010) = 120.00 + 30.00 + 20.00 = 170.00; C(0020) = 170.00 + 0.00 + 28.40 + 20.00 = 218.40
                .chain(() -> standardCost(connection, "0010", "2026-01-01", "120.00"))
                .chain(() -> standardCost(connection, "0020", "2026-01-01", "0.00")));
    }

    @Test
    void reworkWaitsForItsHoursAndIsCostedAgainWhenMoreArrive() {
        approveSchema(Map.of("labor_burden", "0.25"));
        insertDefect("MES-R1", 1, "rework", null, null);
        runCosting();
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(1)).body("[0].reason", equalTo("no_rework_labor"));

        laborRate("WC-110", "40.00");
        laborRate("", "30.00");
        // Joined through defect_source_id: 2 h × 40.00 (WC-110's rate) × (1 + 0.25) + 12.50 = 112.50
        insertLabor("L-1", 1, "MES-R1", null, null, "2", null, "12.50");
        runCosting();

        JsonPath event = eventOf("MES-R1");
        assertThat(event.getString("cost_type")).isEqualTo("rework");
        assertThat(event.getString("amount")).isEqualTo("112.50");
        assertThat(event.getString("explanation.valuation.arithmetic"))
                .isEqualTo("112.500000 = 112.500000 → 112.50 USD");
        assertThat(event.getList("provenance.labor_rates.rate")).containsExactly("40.000000");
        assertThat(event.getList("provenance.labor_rates.rate_source")).containsExactly("work_center");
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(0));

        // Joined through the work order and operation; its own rate: 1 h × 50.00 × 1.25 = 62.50. The event is costed
        // again, by the sweep: 112.50 + 62.50 = 175.00, and the rollups hold the new amount only.
        insertLabor("L-2", 1, null, null, "WO-7", "1", "50.00", null);
        awaitTrue(Duration.ofSeconds(15), () -> "175.00".equals(currentField("MES-R1", "amount")));
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups WHERE cost_type = 'rework'"))
                .isEqualByComparingTo("175.00");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups")).isEqualByComparingTo("1");
        assertThat(decimal("SELECT count(*) FROM costed_events WHERE superseded")).isEqualByComparingTo("1");
    }

    @Test
    void reworkWithoutAnyLaborRateIsAnExceptionUntilARateArrives() {
        insertDefect("MES-R1", 1, "rework", null, null);
        insertLabor("L-1", 1, "MES-R1", null, null, "2", null, null);
        runCosting();
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(1)).body("[0].reason", equalTo("no_labor_rate"));

        // The plant's default rate only: 2 × 30.00 = 60.00
        laborRate("", "30.00");
        runCosting();

        assertThat(eventOf("MES-R1").getString("amount")).isEqualTo("60.00");
        assertThat(eventOf("MES-R1").getList("provenance.labor_rates.rate_source")).containsExactly("plant_default");
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void hoursWithoutADefectRecordAreReworkOfTheirWorkCenterUntilTheirDefectArrives() {
        laborRate("WC-110", "40.00");
        insertDefect("MES-1", 1, "scrap", null, null);
        // NCR-404 names no defect record yet: 3 h × 40.00 = 120.00 against WC-110, on its line L1
        insertLabor("L-9", 1, null, "NCR-404", null, "3", null, null);
        runCosting();

        List<Map<String, Object>> events = given().auth().oauth2(controller).get("/api/v1/costed-events").then()
                .statusCode(200).body("", hasSize(2)).extract().jsonPath().getList("");
        Map<String, Object> hours = events.stream().filter(e -> e.get("source_id").equals("L-9")).findFirst()
                .orElseThrow();
        assertThat(hours).containsEntry("cost_type", "rework").containsEntry("amount", "120.00")
                .containsEntry("rework_without_defect_record", true).containsEntry("line", "L1")
                .containsEntry("work_center", "WC-110").containsEntry("defect_code", "");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups WHERE cost_type = 'rework' AND line_id = 'L1' "
                + "AND work_center_id = 'WC-110' AND defect_code = ''")).isEqualByComparingTo("120.00");

        // The defect record of NCR-404 arrives: its event values the hours, the event of the hours alone goes.
        insertDefect("MES-R9", 1, "rework", null, "NCR-404");
        runCosting();

        assertThat(eventOf("MES-R9").getString("amount")).isEqualTo("120.00");
        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("source_id",
                equalTo(List.of("MES-1", "MES-R9")));
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups WHERE cost_type = 'rework'"))
                .isEqualByComparingTo("120.00");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups WHERE cost_type = 'rework'"))
                .isEqualByComparingTo("1");
    }

    @Test
    void hoursGoToTheEarliestReworkTheyMatchAndAreNeverCostedTwice() {
        laborRate("WC-110", "40.00");
        // L-5 is booked against WO-7 at 0020: 2 h × 40.00 = 80.00, first joined to MES-R2, the only rework there
        insertDefect("MES-R2", 1, "rework", "WO-7", null);
        insertLabor("L-5", 1, null, null, "WO-7", "2", null, null);
        runCosting();
        assertThat(eventOf("MES-R2").getString("amount")).isEqualTo("80.00");

        // MES-R1 on the same work order and operation happened a day earlier: the hours go to it, and MES-R2, costed
        // again by the sweep, waits for hours of its own.
        insertDefect("MES-R1", 1, "rework", "WO-7", null, "3", null, OCTOBER_14.minusDays(1));
        runCosting();
        awaitTrue(Duration.ofSeconds(15),
                () -> given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then()
                        .statusCode(200).extract().jsonPath().getList("source_id").contains("MES-R2"));

        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200)
                .body("source_id", equalTo(List.of("MES-R1"))).body("[0].amount", equalTo("80.00"));
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("80.00");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups")).isEqualByComparingTo("1");
    }

    @Test
    void returnToVendorIsRecoverableAndQuarantineIsExposureUntilItsNcrDecides() {
        insertDefect("MES-V", 1, "return_to_vendor", null, null);
        insertDefect("MES-Q", 1, "quarantine", null, "NCR-1");
        runCosting();

        // Both valued at 3 × 218.40 = 655.20: recoverable from the supplier, or at risk in quarantine
        JsonPath returned = eventOf("MES-V");
        assertThat(returned.getString("amount")).isEqualTo("655.20");
        assertThat(returned.getString("recoverable_amount")).isEqualTo("655.20");
        JsonPath quarantined = eventOf("MES-Q");
        assertThat(quarantined.getString("amount")).isEqualTo("0.00");
        assertThat(quarantined.getString("exposure_amount")).isEqualTo("655.20");
        assertThat(decimal("SELECT sum(recoverable_amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
        assertThat(decimal("SELECT sum(exposure_amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("655.20");

        // The NCR decides scrap: the sweep costs the event again, 655.20, and nothing is exposed any more.
        insertNcr("NCR-1", 1, "scrap");
        awaitTrue(Duration.ofSeconds(15), () -> "scrap".equals(currentField("MES-Q", "cost_type")));
        assertThat(eventOf("MES-Q").getString("amount")).isEqualTo("655.20");
        assertThat(eventOf("MES-Q").getString("explanation.disposition.applied")).isEqualTo("scrap");
        assertThat(decimal("SELECT sum(exposure_amount) FROM cost_rollups")).isEqualByComparingTo("0");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("1310.40");

        // A new version of the NCR changes its mind: used as is, counted at 0.00.
        insertNcr("NCR-1", 2, "use_as_is");
        runCosting();
        assertThat(eventOf("MES-Q").getString("cost_type")).isEqualTo("use_as_is");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups")).isEqualByComparingTo("655.20");
        assertThat(decimal("SELECT sum(events) FROM cost_rollups")).isEqualByComparingTo("2");
    }

    @Test
    void anOrderCostedAtActualValuesItsScrapAndKeepsItsAccountInThePeriodItClosed() {
        // (10000.00 − 500.00 − 6000.00) / (60 + 20) = 43.75; 3 × 43.75 = 131.25. Closed 2026-11-02: period 2026-11.
        inTenant(connection -> run(connection, """
                INSERT INTO work_order_records (tenant_id, source, plant_id, work_order, version, batch_id,
                    content_hash, part, closed_on, costing_method, wip_total, scrap_cost_posted, moved_to_inventory,
                    completed_quantity, scrapped_quantity, scrap_action, scrap_account)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', 'WO-7', 1, $1, 'wo', '100-4471-A', DATE '2026-11-02',
                    'actual', 10000.00, 500.00, 6000.00, 60, 20, 'write_off', '5400-SCRAP')
                """, batch));
        insertDefect("MES-1", 1, "scrap", null, null);
        runCosting();

        JsonPath event = eventOf("MES-1");
        assertThat(event.getString("amount")).isEqualTo("131.25");
        assertThat(event.getString("unit_value")).isEqualTo("43.750000");
        assertThat(event.getString("period")).isEqualTo("2026-11");
        assertThat(event.getString("work_order")).isEqualTo("WO-7");
        assertThat(event.getString("scrap_action")).isEqualTo("write_off");
        assertThat(event.getString("scrap_account")).isEqualTo("5400-SCRAP");
        assertThat(event.getString("explanation.valuation.method")).isEqualTo("order_actual");
        assertThat(decimal("SELECT sum(amount) FROM cost_rollups WHERE period = '2026-11'"))
                .isEqualByComparingTo("131.25");
    }

    @Test
    void theAmountCanBeRecomputedToTheCentFromTheExplanation() {
        approveSchema(Map.of("labor_burden", "0.35"));
        laborRate("WC-110", "41.17");
        insertDefectWithSalvage("MES-1", "7", "3.333");
        insertDefect("MES-R1", 1, "rework", null, null);
        insertLabor("L-1", 1, "MES-R1", null, null, "2.75", null, "12.345");
        insertLabor("L-2", 1, "MES-R1", null, null, "0.4", "55.55", null);
        runCosting();

        // Scrap: quantity × unit value − salvage, rounded half-up once.
        JsonPath scrap = eventOf("MES-1");
        BigDecimal quantity = new BigDecimal(scrap.getString("explanation.valuation.quantity"));
        BigDecimal unitValue = new BigDecimal(scrap.getString("explanation.valuation.unit_value"));
        BigDecimal salvage = new BigDecimal(scrap.getString("explanation.valuation.salvage"));
        assertThat(quantity.multiply(unitValue).subtract(salvage).setScale(2, RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal(scrap.getString("amount")));
        assertThat(scrap.getString("amount")).isEqualTo("1505.47");
        List<Map<String, Object>> lines = scrap.getList("provenance.cost_roll_lines");
        assertThat(lines).extracting(line -> line.get("operation")).containsExactly("0010", "0020");
        assertThat(lines).extracting(line -> ((Number) line.get("record_id")).longValue())
                .containsExactlyElementsOf(costRecordIds());

        // Rework: the sum over bookings of hours × rate × (1 + burden) + material, rounded half-up once.
        JsonPath rework = eventOf("MES-R1");
        BigDecimal burden = new BigDecimal(rework.getString("explanation.schema.labor_burden"));
        BigDecimal exact = BigDecimal.ZERO;
        for (Map<String, Object> booking : rework.<Map<String, Object>> getList("explanation.valuation.bookings")) {
            exact = exact.add(new BigDecimal((String) booking.get("hours"))
                    .multiply(new BigDecimal((String) booking.get("rate"))).multiply(BigDecimal.ONE.add(burden))
                    .add(new BigDecimal((String) booking.get("additional_material"))));
        }
        // 2.75 × 41.17 × 1.35 + 12.345 = 165.188625; 0.4 × 55.55 × 1.35 = 29.997; 195.185625 → 195.19
        assertThat(exact.setScale(2, RoundingMode.HALF_UP)).isEqualTo(new BigDecimal(rework.getString("amount")));
        assertThat(rework.getString("amount")).isEqualTo("195.19");
    }

    @Test
    void aCostRollEffectiveLaterNeverChangesAnEarlierEvent() {
        insertDefect("MES-1", 1, "scrap", null, null);
        runCosting();
        long id = eventIdOf("MES-1");

        // From November, material at 0010 costs 130.00: C(0020) = 228.40
        inTenant(connection -> standardCost(connection, "0010", "2026-11-01", "130.00")
                .chain(() -> standardCost(connection, "0020", "2026-11-01", "0.00")));
        insertDefectAt("MES-2", OffsetDateTime.parse("2026-11-05T09:30:00-05:00"));
        runCosting();

        JsonPath october = eventOf("MES-1");
        assertThat(october.getLong("id")).isEqualTo(id);
        assertThat(october.getString("amount")).isEqualTo("655.20");
        assertThat(october.getString("provenance.cost_roll_effective_from")).isEqualTo("2026-01-01");
        JsonPath november = eventOf("MES-2");
        assertThat(november.getString("amount")).isEqualTo("685.20");
        assertThat(november.getString("provenance.cost_roll_effective_from")).isEqualTo("2026-11-01");
        assertThat(decimal("SELECT count(*) FROM costed_events WHERE superseded")).isZero();
    }

    @Test
    void anotherTenantSeesNoneOfTheReworkHoursOrTheirExceptions() {
        laborRate("WC-110", "40.00");
        insertLabor("L-9", 1, null, "NCR-404", null, "3", null, null);
        // L-10 names nothing to join it by, at a work center without a rate, in a plant without a default
        insertLabor("L-10", "WC-999", null, null, null, "1");
        runCosting();
        long id = eventIdOf("L-9");
        given().auth().oauth2(controller).get("/api/v1/costed-events/" + id).then().statusCode(200)
                .body("rework_without_defect_record", equalTo(true));
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("source_id", equalTo(List.of("L-10"))).body("[0].reason", equalTo("no_labor_rate"));

        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "controller", "admin");
        given().auth().oauth2(other).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).get("/api/v1/costed-events/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other).get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void confirmedScrapIsSplitIntoPlannedAndUnplannedPerPartAndOperation() {
        inTenant(connection -> run(connection,
                "UPDATE standard_cost_records SET planned_scrap_rate = 0.02, milestone = true WHERE operation = '0020'"));
        // C(0020) = 218.40, planned 2 % of the input: yield 98 → target 98 × 0.02 / 0.98 = 2.
        // C-1: scrap 5 → planned 2, unplanned 3, 3 × 218.40 = 655.20. C-2: scrap 1 → planned 1, variance −1, −218.40.
        insertConfirmation("C-1", 1, "100-4471-A", "98", "5");
        insertConfirmation("C-2", 1, "100-4471-A", "98", "1");
        // No cost roll for this part yet: it waits.
        insertConfirmation("C-3", 1, "200-0001-B", "10", "1");
        runCosting();

        assertThat(decimal("SELECT planned_quantity FROM scrap_variances WHERE part = '100-4471-A' "
                + "AND operation = '0020' AND period = '2026-10'")).isEqualByComparingTo("3");
        assertThat(decimal("SELECT unplanned_quantity FROM scrap_variances WHERE part = '100-4471-A'"))
                .isEqualByComparingTo("3");
        assertThat(decimal("SELECT variance_value FROM scrap_variances WHERE part = '100-4471-A'"))
                .isEqualByComparingTo("436.80");
        assertThat(decimal("SELECT count(*) FROM costed_confirmations WHERE source_id = 'C-3' "
                + "AND reason = 'no_standard_cost'")).isEqualByComparingTo("1");

        // A corrected C-1 (scrap 2: all planned, variance 0) replaces the first; the cost roll of C-3's part arrives:
        // 1 × 5.00 = 5.00 of unplanned scrap.
        insertConfirmation("C-1", 2, "100-4471-A", "98", "2");
        inTenant(connection -> run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', '200-0001-B', '0020', DATE '2026-01-01', 1, $1, 'b',
                    5.00, 0, 0, 'USD')
                """, batch));
        runCosting();

        assertThat(decimal("SELECT variance_value FROM scrap_variances WHERE part = '100-4471-A'"))
                .isEqualByComparingTo("-218.40");
        assertThat(decimal("SELECT confirmations FROM scrap_variances WHERE part = '100-4471-A'"))
                .isEqualByComparingTo("2");
        assertThat(decimal("SELECT planned_quantity FROM scrap_variances WHERE part = '100-4471-A'"))
                .isEqualByComparingTo("3");
        assertThat(decimal("SELECT variance_value FROM scrap_variances WHERE part = '200-0001-B'"))
                .isEqualByComparingTo("5.00");
    }

    private void insertConfirmation(String sourceId, int version, String part, String yield, String scrap) {
        inTenant(connection -> run(connection, """
                INSERT INTO confirmation_records (tenant_id, source, source_id, version, batch_id, content_hash,
                    plant_id, work_order, part, operation, yield_quantity, scrap_quantity, confirmed_at)
                VALUES (current_tenant(), 'sap-erp', $1, $2, $3, $4, 'DAY1', 'WO-7', $5, '0020', $6, $7, $8)
                """, sourceId, version, batch, sourceId + "-v" + version, part, new BigDecimal(yield),
                new BigDecimal(scrap), OCTOBER_14));
    }

    private void approveSchema(Map<String, Object> settings) {
        String admin = TestTokens.get().token(tenant, "admin");
        int version = given().auth().oauth2(admin).contentType(ContentType.JSON).body(settings)
                .post("/api/v1/cost-schemas").then().statusCode(201).extract().jsonPath().getInt("version");
        SchemaOwners.approve(tenant, version);
    }

    private void runCosting() {
        Map<String, Object> prompt = new HashMap<>();
        prompt.put("batch_id", null);
        prompt.put("record_type", "defects");
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(prompt).post("/api/v1/costing/runs").then().statusCode(200).body("exceptions", notNullValue());
    }

    private long eventIdOf(String sourceId) {
        return given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.source_id == '" + sourceId + "' }.id");
    }

    /**
     * A field of the record's current event, null while it has none: between the sweep's re-opening of an event and its
     * new version.
     */
    private String currentField(String sourceId, String field) {
        return given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).extract()
                .jsonPath().getString("find { it.source_id == '" + sourceId + "' }." + field);
    }

    private JsonPath eventOf(String sourceId) {
        return given().auth().oauth2(controller).get("/api/v1/costed-events/" + eventIdOf(sourceId)).then()
                .statusCode(200).extract().jsonPath();
    }

    private List<Long> costRecordIds() {
        return db
                .inTenant(tenant, connection -> connection
                        .query("SELECT record_id FROM standard_cost_records ORDER BY operation").execute())
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                }).await().indefinitely();
    }

    private void insertDefect(String sourceId, int version, String disposition, String workOrder, String ncr) {
        insertDefect(sourceId, version, disposition, workOrder == null ? "WO-7" : workOrder, ncr, "3", null,
                OCTOBER_14);
    }

    private void insertDefectWithSalvage(String sourceId, String quantity, String salvage) {
        insertDefect(sourceId, 1, "scrap", "WO-8", null, quantity, new BigDecimal(salvage), OCTOBER_14);
    }

    private void insertDefectAt(String sourceId, OffsetDateTime occurredAt) {
        insertDefect(sourceId, 1, "scrap", "WO-8", null, "3", null, occurredAt);
    }

    private void insertDefect(String sourceId, int version, String disposition, String workOrder, String ncr,
            String quantity, BigDecimal salvage, OffsetDateTime occurredAt) {
        inTenant(connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation,
                    work_order, ncr, salvage_value)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', $6, $7, $8,
                    'A', '0020', $9, $10, $11)
                """, MES, sourceId, version, batch, sourceId + "-v" + version, new BigDecimal(quantity), disposition,
                occurredAt, workOrder, ncr, salvage));
    }

    private void insertLabor(String sourceId, String workCenter, String defectSourceId, String ncr, String workOrder,
            String hours) {
        insertLabor(sourceId, 1, workCenter, defectSourceId, ncr, workOrder, hours, null, null);
    }

    private void insertLabor(String sourceId, int version, String defectSourceId, String ncr, String workOrder,
            String hours, String rate, String material) {
        insertLabor(sourceId, version, "WC-110", defectSourceId, ncr, workOrder, hours, rate, material);
    }

    private void insertLabor(String sourceId, int version, String workCenter, String defectSourceId, String ncr,
            String workOrder, String hours, String rate, String material) {
        inTenant(connection -> run(connection, """
                INSERT INTO rework_labor_records (tenant_id, source, source_id, version, batch_id, content_hash,
                    plant_id, work_center_id, hours, performed_at, ncr, defect_source_id, work_order, operation,
                    labor_rate, material_cost)
                VALUES (current_tenant(), 'kronos', $1, $2, $3, $4, 'DAY1', $5, $6, $7, $8, $9, $10, $11, $12,
                    $13)
                """, sourceId, version, batch, sourceId + "-v" + version, workCenter, new BigDecimal(hours),
                OCTOBER_14.plusHours(2), ncr, defectSourceId, workOrder, workOrder == null ? null : "0020",
                rate == null ? null : new BigDecimal(rate), material == null ? null : new BigDecimal(material)));
    }

    private void laborRate(String workCenter, String rate) {
        inTenant(connection -> run(connection, """
                INSERT INTO labor_rate_records (tenant_id, source, plant_id, work_center_id, effective_from, version,
                    batch_id, content_hash, rate, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', $1, DATE '2026-01-01', 1, $2, $1, $3, 'USD')
                """, workCenter, batch, new BigDecimal(rate)));
    }

    private void insertNcr(String sourceId, int version, String disposition) {
        inTenant(connection -> run(connection, """
                INSERT INTO ncr_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    status, opened_at, disposition)
                VALUES (current_tenant(), 'etq', $1, $2, $3, $4, 'DAY1', 'open', $5, $6)
                """, sourceId, version, batch, sourceId + "-v" + version, OCTOBER_14, disposition));
    }

    private Uni<Void> standardCost(SqlConnection connection, String operation, String effectiveFrom, String material) {
        boolean first = operation.equals("0010");
        return run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', $1, $2, 1, $3, $4, $5, $6, 20.00, 'USD')
                """, operation, LocalDate.parse(effectiveFrom), batch, operation + effectiveFrom,
                new BigDecimal(material), new BigDecimal(first ? "30.00" : "28.40"));
    }

    private void inTenant(Function<SqlConnection, Uni<Void>> work) {
        TenantRows.inTenant(db, tenant, work);
    }

    private BigDecimal decimal(String sql) {
        return TenantRows.decimal(db, tenant, sql);
    }
}
