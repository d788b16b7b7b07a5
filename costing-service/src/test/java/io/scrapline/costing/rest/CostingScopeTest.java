package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * The {@code plants} and {@code lines} claims on costing's reference data, FX rates, cost schemas, exceptions and
 * re-costing jobs (finding 3 of issue 10: {@code plants} was not applied to reference data or to cost-schema approval,
 * which re-costs every plant). Costing runs take service tokens only, whose scope is the whole tenant
 * ({@link CostingRunResourceTest}). The tenant has DAY1 and TOL2.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CostingScopeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MES = "plex-mes";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    private String tol2Admin;
    private String day1Line1Admin;

    @BeforeEach
    void tenantWithTwoPlants() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        tol2Admin = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "admin", "controller");
        day1Line1Admin = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "admin", "controller",
                "quality");
        TenantRows.inTenant(db, tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES)
                        .chain(() -> run(connection,
                                "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                                        + "VALUES (current_tenant(), 'TOL2', 'Toledo', 'USD', 'America/New_York')"))
                        .chain(() -> run(connection,
                                "INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), $1)", MES)));
    }

    @Test
    void aPlantsReferenceDataNeedsTheWholePlant() {
        put(tol2Admin, "/api/v1/plants/TOL2", plant("Toledo North")).statusCode(204);
        put(tol2Admin, "/api/v1/plants/DAY1", plant("Taken over")).statusCode(403).contentType(PROBLEM).body("detail",
                containsString("plant DAY1 is outside the token's scope"));
        put(tol2Admin, "/api/v1/plants/NEW9", plant("Created elsewhere")).statusCode(403);
        put(day1Line1Admin, "/api/v1/plants/DAY1", plant("Taken over")).statusCode(403).contentType(PROBLEM).body(
                "detail",
                equalTo("a plant's reference data covers the whole plant DAY1; the token is limited " + "to lines L1"));
        assertThat(count("SELECT count(*) FROM plants WHERE name IN ('Taken over', 'Created elsewhere')")).isZero();
        assertThat(count("SELECT count(*) FROM plants WHERE name = 'Toledo North'")).isEqualTo(1);
    }

    @Test
    void referenceDataSharedByEveryPlantNeedsAWholeTenantToken() {
        for (String token : List.of(tol2Admin, day1Line1Admin)) {
            put(token, "/api/v1/sources/" + MES + "/part-xref",
                    List.of(Map.of("source_part", "MFG-9", "part", "X-9", "effective_from", "2026-01-01")))
                            .statusCode(403).contentType(PROBLEM).body("detail", containsString("covers every plant"));
            put(token, "/api/v1/sources/" + MES + "/defect-code-xref",
                    List.of(Map.of("source_code", "D-999", "defect_code", "MACH-DIM"))).statusCode(403);
            put(token, "/api/v1/defect-codes", List
                    .of(Map.of("code", "NEW", "description", "New", "category", "x", "coq_class", "internal_failure")))
                            .statusCode(403);
            put(token, "/api/v1/fx-rates",
                    List.of(Map.of("from", "EUR", "to", "USD", "period", "2026-10", "rate", "1.08", "kind", "average")))
                            .statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get("/api/v1/fx-rates").then().statusCode(200);
        }
        assertThat(count("SELECT count(*) FROM part_xrefs WHERE source_part = 'MFG-9'")).isZero();
        assertThat(count("SELECT count(*) FROM defect_code_xrefs WHERE source_code = 'D-999'")).isZero();
        assertThat(count("SELECT count(*) FROM defect_codes WHERE code = 'NEW'")).isZero();
        assertThat(count("SELECT count(*) FROM fx_rates")).isZero();
    }

    @Test
    void aPlantLimitedTokenCannotDraftOrApproveACostSchemaThatReCostsEveryPlant() {
        post(admin, "/api/v1/cost-schemas", Map.of()).statusCode(201);
        for (String token : List.of(tol2Admin, day1Line1Admin)) {
            post(token, "/api/v1/cost-schemas", Map.of()).statusCode(403).contentType(PROBLEM);
            post(token, "/api/v1/cost-schemas/1/approve", Map.of()).statusCode(403).contentType(PROBLEM).body("detail",
                    containsString("approving a cost schema covers every plant of the tenant"));
            given().auth().oauth2(token).get("/api/v1/cost-schemas").then().statusCode(200).body("status",
                    equalTo(List.of("draft")));
        }
        assertThat(count("SELECT count(*) FROM recosting_jobs")).isZero();
    }

    @Test
    void reCostingAPeriodNeedsTheWholePlant() {
        Map<String, Object> request = Map.of("plant", "DAY1", "period", "2026-10", "reason", "roll corrected");
        post(day1Line1Admin, "/api/v1/recosting-jobs", request).statusCode(403).contentType(PROBLEM).body("detail",
                containsString("re-costing a period covers the whole plant DAY1"));
        post(tol2Admin, "/api/v1/recosting-jobs", request).statusCode(403);
        assertThat(count("SELECT count(*) FROM recosting_jobs")).isZero();

        post(admin, "/api/v1/recosting-jobs", request).statusCode(202);
        given().auth().oauth2(tol2Admin).get("/api/v1/recosting-jobs").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(day1Line1Admin).get("/api/v1/recosting-jobs").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void exceptionsAreListedForTheTokensLinesOnly() {
        UUID batch = UUID.randomUUID();
        insertDefect(batch, "E-1", "L1", "NO-XREF");
        insertDefect(batch, "E-2", "L2", "NO-XREF");
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(Map.of("batch_id", batch, "record_type", "defects")).post("/api/v1/costing/runs").then()
                .statusCode(200);

        given().auth().oauth2(day1Line1Admin).get("/api/v1/exceptions").then().statusCode(200).body("source_id",
                equalTo(List.of("E-1")));
        given().auth().oauth2(tol2Admin).get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(admin).get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(2));
    }

    private void insertDefect(UUID batch, String sourceId, String line, String sourcePart) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, $2, 1, $3, $2, 'DAY1', $4, 'WC-' || $4, $5, 'D-114', 1, 'scrap',
                    $6, 'A', '0020')
                """, MES, sourceId, batch, line, sourcePart, OffsetDateTime.parse("2026-10-02T08:00:00-04:00")));
    }

    private static Map<String, Object> plant(String name) {
        return Map.of("name", name, "currency", "USD", "time_zone", "America/Chicago");
    }

    private static ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private long count(String sql) {
        return TenantRows.decimal(db, tenant, sql).longValue();
    }
}
