package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code plants} and {@code lines} claims on reports, budgets, closes, versions and the consolidation (finding 3 of
 * issue 10: a lines-limited controller read and wrote the whole plant's budgets and closed another plant's period). PA1
 * has lines L1 (100.00) and L2 (50.00) in October 2026; PA2 has L1 (7.00).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportingScopeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String BUDGETS = "/api/v1/budgets";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;
    /** A controller of PA1's line L1 only. */
    private String pa1Line1;
    /** A controller of line L1 in any plant, with no plants claim. */
    private String line1Anywhere;
    /** A controller of PA2 only. */
    private String pa2;

    @BeforeEach
    void twoPlantsWithOctober() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        pa1Line1 = TestTokens.get().scopedToken(tenant, List.of("PA1"), List.of("L1"), "controller");
        line1Anywhere = TestTokens.get().scopedToken(tenant, List.of(), List.of("L1"), "controller");
        pa2 = TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "controller");
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        for (String plant : List.of("PA1", "PA2")) {
            sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES (current_tenant(), $1, $1,"
                    + " 'USD', 'UTC')", plant);
        }
        rollup("PA1", "L1", "100.00");
        rollup("PA1", "L2", "50.00");
        rollup("PA2", "L1", "7.00");
        put(controller, """
                [{"plant": "PA1", "period": "2026-10", "scrap_budget": "900", "rework_budget": "0"},
                 {"plant": "PA1", "line": "L1", "period": "2026-10", "scrap_budget": "100", "rework_budget": "0"},
                 {"plant": "PA1", "line": "L2", "period": "2026-10", "scrap_budget": "200", "rework_budget": "0"},
                 {"plant": "PA2", "period": "2026-10", "scrap_budget": "300", "rework_budget": "0"}]""")
                .statusCode(204);
    }

    @Test
    void aLineLimitedTokenCannotBudgetTheWholePlantOrAnotherLine() {
        put(pa1Line1, """
                [{"plant": "PA1", "line": "L1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "0"},
                 {"plant": "PA1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "0"},
                 {"plant": "PA1", "line": "L2", "period": "2026-10", "scrap_budget": "1", "rework_budget": "0"},
                 {"plant": "PA2", "line": "L1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "0"}]""")
                .statusCode(403).contentType(PROBLEM).body("errors.row", equalTo(List.of(2, 3, 4)))
                .body("errors.field", equalTo(List.of("line", "line", "plant")))
                .body("errors[0].message", containsString("covers the whole plant PA1"));
        assertThat(count("SELECT count(*) FROM budgets WHERE scrap_budget = 1")).isZero();

        put(pa1Line1, """
                [{"plant": "PA1", "line": "L1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "0"}]""")
                .statusCode(204);
        assertThat(count("SELECT count(*) FROM budgets WHERE scrap_budget = 1 AND line_id = 'L1'")).isEqualTo(1);
    }

    @Test
    void aLineLimitedTokenReadsOnlyItsLinesBudgets() {
        given().auth().oauth2(pa1Line1).get(BUDGETS).then().statusCode(200).body("plant", equalTo(List.of("PA1")))
                .body("line", equalTo(List.of("L1")));
        given().auth().oauth2(line1Anywhere).queryParam("plant", "PA1").get(BUDGETS).then().statusCode(200).body("line",
                equalTo(List.of("L1")));
        given().auth().oauth2(pa2).get(BUDGETS).then().statusCode(200).body("plant", equalTo(List.of("PA2")));
        given().auth().oauth2(pa2).queryParam("plant", "PA1").get(BUDGETS).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aLineLimitedTokenCannotCloseOrRestateAPeriod() {
        for (String token : List.of(pa1Line1, line1Anywhere)) {
            given().auth().oauth2(token).post("/api/v1/periods/PA1/2026-10/close").then().statusCode(403)
                    .contentType(PROBLEM).body("detail", containsString("closing a period covers the whole plant PA1"));
            given().auth().oauth2(token).post("/api/v1/periods/PA2/2026-10/close").then().statusCode(403);
            given().auth().oauth2(token).post("/api/v1/periods/PA1/2026-10/restate").then().statusCode(403);
        }
        given().auth().oauth2(pa2).post("/api/v1/periods/PA1/2026-10/close").then().statusCode(403).body("detail",
                containsString("plant PA1 is outside the token's scope"));
        assertThat(count("SELECT count(*) FROM period_close_jobs")).isZero();
        assertThat(count("SELECT count(*) FROM closed_periods")).isZero();

        given().auth().oauth2(pa2).post("/api/v1/periods/PA2/2026-10/close").then().statusCode(200).body("status",
                equalTo("closed"));
        given().auth().oauth2(pa2).get("/api/v1/reports/PA2/2026-10/versions").then().statusCode(200).body("",
                hasSize(1));
        given().auth().oauth2(pa1Line1).get("/api/v1/reports/PA2/2026-10/versions").then().statusCode(403);
        given().auth().oauth2(pa2).get("/api/v1/reports/PA1/2026-10/versions").then().statusCode(403);
    }

    @Test
    void reportsShowOnlyTheTokensPlantsAndLines() {
        given().auth().oauth2(pa1Line1).get("/api/v1/reports/PA1/2026-10").then().statusCode(200)
                .body("totals.total_cost", equalTo("100.00")).body("by_line.line", equalTo(List.of("L1")));
        given().auth().oauth2(pa1Line1).queryParam("line", "L2").get("/api/v1/reports/PA1/2026-10").then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("line L2"));
        given().auth().oauth2(pa1Line1).get("/api/v1/reports/PA2/2026-10").then().statusCode(403);
        given().auth().oauth2(line1Anywhere).get("/api/v1/reports/PA2/2026-10").then().statusCode(200)
                .body("totals.total_cost", equalTo("7.00"));
        given().auth().oauth2(pa2).get("/api/v1/reports/PA1/2026-10").then().statusCode(403);
        // An out-of-scope plant that does not exist answers as one that does.
        given().auth().oauth2(pa2).get("/api/v1/reports/NOPE/2026-10").then().statusCode(403);
    }

    @Test
    void theConsolidationCoversTheTokensWholePlantsOnly() {
        given().auth().oauth2(pa2).get("/api/v1/reports/consolidated/2026-10").then().statusCode(200)
                .body("by_plant.plant", equalTo(List.of("PA2")));
        given().auth().oauth2(pa1Line1).get("/api/v1/reports/consolidated/2026-10").then().statusCode(403)
                .contentType(PROBLEM);
    }

    private void rollup(String plant, String line, String amount) {
        sql("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), $1, '2026-10', $2, 'WC-' || $2, 'MACH-DIM', 'A', 'scrap', 'internal_failure',
                    $3, 1, 1)
                """, plant, line, new BigDecimal(amount));
    }

    private static ValidatableResponse put(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(BUDGETS).then();
    }

    private void sql(String sql, Object... parameters) {
        db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .replaceWithVoid()).await().indefinitely();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
