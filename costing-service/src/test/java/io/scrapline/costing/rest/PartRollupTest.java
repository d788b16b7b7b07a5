package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
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
import io.scrapline.costing.service.RecostingService;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * The part rollups (V28) that costing keeps beside cost_rollups: written with the events, corrected by a newer record
 * version, re-costed with an approved schema, and a late event of a closed period booked in the open one.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PartRollupTest {

    private static final String MES = "plex-mes";
    private static final OffsetDateTime OCTOBER_14 = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    @Inject
    RecostingService recosting;

    private String tenant;

    @BeforeEach
    void tenantWithTwoParts() {
        tenant = "t-" + UUID.randomUUID();
        TenantRows.inTenant(db, tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES).chain(() -> run(connection,
                        "INSERT INTO part_xrefs (tenant_id, source, source_part, effective_from, "
                                + "part) VALUES (current_tenant(), $1, 'MFG-5000', DATE '2026-01-01', '200-5000-B')",
                        MES)));
        // 100-4471-A: C(0010) = 120.00 + 30.00 + 20.00 = 170.00, C(0020) = 170.00 + 28.40 + 20.00 = 218.40
        standardCost("100-4471-A", "0010", "120.00", "30.00", "20.00");
        standardCost("100-4471-A", "0020", "0.00", "28.40", "20.00");
        // 200-5000-B: C(0010) = 50.00 + 10.00 + 5.00 = 65.00
        standardCost("200-5000-B", "0010", "50.00", "10.00", "5.00");
    }

    @Test
    void costByPartIsTheSumOfTheEventsThroughCorrectionsAndReCosting() {
        insertDefect("E-1", 1, "MFG-4471", "L1", "WC-110", "3", "0020", OCTOBER_14); // 3 × 218.40 = 655.20
        insertDefect("E-2", 1, "MFG-4471", "L1", "WC-120", "2", "0010", OCTOBER_14); // 2 × 170.00 = 340.00
        insertDefect("E-3", 1, "MFG-5000", "L1", "WC-110", "4", "0010", OCTOBER_14); // 4 × 65.00 = 260.00
        insertDefect("E-4", 1, "MFG-5000", "L2", "WC-210", "1", "0010", OCTOBER_14); // 1 × 65.00 = 65.00
        runCosting();
        assertThat(partRollups("2026-10")).containsExactly("L1 WC-110 100-4471-A scrap 655.20 3 1",
                "L1 WC-110 200-5000-B scrap 260.00 4 1", "L1 WC-120 100-4471-A scrap 340.00 2 1",
                "L2 WC-210 200-5000-B scrap 65.00 1 1");

        // E-1 corrected to 5 units: 5 × 218.40 = 1092.00 replaces 655.20
        insertDefect("E-1", 2, "MFG-4471", "L1", "WC-110", "5", "0020", OCTOBER_14);
        runCosting();
        // A schema valuing at full standard cost, approved by both owners, re-costs October: E-2 at 2 × 218.40
        approveFullStandard();
        recosting.drain(tenant, "worker-1").await().indefinitely();

        assertThat(partRollups("2026-10")).containsExactly("L1 WC-110 100-4471-A scrap 1092.00 5 1",
                "L1 WC-110 200-5000-B scrap 260.00 4 1", "L1 WC-120 100-4471-A scrap 436.80 2 1",
                "L2 WC-210 200-5000-B scrap 65.00 1 1");
        assertThat(partRollups("2026-10")).isEqualTo(rows("""
                SELECT line_id, work_center_id, part, cost_type, sum(amount), trim_scale(sum(quantity)), count(*)
                FROM costed_events WHERE NOT superseded AND period = '2026-10'
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """));
        // The same money as the rollups of the report's other sections: 1092.00 + 260.00 + 436.80 + 65.00
        assertThat(rows("SELECT sum(amount) FROM cost_rollups_by_part")).containsExactly("1853.80");
        assertThat(rows("SELECT sum(amount) FROM cost_rollups")).containsExactly("1853.80");
    }

    @Test
    void aCorrectionOfAClosedPeriodIsBookedInTheOpenPeriodByPartToo() {
        insertDefect("E-1", 1, "MFG-4471", "L1", "WC-110", "3", "0020", OCTOBER_14);
        runCosting();
        closePeriod("2026-10");

        insertDefect("E-1", 2, "MFG-4471", "L1", "WC-110", "5", "0020", OCTOBER_14);
        insertDefect("E-5", 1, "MFG-5000", "L1", "WC-110", "2", "0010", OCTOBER_14.plusDays(3));
        runCosting();

        // October stays as closed; November takes 1092.00 − 655.20 = 436.80 of E-1 and the late E-5 (130.00)
        assertThat(partRollups("2026-10")).containsExactly("L1 WC-110 100-4471-A scrap 655.20 3 1");
        assertThat(partRollups("2026-11")).containsExactly("L1 WC-110 100-4471-A scrap 436.80 2 0",
                "L1 WC-110 200-5000-B scrap 130.00 2 1");
        assertThat(rows("SELECT sum(amount) FROM cost_rollups_by_part WHERE period = '2026-11'"))
                .isEqualTo(rows("SELECT sum(amount) FROM cost_rollups WHERE period = '2026-11'"));
    }

    private void approveFullStandard() {
        String admin = TestTokens.get().token(tenant, "admin");
        int version = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("scrap_method", "full_standard")).post("/api/v1/cost-schemas").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        SchemaOwners.approve(tenant, version).body("status", equalTo("approved"));
    }

    private void standardCost(String part, String operation, String material, String labor, String overhead) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', $1, $2, DATE '2026-01-01', 1, $3, $4, $5, $6, $7, 'USD')
                """, part, operation, UUID.randomUUID(), part + operation, new BigDecimal(material),
                new BigDecimal(labor), new BigDecimal(overhead)));
    }

    private void insertDefect(String sourceId, int version, String part, String line, String workCenter,
            String quantity, String operation, OffsetDateTime occurredAt) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, 'DAY1', $6, $7, $8, 'D-114', $9, 'scrap', $10, 'A', $11)
                """, MES, sourceId, version, UUID.randomUUID(), sourceId + "-v" + version, line, workCenter, part,
                new BigDecimal(quantity), occurredAt, operation));
    }

    private void closePeriod(String period) {
        TenantRows.inTenant(db, tenant,
                connection -> run(connection, "INSERT INTO closed_periods (tenant_id, plant_id, period, closed_by) "
                        + "VALUES (current_tenant(), 'DAY1', $1, 'reporting')", period));
    }

    private void runCosting() {
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(Map.of("record_type", "defects")).post("/api/v1/costing/runs").then().statusCode(200);
    }

    /** A period's part rollups as "line work_center part cost_type amount quantity events". */
    private List<String> partRollups(String period) {
        return rows("SELECT line_id, work_center_id, part, cost_type, amount, trim_scale(quantity), events "
                + "FROM cost_rollups_by_part WHERE period = '" + period + "' ORDER BY 1, 2, 3, 4");
    }

    private List<String> rows(String sql) {
        return TenantRows.rows(db, tenant, sql);
    }
}
