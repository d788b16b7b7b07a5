package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
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
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * MES scrap against the ERP's confirmations in the exception list: defect and confirmation records inserted as ingest
 * stores them, costed by a costing run, and the work orders and operations whose quantities disagree listed as open
 * exceptions of reason {@code scrap_quantity_mismatch}.
 *
 * <pre>
 * WO-50  MES 0010: 4      ERP 0020: 4      split work order (the order's scrap agrees, its operations do not)
 * WO-51  MES 0020: 3      ERP 0020: 2      partial completion
 * WO-52  MES 0020: 2      ERP 0020: 2      matched, not listed
 * WO-60  MES 0010: 1      none             not compared: nothing of the order or of 0010 is confirmed yet
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScrapQuantityExceptionTest {

    private static final String MES = "plex-mes";
    private static final OffsetDateTime OCTOBER_14 = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;
    private UUID batch;

    @BeforeEach
    void costedDefectsAndConfirmations() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        batch = UUID.randomUUID();
        // The cost roll of 100-4471-A from 2026-01-01: operations 0010 and 0020.
        TenantRows.inTenant(db, tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES).chain(() -> run(connection, """
                        INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation,
                            effective_from, version, batch_id, content_hash, material_cost, labor_cost,
                            overhead_cost, currency)
                        SELECT current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', o.operation, DATE '2026-01-01', 1,
                            $1, o.operation, o.material, 30.00, 20.00, 'USD'
                        FROM (VALUES ('0010', 120.00), ('0020', 0.00)) AS o(operation, material)
                        """, batch)));
        defect("MES-1", "WO-50", "0010", "4");
        defect("MES-2", "WO-51", "0020", "3");
        defect("MES-3", "WO-52", "0020", "2");
        defect("MES-4", "WO-60", "0010", "1");
        confirmation("CNF-1", "WO-50", "0020", "4");
        confirmation("CNF-2", "WO-51", "0020", "2");
        confirmation("CNF-3", "WO-52", "0020", "2");
        Map<String, Object> prompt = new HashMap<>();
        prompt.put("batch_id", null);
        prompt.put("record_type", null);
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(prompt).post("/api/v1/costing/runs").then().statusCode(200).body("exceptions", notNullValue());
    }

    @Test
    void mismatchedWorkOrdersAreOpenExceptionsWithTheirKind() {
        given().auth().oauth2(controller).queryParam("status", "open").queryParam("plant", "DAY1")
                .queryParam("period", "2026-10").get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(3))
                .body("reason",
                        equalTo(List.of("scrap_quantity_mismatch", "scrap_quantity_mismatch",
                                "scrap_quantity_mismatch")))
                .body("source", equalTo(List.of("mes-against-erp", "mes-against-erp", "mes-against-erp")))
                .body("source_id", equalTo(List.of("WO-50 0010", "WO-50 0020", "WO-51 0020")))
                .body("quantity", equalTo(List.of("4.000000", "0", "3.000000"))).body("[0].id", nullValue())
                .body("[0].detail",
                        equalTo("split_work_order: work order WO-50 operation 0010 (part 100-4471-A): "
                                + "MES scrap 4 in 1 events, ERP confirmed 0 in 0 confirmations"))
                .body("[2].detail", equalTo("partial_completion: work order WO-51 operation 0020 (part "
                        + "100-4471-A): MES scrap 3 in 1 events, ERP confirmed 2 in 1 confirmations"));
        given().auth().oauth2(controller).queryParam("status", "closed").get("/api/v1/exceptions").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void anotherTenantAndTokensOfOtherPlantsOrOfLinesSeeNone() {
        String other = "t-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.get().token(other, "controller")).get("/api/v1/exceptions").then()
                .statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller"))
                .get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller"))
                .queryParam("plant", "DAY1").get("/api/v1/exceptions").then().statusCode(403);
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "controller"))
                .get("/api/v1/exceptions").then().statusCode(200).body("reason", hasSize(0));
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "controller"))
                .get("/api/v1/exceptions").then().statusCode(200).body("", hasSize(3));
    }

    private void defect(String sourceId, String workOrder, String operation, String quantity) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation,
                    work_order)
                VALUES (current_tenant(), $1, $2, 1, $3, $2, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', $4, 'scrap',
                    $5, 'A', $6, $7)
                """, MES, sourceId, batch, new BigDecimal(quantity), OCTOBER_14, operation, workOrder));
    }

    private void confirmation(String sourceId, String workOrder, String operation, String scrap) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO confirmation_records (tenant_id, source, source_id, version, batch_id, content_hash,
                    plant_id, work_order, part, operation, yield_quantity, scrap_quantity, confirmed_at)
                VALUES (current_tenant(), 'sap-erp', $1, 1, $2, $1, 'DAY1', $3, '100-4471-A', $4, 96, $5, $6)
                """, sourceId, batch, workOrder, operation, new BigDecimal(scrap), OCTOBER_14.plusHours(6)));
    }
}
