package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.scrapline.costing.service.RecostingService;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.Gauges;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The costing backlog on /q/metrics while it exists: records queued while no sweep runs (this test holds the sweep's
 * cluster lease, as a replica busy elsewhere would) and the parts of a re-costing job, each counted across all tenants,
 * then drained. Other tests' tenants may have left work in the queue, so each count is read against the one before.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BacklogGaugesTest {

    /** /q/metrics, on the management interface. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static final String UNCOSTED = "scrapline_costing_uncosted_records";
    private static final String PARTS = "scrapline_recosting_parts";
    private static final String QUEUED = "status=\"queued\"";
    private static final String RUNNING = "status=\"running\"";
    private static final String MES = "mes-gauges";

    @Inject
    TenantDb db;

    @Inject
    Pool pool;

    @Inject
    RecostingService recosting;

    @Test
    void uncostedRecordsShowWhileQueuedAndFallWhenCosted() {
        String tenant = tenantWithCosts();
        String holder = "backlog-test-" + UUID.randomUUID();
        holdSweep(holder);
        try {
            double before = Gauges.settled(this::scrape, UNCOSTED);
            land(tenant, 7);
            Gauges.await(this::scrape, before + 7, UNCOSTED);

            given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                    .body(Map.of("record_type", "defects")).post("/api/v1/costing/runs").then().statusCode(200);
            Gauges.await(this::scrape, before, UNCOSTED);
        } finally {
            pool.preparedQuery("DELETE FROM cluster_leases WHERE name = 'costing-sweep' AND holder = $1")
                    .execute(Tuple.of(holder)).await().indefinitely();
        }
    }

    @Test
    void reCostingPartsShowByStatusWhileQueuedAndFallWhenReCosted() {
        String tenant = tenantWithCosts();
        land(tenant, 10);
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", tenant)).contentType(ContentType.JSON)
                .body(Map.of("record_type", "defects")).post("/api/v1/costing/runs").then().statusCode(200);
        double queued = Gauges.settled(this::scrape, PARTS, QUEUED);
        assertThat(Gauges.value(scrape(), PARTS, RUNNING)).as("a state without parts is shown too").isPresent();

        given().auth().oauth2(TestTokens.get().token(tenant, "controller")).contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "period", "2026-10", "reason", "gauges")).post("/api/v1/recosting-jobs")
                .then().statusCode(202);
        recosting.split(tenant, "splitter").await().indefinitely();
        // Ten events in parts of four (the tests' part size): three parts.
        Gauges.await(this::scrape, queued + 3, PARTS, QUEUED);

        assertThat(recosting.recostParts(tenant, "worker-1").await().indefinitely()).isEqualTo(3);
        Gauges.await(this::scrape, queued, PARTS, QUEUED);
    }

    private String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }

    /** Takes the costing sweep's cluster lease for {@code holder}, waiting for a round under way to end. */
    private void holdSweep(String holder) {
        TenantRows.awaitTrue(Duration.ofSeconds(30), () -> pool.preparedQuery("""
                INSERT INTO cluster_leases (name, holder, expires_at)
                VALUES ('costing-sweep', $1, clock_timestamp() + interval '10 minutes')
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE cluster_leases.expires_at < clock_timestamp()
                RETURNING holder
                """).execute(Tuple.of(holder)).await().indefinitely().size() == 1);
    }

    /**
     * A tenant with plant DAY1, source {@code mes-gauges}'s cross-references and the standard costs of part 100-4471-A,
     * so that its records are costed, not held in an exception.
     */
    private String tenantWithCosts() {
        String tenant = "t-" + UUID.randomUUID();
        TenantRows.inTenant(db, tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES).chain(() -> run(connection, """
                        INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation,
                            effective_from, version, batch_id, content_hash, material_cost, labor_cost, overhead_cost,
                            currency)
                        SELECT current_tenant(), 'erp', 'DAY1', '100-4471-A', op, DATE '2026-01-01', 1,
                            gen_random_uuid(), 'cost-' || op, 100.00, 25.00, 10.00, 'USD'
                        FROM unnest(ARRAY['0010', '0020']) AS op
                        """)));
        return tenant;
    }

    /** {@code n} October scrap records of one batch, as ingest lands them (the trigger queues them for costing). */
    private void land(String tenant, int n) {
        TenantRows.inTenant(db, tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                SELECT current_tenant(), $1, 'G-' || i, 1, $2, 'g' || i, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114',
                    2, 'scrap', TIMESTAMPTZ '2026-10-05 10:00:00-04' + i * interval '1 minute', 'A', '0020'
                FROM generate_series(1, $3::int) AS i
                """, MES, UUID.randomUUID(), n).replaceWith(Uni.createFrom().voidItem()));
    }
}
