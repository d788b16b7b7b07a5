package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.awaitTrue;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Finding 2 of issue 10: a record stored with a time Java cannot handle ({@code infinity}, 4714 BC, as ingest once
 * stored +300000 and -5000) stopped the costing sweep of every tenant. Now it is parked as an exception, and its own
 * tenant's other records and every other tenant's are costed by the sweep as usual.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PoisonedRecordTest {

    private static final String SOURCE = "plex-mes";
    /** The sweep runs every 2 s in tests; a record is costed by the next one. */
    private static final Duration NORMAL_TIME = Duration.ofSeconds(10);

    @Inject
    TenantDb db;

    @Inject
    MeterRegistry registry;

    @Test
    void aPoisonedRecordIsParkedAndNeitherItsTenantNorAnotherWaits() {
        String poisoned = tenantWithCostRoll();
        String healthy = tenantWithCostRoll();
        // As the old ingest code stored them, straight into the table.
        insertDefect(poisoned, "MES-INF", "'infinity'");
        insertDefect(poisoned, "MES-BC", "'4714-11-24 00:00:00+00 BC'");
        insertDefect(poisoned, "MES-OK", "'2026-10-14 09:30:00-04'");
        insertDefect(healthy, "MES-1", "'2026-10-14 09:30:00-04'");
        Instant inserted = Instant.now();

        awaitTrue(NORMAL_TIME, () -> costedSourceIds(healthy).contains("MES-1"));
        awaitTrue(NORMAL_TIME, () -> costedSourceIds(poisoned).contains("MES-OK"));
        Duration took = Duration.between(inserted, Instant.now());
        assertThat(took).isLessThan(NORMAL_TIME);

        String controller = TestTokens.get().token(poisoned, "controller");
        awaitTrue(NORMAL_TIME, () -> given().auth().oauth2(controller).get("/api/v1/exceptions").then().statusCode(200)
                .extract().jsonPath().getList("source_id").size() == 2);
        JsonPath exceptions = given().auth().oauth2(controller).queryParam("status", "open").get("/api/v1/exceptions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(exceptions.getList("source_id")).containsExactlyInAnyOrder("MES-INF", "MES-BC");
        assertThat(exceptions.getList("reason")).containsOnly("unreadable_record");
        assertThat(exceptions.getString("find { it.source_id == 'MES-INF' }.detail"))
                .contains("occurred_at is not a time costing can read");
        assertThat(costedSourceIds(poisoned)).containsExactly("MES-OK");
    }

    @Test
    void oneTenantsFailureIsCountedAndDoesNotStopTheOthers() {
        String failing = tenantWithCostRoll();
        String other = tenantWithCostRoll();
        double before = failures("isolation-test");

        List<String> done = db.eachTenant("isolation-test", "tenants_with_plants",
                tenant -> tenant.equals(failing) ? Uni.createFrom().<String> failure(new IllegalStateException("bug"))
                        : Uni.createFrom().item(tenant))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(done).contains(other).doesNotContain(failing);
        assertThat(failures("isolation-test") - before).isEqualTo(1.0);
    }

    private double failures(String job) {
        var counter = registry.find("scrapline.sweep.failures").tag("job", job).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> costedSourceIds(String tenant) {
        return db.inTenant(tenant,
                connection -> connection.query("SELECT source_id FROM costed_events WHERE NOT superseded").execute())
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                }).await().atMost(Duration.ofSeconds(30));
    }

    private void insertDefect(String tenant, String sourceId, String occurredAt) {
        db.inTenant(tenant, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                SELECT current_tenant(), $1, $2, 1, batch_id, $2, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', 3,
                    'scrap', %s, 'A', '0020'
                FROM ingest_batches WHERE record_type = 'defects'
                """.formatted(occurredAt), SOURCE, sourceId)).await().atMost(Duration.ofSeconds(30));
    }

    /** A new tenant with plant DAY1, the cross-references of {@code plex-mes} and a cost roll of part 100-4471-A. */
    private String tenantWithCostRoll() {
        String tenant = "t-" + UUID.randomUUID();
        UUID erpBatch = UUID.randomUUID();
        UUID mesBatch = UUID.randomUUID();
        db.inTenant(tenant,
                connection -> TenantRows.tenantWithPlantAndXrefs(connection, SOURCE)
                        .chain(() -> run(connection,
                                "INSERT INTO source_systems (tenant_id, source) VALUES "
                                        + "(current_tenant(), 'sap-erp'), (current_tenant(), $1)",
                                SOURCE))
                        .chain(() -> batch(connection, erpBatch, "sap-erp", "standard-costs"))
                        .chain(() -> batch(connection, mesBatch, SOURCE, "defects"))
                        .chain(() -> standardCost(connection, erpBatch, "0010", "120.00", "30.00", "20.00"))
                        .chain(() -> standardCost(connection, erpBatch, "0020", "0.00", "28.40", "20.00")))
                .await().atMost(Duration.ofSeconds(30));
        return tenant;
    }

    private static Uni<Void> batch(SqlConnection connection, UUID batch, String source, String type) {
        return run(connection, "INSERT INTO ingest_batches (tenant_id, batch_id, source, record_type, received, "
                + "accepted, duplicates, updated, rejected) VALUES (current_tenant(), $1, $2, $3, 2, 2, 0, 0, 0)",
                batch, source, type);
    }

    private static Uni<Void> standardCost(SqlConnection connection, UUID batch, String operation, String material,
            String labor, String overhead) {
        return run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', $1, DATE '2026-01-01', 1, $2, $1,
                    $3, $4, $5, 'USD')
                """, operation, batch, new BigDecimal(material), new BigDecimal(labor), new BigDecimal(overhead));
    }
}
