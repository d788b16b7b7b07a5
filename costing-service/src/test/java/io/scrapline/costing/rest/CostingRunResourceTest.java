package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.awaitTrue;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
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
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * Who may prompt a costing run: a service, with a token of the service key for one tenant. No user's token is accepted,
 * whatever its roles and scope, and a token of the identity provider that claims the service role is no token at all.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CostingRunResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MES = "plex-mes";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private String tenant;
    private UUID batch;

    @BeforeEach
    void tenantWithABatchOfDefects() {
        tenant = newTenant();
        batch = defectBatch(tenant);
    }

    @Test
    void noUsersTokenPromptsARun() {
        prompt(null, batch).statusCode(401);
        for (String token : List.of(TestTokens.get().token(tenant, "ingest"), TestTokens.get().token(tenant, "admin"),
                TestTokens.get().token(tenant, "admin", "ingest", "controller", "quality", "supervisor"),
                TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "ingest"))) {
            prompt(token, batch).statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void theServiceRoleComesFromTheServiceKeyOnly() {
        prompt(TestTokens.get().token(tenant, "service"), batch).statusCode(401);
        prompt(TestTokens.get().token(tenant, "ingest", "service"), batch).statusCode(401);
        prompt(TestTokens.get().tokenClaimingIssuer(TestServiceTokens.ISSUER, tenant, "service"), batch)
                .statusCode(401);
    }

    @Test
    void anExpiredServiceTokenIsRefused() {
        prompt(TestServiceTokens.get().expiredToken("ingest-service", tenant, Duration.ofMinutes(5)), batch)
                .statusCode(401);
    }

    @Test
    void aServiceTokenPromptsTheWorkOfItsOwnTenantOnly() {
        String other = newTenant();

        // The batch is the first tenant's: under the other tenant's token it is not there, so nothing is costed.
        prompt(serviceTokens.sign(other), batch).statusCode(200).body("costed", equalTo(0)).body("exceptions",
                equalTo(0));
        prompt(serviceTokens.sign(tenant), batch).statusCode(200);
        // The run, or the sweep if it came first, costed the record (an exception: there is no cost roll).
        awaitTrue(Duration.ofSeconds(10), () -> handled(tenant) == 1);
        assertThat(handled(other)).isZero();
    }

    private ValidatableResponse prompt(String token, UUID batchId) {
        return (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                .body(Map.of("batch_id", batchId, "record_type", "defects")).post("/api/v1/costing/runs").then();
    }

    private String newTenant() {
        String id = "t-" + UUID.randomUUID();
        TenantRows.inTenant(db, id, connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES));
        return id;
    }

    /** A batch of one defect record of DAY1, line L1, as ingest stores it. */
    private UUID defectBatch(String tenantId) {
        UUID id = UUID.randomUUID();
        TenantRows.inTenant(db, tenantId, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, 'MES-1', 1, $2, 'h1', 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', 3,
                    'scrap', $3, 'A', '0020')
                """, MES, id, OffsetDateTime.parse("2026-10-14T09:30:00-04:00")));
        return id;
    }

    /** The tenant's records costing has dealt with: costed events and exceptions. */
    private long handled(String tenantId) {
        return TenantRows
                .decimal(db, tenantId,
                        "SELECT (SELECT count(*) FROM costed_events) + (SELECT count(*) FROM costing_exceptions)")
                .longValue();
    }
}
