package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.util.Arrays;
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
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tenant's plants in its reporting currency (US dollars, the tenants table's default). October 2026, by hand:
 *
 * <pre>
 * DAY1 (USD): scrap 973.60 internal + 33.33 external (returned to vendor) = 1006.93; rework 50.05; total 1056.98
 * STU1 (EUR): scrap 500.00, rework 20.00, all internal; EUR→USD average 1.09216, closing 1.10
 *   average: 500.00 × 1.09216 = 546.0800 → 546.08; 20.00 × 1.09216 = 21.8432 → 21.84; total 567.92
 *   totals 1006.93 + 546.08 = 1553.01 scrap, 50.05 + 21.84 = 71.89 rework, 1624.90 total
 *   internal failure 1023.65 + (520.00 × 1.09216 = 567.9232 → 567.92) = 1591.57; external 33.33
 * DAY2 keeps a 4-4-5 calendar: not part of a calendar month's consolidation.
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConsolidatedReportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONSOLIDATED = "/api/v1/reports/consolidated/2026-10";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void tenantWithPlantsInTwoCurrencies() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant,
                connection -> run(connection, """
                        INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar) VALUES
                            (current_tenant(), 'STU1', 'Stuttgart', 'EUR', 'Europe/Berlin', 'calendar'),
                            (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/New_York', '4-4-5@2025-12-29')
                        """).chain(() -> rollup(connection, "DAY1", "L1", "scrap", "internal_failure", "973.60"))
                        .chain(() -> rollup(connection, "DAY1", "L1", "return_to_vendor", "external_failure", "33.33"))
                        .chain(() -> rollup(connection, "DAY1", "L2", "rework", "internal_failure", "50.05"))
                        .chain(() -> rollup(connection, "STU1", "L1", "scrap", "internal_failure", "500.00"))
                        .chain(() -> rollup(connection, "STU1", "L1", "rework", "internal_failure", "20.00"))
                        .chain(() -> rate(connection, "EUR", "2026-10", "average", "1.09216"))
                        .chain(() -> rate(connection, "EUR", "2026-10", "closing", "1.10"))
                        // Another period's rate must not be picked up.
                        .chain(() -> rate(connection, "EUR", "2026-09", "average", "2.00")))
                .await().indefinitely();
    }

    @Test
    void convertsEachPlantAtThePeriodsAverageRate() {
        JsonPath consolidated = given().auth().oauth2(controller).get(CONSOLIDATED).then().statusCode(200)
                .body("period", equalTo("2026-10")).body("currency", equalTo("USD")).body("fx_kind", equalTo("average"))
                .extract().jsonPath();

        assertThat(consolidated.getList("by_plant.plant")).containsExactly("DAY1", "STU1");
        assertThat(consolidated.getList("by_plant.currency")).containsExactly("USD", "EUR");
        assertThat(consolidated.getList("by_plant.rate")).containsExactly("1", "1.09216");
        assertThat(consolidated.getList("by_plant.total_cost")).containsExactly("1056.98", "520.00");
        assertThat(consolidated.getList("by_plant.converted.scrap_cost")).containsExactly("1006.93", "546.08");
        assertThat(consolidated.getList("by_plant.converted.rework_cost")).containsExactly("50.05", "21.84");
        assertThat(consolidated.getList("by_plant.converted.total_cost")).containsExactly("1056.98", "567.92");
        assertThat(consolidated.getString("totals.scrap_cost")).isEqualTo("1553.01");
        assertThat(consolidated.getString("totals.rework_cost")).isEqualTo("71.89");
        assertThat(consolidated.getString("totals.total_cost")).isEqualTo("1624.90");
        assertThat(consolidated.getList("coq.coq_class")).containsExactly("internal_failure", "external_failure");
        assertThat(consolidated.getList("coq.cost")).containsExactly("1591.57", "33.33");
        assertThat(consolidated.getList("excluded_plants.plant")).containsExactly("DAY2");
        assertThat(consolidated.getString("excluded_plants[0].reason"))
                .isEqualTo("keeps the fiscal calendar 4-4-5@2025-12-29 (YYYY-Pnn)");
    }

    @Test
    void usesTheClosingRateWhenTheApprovedCostSchemaSaysSo() {
        db.inTenant(tenant, connection -> run(connection, """
                INSERT INTO cost_schemas (tenant_id, version, status, fx_policy, created_by, approved_by, approved_at)
                VALUES (current_tenant(), 1, 'approved', 'closing', 'controller', 'controller', now())
                """)).await().indefinitely();
        // 500.00 × 1.10 = 550.00; 20.00 × 1.10 = 22.00; 1006.93 + 550.00 = 1556.93; 50.05 + 22.00 = 72.05
        given().auth().oauth2(controller).get(CONSOLIDATED).then().statusCode(200).body("fx_kind", equalTo("closing"))
                .body("by_plant[1].rate", equalTo("1.10")).body("by_plant[1].converted.total_cost", equalTo("572.00"))
                .body("totals.scrap_cost", equalTo("1556.93")).body("totals.rework_cost", equalTo("72.05"))
                .body("totals.total_cost", equalTo("1628.98"));
    }

    @Test
    void aClosedPlantCountsWithItsStoredFigures() {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200);
        db.inTenant(tenant,
                connection -> rollup(connection, "DAY1", "L3", "scrap", "internal_failure", "100.00")
                        .chain(() -> rollup(connection, "STU1", "L3", "scrap", "internal_failure", "10.00")))
                .await().indefinitely();
        // DAY1 stays at its closed 1056.98; open STU1 takes its new 10.00: 510.00 × 1.09216 = 557.0016 → 557.00,
        // plus rework 21.84 = 578.84; 1056.98 + 578.84 = 1635.82
        given().auth().oauth2(controller).get(CONSOLIDATED).then().statusCode(200)
                .body("by_plant.status", equalTo(List.of("closed", "open")))
                .body("by_plant[0].total_cost", equalTo("1056.98"))
                .body("by_plant[1].converted.total_cost", equalTo("578.84"))
                .body("totals.total_cost", equalTo("1635.82"));
    }

    @Test
    void aMissingRateIsAProblemNamingEachMissingPairAndThePeriod() {
        db.inTenant(tenant, connection -> run(connection, """
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES
                    (current_tenant(), 'LON1', 'London', 'GBP', 'Europe/London'),
                    (current_tenant(), 'OSA1', 'Osaka', 'JPY', 'Asia/Tokyo')
                """)).await().indefinitely();
        given().auth().oauth2(controller).get(CONSOLIDATED).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://scrapline.io/problems/missing-fx-rate"))
                .body("title", equalTo("Missing exchange rate"))
                .body("detail",
                        equalTo("no average rate for GBP→USD, JPY→USD in period 2026-10; consolidation "
                                + "needs one for every plant currency"))
                .body("errors.field", equalTo(List.of("fx_rate", "fx_rate")))
                .body("errors.message", equalTo(List.of("GBP→USD 2026-10 average", "JPY→USD 2026-10 average")));
        // A September rate does not stand in for October's.
        given().auth().oauth2(controller).get("/api/v1/reports/consolidated/2026-09").then().statusCode(422)
                .body("errors.message", equalTo(List.of("GBP→USD 2026-09 average", "JPY→USD 2026-09 average")));
    }

    @Test
    void aFiscalPeriodConsolidatesThePlantsThatKeepFiscalPeriods() {
        given().auth().oauth2(controller).get("/api/v1/reports/consolidated/2026-P10").then().statusCode(200)
                .body("by_plant.plant", equalTo(List.of("DAY2"))).body("totals.total_cost", equalTo("0.00"))
                .body("excluded_plants.plant", equalTo(List.of("DAY1", "STU1")));
        given().auth().oauth2(controller).get("/api/v1/reports/consolidated/2026-13").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
    }

    @Test
    void refusesCallersWithoutATokenTheRoleOrWholePlants() {
        given().get(CONSOLIDATED).then().statusCode(401);
        for (String role : List.of("supervisor", "ingest")) {
            given().auth().oauth2(TestTokens.get().token(tenant, role)).get(CONSOLIDATED).then().statusCode(403)
                    .contentType(PROBLEM);
        }
        for (String role : List.of("admin", "controller", "quality")) {
            given().auth().oauth2(TestTokens.get().token(tenant, role)).get(CONSOLIDATED).then().statusCode(200);
        }
        String lineLimited = TestTokens.get().scopedToken(tenant, List.of(), List.of("L1"), "controller");
        given().auth().oauth2(lineLimited).get(CONSOLIDATED).then().statusCode(403).contentType(PROBLEM);
        // A token limited to Stuttgart consolidates Stuttgart: 567.92.
        String stuttgart = TestTokens.get().scopedToken(tenant, List.of("STU1"), List.of(), "controller");
        given().auth().oauth2(stuttgart).get(CONSOLIDATED).then().statusCode(200)
                .body("by_plant.plant", equalTo(List.of("STU1"))).body("totals.total_cost", equalTo("567.92"));
    }

    @Test
    void anotherTenantSeesNoneOfThisTenantsPlants() {
        String stranger = TestTokens.get().token("t-" + UUID.randomUUID(), "controller");
        String body = given().auth().oauth2(stranger).get(CONSOLIDATED).then().statusCode(404).contentType(PROBLEM)
                .extract().asString();
        assertThat(body).doesNotContain("Dayton", "1624.90");

        String neighbour = "t-" + UUID.randomUUID();
        db.inTenant(neighbour,
                connection -> run(connection, "INSERT INTO tenants (tenant_id) VALUES (current_tenant())")).await()
                .indefinitely();
        given().auth().oauth2(TestTokens.get().token(neighbour, "controller")).get(CONSOLIDATED).then().statusCode(200)
                .body("by_plant", hasSize(0)).body("excluded_plants", hasSize(0))
                .body("totals.total_cost", equalTo("0.00"));
    }

    private static Uni<Void> rollup(SqlConnection connection, String plant, String line, String costType,
            String coqClass, String amount) {
        return run(connection, """
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), $1, '2026-10', $2, 'WC-1', 'D-1', 'A', $3, $4, $5, 1, 1)
                """, plant, line, costType, coqClass, new BigDecimal(amount));
    }

    private static Uni<Void> rate(SqlConnection connection, String from, String period, String kind, String rate) {
        return run(connection, """
                INSERT INTO fx_rates (tenant_id, from_currency, to_currency, period, kind, rate)
                VALUES (current_tenant(), $1, 'USD', $2, $3, $4)
                """, from, period, kind, new BigDecimal(rate));
    }

    private static Uni<Void> run(SqlConnection connection, String sql, Object... parameters) {
        return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).replaceWithVoid();
    }
}
