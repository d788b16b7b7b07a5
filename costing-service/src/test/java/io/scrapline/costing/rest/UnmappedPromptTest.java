package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.awaitTrue;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * What costing tells alert-service after a run that parked events for want of a cross-reference: the source parts and
 * defect codes, once each, with costing's own service token of the tenant, after the commit (a real HTTP server stands
 * in for alert-service and probes the database as each prompt arrives); and what a parked event of an unmapped code is
 * worth at standard cost, stored on its exception.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertServiceStandIn.Profile.class)
class UnmappedPromptTest {

    private static final String MES = "plex-mes";
    private static final String PARKED = "/api/v1/alerts/reference-notices/parked";

    @AlertServiceStandIn.Prompts
    ConcurrentLinkedQueue<Map<String, Object>> prompts;

    @AlertServiceStandIn.Probe
    AtomicReference<Function<String, Long>> probe;

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private final ObjectMapper json = new ObjectMapper();
    private String tenant;

    /** The plant, the cross-references of plex-mes, and the cost roll of 100-4471-A: C(0020) = 23.00. */
    @BeforeEach
    void tenantWithACostRoll() {
        tenant = "t-" + UUID.randomUUID();
        // As each prompt arrives: the unmapped values of the tenant whose exceptions are committed.
        probe.set(of -> TenantRows.decimal(db, of, """
                SELECT count(DISTINCT (x.reason, x.source, CASE x.reason WHEN 'unmapped_part' THEN d.part
                                                                   ELSE d.defect_code END))
                FROM costing_exceptions x JOIN defect_records d USING (tenant_id, record_id)
                WHERE x.status = 'open' AND x.reason IN ('unmapped_part', 'unmapped_defect_code')
                """).longValue());
        TenantRows.inTenant(db, tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES).chain(() -> run(connection, """
                        INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                            version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                        VALUES (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', '0010', DATE '2026-01-01', 1, $1,
                                'a', 10.00, 2.00, 1.00, 'USD'),
                               (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', '0020', DATE '2026-01-01', 1, $1,
                                'b', 5.00, 3.00, 2.00, 'USD')
                        """, UUID.randomUUID())));
    }

    @Test
    void aRunThatParksEventsOfNewValuesTellsAlertServiceEachOnceAfterItsCommit() throws Exception {
        UUID batch = UUID.randomUUID();
        defect(batch, "MES-1", "MES-NEW", "D-114", 2);
        defect(batch, "MES-2", "MES-NEW", "D-114", 5);
        defect(batch, "MES-3", "MFG-4471", "D-NEW", 3);
        defect(batch, "MES-4", "MFG-4471", "D-114", 1);

        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("batch_id", batch, "record_type", "defects")).post("/api/v1/costing/runs").then()
                .statusCode(200).body("costed", equalTo(1)).body("exceptions", equalTo(3));

        awaitTrue(Duration.ofSeconds(10), () -> !parked().isEmpty());
        Map<String, Object> prompt = parked().get(0);
        JsonNode values = json.readTree((String) prompt.get("body")).get("values");
        assertThat(values).hasSize(2);
        assertThat(values.get(0).toString())
                .isEqualTo("{\"reason\":\"unmapped_part\",\"source\":\"plex-mes\",\"value\":\"MES-NEW\"}");
        assertThat(values.get(1).toString())
                .isEqualTo("{\"reason\":\"unmapped_defect_code\",\"source\":\"plex-mes\",\"value\":\"D-NEW\"}");
        // Sent after the commit: both values' exceptions were there for alert-service to read.
        assertThat(prompt.get("seen")).isEqualTo(2L);
        JsonNode claims = json.readTree((String) prompt.get("claims"));
        assertThat(claims.get("iss").asText()).isEqualTo(TestServiceTokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("costing-service");
        assertThat(claims.get("groups").toString()).isEqualTo("[\"service\"]");
        assertThat(claims.has("plants")).isFalse();

        // The code's event is worth 3 × C(0020) = 69.00 at standard cost; the unmapped part's have no estimate.
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).get("/api/v1/exceptions?status=open").then()
                .statusCode(200).body("source_id", equalTo(List.of("MES-1", "MES-2", "MES-3")))
                .body("estimated_amount", equalTo(Arrays.asList(null, null, "69.00")));

        // A later run that parks another event of a value names it again (alert-service knows it is not new).
        UUID again = UUID.randomUUID();
        defect(again, "MES-5", "MES-NEW", "D-114", 1);
        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("batch_id", again, "record_type", "defects")).post("/api/v1/costing/runs").then()
                .statusCode(200);
        awaitTrue(Duration.ofSeconds(10), () -> parked().size() == 2);
        assertThat(json.readTree((String) parked().get(1).get("body")).get("values").toString())
                .isEqualTo("[{\"reason\":\"unmapped_part\",\"source\":\"plex-mes\",\"value\":\"MES-NEW\"}]");
    }

    @Test
    void aRunThatParksNothingForWantOfACrossReferenceSendsNoSuchPrompt() throws Exception {
        UUID batch = UUID.randomUUID();
        // Mapped, but 200-0001-B has no cost roll: an exception of another reason.
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO part_xrefs (tenant_id, source, source_part, effective_from, part)
                VALUES (current_tenant(), $1, 'MFG-0001', DATE '2026-01-01', '200-0001-B')
                """, MES));
        defect(batch, "MES-1", "MFG-0001", "D-114", 2);

        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("batch_id", batch, "record_type", "defects")).post("/api/v1/costing/runs").then()
                .statusCode(200).body("exceptions", equalTo(1));
        // The evaluation prompt is sent whenever events are costed; none here. Wait as long as a prompt takes.
        Thread.sleep(1500);
        assertThat(parked()).isEmpty();
        assertThat(TenantRows.decimal(db, tenant,
                "SELECT count(*) FROM costing_exceptions WHERE reason = 'no_standard_cost' "
                        + "AND estimated_amount IS NULL")).isEqualByComparingTo("1");
    }

    /** The prompts of parked values this test's tenant sent, in the order they came. */
    private List<Map<String, Object>> parked() {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> prompt : prompts) {
            if (PARKED.equals(prompt.get("path")) && tenant.equals(prompt.get("tenant"))) {
                found.add(prompt);
            }
        }
        return found;
    }

    /** A defect record of DAY1, line L1, at operation 0020, as ingest stores it. */
    private void defect(UUID batch, String sourceId, String part, String code, int quantity) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, $2, 1, $3, 'h', 'DAY1', 'L1', 'WC-110', $4, $5, $6, 'scrap', $7, 'A',
                    '0020')
                """, MES, sourceId, batch, part, code, quantity, OffsetDateTime.parse("2026-10-14T09:30:00-04:00")));
    }
}
