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
import java.util.HashMap;
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
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * Units of measure (docs/cost-model.md §11) through the service: a part's factors as reference data, an event in
 * another unit than its cost roll's converted before it is valued, or parked until its factor arrives.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UomConversionResourceTest {

    private static final String MES = "plex-mes";
    private static final String PART = "100-4471-A";
    private static final String CONVERSIONS = "/api/v1/parts/" + PART + "/uom-conversions";
    private static final OffsetDateTime OCTOBER_14 = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    private String controller;

    @BeforeEach
    void tenantWithACostRollPerEach() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        controller = TestTokens.get().token(tenant, "controller");
        withCostRollPerEach(tenant);
    }

    @Test
    void anEventInKilogramsIsConvertedIntoTheCostRollsEachesBeforeItIsValued() {
        put(admin, List.of(factor("kg", "ea", "2.5"))).statusCode(204);
        // Salvage is per unit of the record's own quantity: 0.50 per KG.
        insertDefect(tenant, "MES-1", "4", "KG", new BigDecimal("0.50"));
        insertDefect(tenant, "MES-2", "3", null, null);
        runCosting(tenant);

        // 4 KG × 2.5 = 10 EA; 10 × 218.40 (C(0020) per EA) = 2,184.00; − 4 × 0.50 salvage = 2,182.00 USD
        JsonPath converted = eventOf("MES-1");
        assertThat(converted.getString("amount")).isEqualTo("2182.00");
        assertThat(converted.getString("quantity")).isEqualTo("4");
        assertThat(converted.getString("uom")).isEqualTo("KG");
        assertThat(converted.getString("explanation.valuation.unit.basis_uom")).isEqualTo("EA");
        assertThat(converted.getString("explanation.valuation.unit.factor")).isEqualTo("2.5");
        assertThat(converted.getString("explanation.valuation.unit.converted_quantity")).isEqualTo("10.000000");
        assertThat(converted.getString("explanation.valuation.unit.arithmetic")).isEqualTo("4 KG × 2.5 = 10.000000 EA");
        assertThat(converted.getString("explanation.valuation.arithmetic"))
                .isEqualTo("10 × 218.400000 − 2.000000 = 2182.000000 → 2182.00 USD");
        assertThat(converted.getMap("provenance.uom_conversion")).containsEntry("from", "KG").containsEntry("to", "EA")
                .containsEntry("factor", "2.5");
        assertThat(converted.getString("explanation.replay")).isNull();

        // No unit named: the part's base unit, as before. 3 × 218.40 = 655.20
        JsonPath plain = eventOf("MES-2");
        assertThat(plain.getString("amount")).isEqualTo("655.20");
        assertThat(plain.getString("uom")).isNull();
        assertThat(plain.getString("explanation.valuation.unit.converted")).startsWith("no:");
        assertThat(TenantRows.decimal(db, tenant, "SELECT sum(amount) FROM cost_rollups"))
                .isEqualByComparingTo("2837.20");
    }

    @Test
    void anEventWithoutAFactorWaitsAsAnExceptionAndIsCostedWhenTheFactorArrives() {
        insertDefect(tenant, "MES-1", "4", "KG", null);
        runCosting(tenant);

        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(1)).body("[0].reason", equalTo("no_uom_factor"))
                .body("[0].detail", equalTo("no factor converting KG to EA for part 100-4471-A (the cost roll's "
                        + "unit); add it with PUT /api/v1/parts/100-4471-A/uom-conversions"));
        given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).body("", hasSize(0));

        // Only the other direction is given: 1 EA is 0.4 KG, so 1 KG is 1 ÷ 0.4 = 2.5 EA. Storing it re-costs the
        // waiting event: 4 × 2.5 = 10 EA × 218.40 = 2,184.00 USD.
        put(admin, List.of(factor("EA", "KG", "0.4"))).statusCode(204);
        awaitTrue(Duration.ofSeconds(15), () -> given().auth().oauth2(controller).get("/api/v1/costed-events").then()
                .statusCode(200).extract().jsonPath().getList("").size() == 1);

        JsonPath event = eventOf("MES-1");
        assertThat(event.getString("amount")).isEqualTo("2184.00");
        assertThat(event.getString("explanation.valuation.unit.factor")).isEqualTo("2.5");
        assertThat(event.getString("explanation.valuation.unit.factor_source"))
                .isEqualTo("the inverse of the part's factor EA → KG 0.4: 1 ÷ 0.4, 12 decimal places, half-up");
        given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void anotherTenantNeitherSeesNorUsesTheFactors() {
        put(admin, List.of(factor("KG", "EA", "2.5"))).statusCode(204);
        given().auth().oauth2(controller).get(CONVERSIONS).then().statusCode(200).body("", hasSize(1))
                .body("[0].from", equalTo("KG")).body("[0].to", equalTo("EA")).body("[0].factor", equalTo("2.5"))
                .body("[0].updated_at", notNullValue());

        String other = "t-" + UUID.randomUUID();
        withCostRollPerEach(other);
        given().auth().oauth2(TestTokens.get().token(other, "admin")).get(CONVERSIONS).then().statusCode(200).body("",
                hasSize(0));
        insertDefect(other, "MES-1", "4", "KG", null);
        runCosting(other);
        given().auth().oauth2(TestTokens.get().token(other, "controller")).queryParam("status", "open")
                .get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(1))
                .body("[0].reason", equalTo("no_uom_factor"));
    }

    @Test
    void badRowsAreNamedByRowAndFieldAndNothingIsStored() {
        Map<String, Object> noUnits = new HashMap<>();
        noUnits.put("factor", "1");
        JsonPath problem = put(admin,
                List.of(factor("KG", "EA", "2.5"), factor("KG", "kg", "0"), noUnits, factor("K G", "EA", "-1"),
                        factor("EA", "KG", "0.4"))).statusCode(422).contentType("application/problem+json").extract()
                                .jsonPath();
        assertThat(problem.getList("errors", Map.class)).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("2:to", "2:factor", "3:from", "3:to", "4:from", "4:factor", "5:from");
        // A factor with more decimal places than a JSON decimal may have is refused as the body is read.
        put(admin, List.of(factor("KG", "EA", "2.5"), factor("LB", "EA", "0.0000000000001"))).statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("factor"));
        given().auth().oauth2(admin).get(CONVERSIONS).then().statusCode(200).body("", hasSize(0));

        put(admin, List.of(factor("KG", "EA", "2.5"), factor("kg", "EA", "2.4"))).statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].message", equalTo("same entry as row 1"));
        put(admin, List.of()).statusCode(422);
    }

    @Test
    void rolesAndScopeAreChecked() {
        given().get(CONVERSIONS).then().statusCode(401);
        put(TestTokens.get().token(tenant, "quality"), List.of(factor("KG", "EA", "2.5"))).statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get(CONVERSIONS).then().statusCode(403);
        // Factors hold for every plant of the tenant: a token limited to one plant may not write them.
        put(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "controller"),
                List.of(factor("KG", "EA", "2.5"))).statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).get(CONVERSIONS).then().statusCode(200);
    }

    private void withCostRollPerEach(String forTenant) {
        UUID batch = UUID.randomUUID();
        TenantRows.inTenant(db, forTenant, connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES)
                // Per EA: C(0010) = 120.00 + 30.00 + 20.00 = 170.00; C(0020) = 170.00 + 0.00 + 28.40 + 20.00 = 218.40
                .chain(() -> run(connection, """
                        INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                            version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency, uom)
                        VALUES (current_tenant(), 'sap-erp', 'DAY1', $1, '0010', DATE '2026-01-01', 1, $2, 'a', 120.00,
                                30.00, 20.00, 'USD', 'EA'),
                               (current_tenant(), 'sap-erp', 'DAY1', $1, '0020', DATE '2026-01-01', 1, $2, 'b', 0.00,
                                28.40, 20.00, 'USD', 'EA')
                        """, PART, batch)));
    }

    private void insertDefect(String forTenant, String sourceId, String quantity, String uom, BigDecimal salvage) {
        TenantRows.inTenant(db, forTenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation,
                    uom, salvage_value)
                VALUES (current_tenant(), $1, $2, 1, $3, $2, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', $4, 'scrap',
                    $5, 'A', '0020', $6, $7)
                """, MES, sourceId, UUID.randomUUID(), new BigDecimal(quantity), OCTOBER_14, uom, salvage));
    }

    private static void runCosting(String forTenant) {
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", forTenant)).contentType(ContentType.JSON)
                .body(Map.of("record_type", "defects")).post("/api/v1/costing/runs").then().statusCode(200);
    }

    private JsonPath eventOf(String sourceId) {
        long id = given().auth().oauth2(controller).get("/api/v1/costed-events").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.source_id == '" + sourceId + "' }.id");
        return given().auth().oauth2(controller).get("/api/v1/costed-events/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> factor(String from, String to, String factor) {
        return Map.of("from", from, "to", to, "factor", factor);
    }

    private static ValidatableResponse put(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(CONVERSIONS).then();
    }
}
