package io.scrapline.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.RecordValidator;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.repository.RecordRepository.Landed;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * Both ways of finding the latest versions, one index scan per chunk and a probe per record, land the same: the server
 * of the tests plans the index scan well, so the probes are what a PostgreSQL before 18 without statistics uses.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LandingProbeTest {

    @Inject
    TenantDb db;

    @Inject
    RecordRepository records;

    @Test
    void bothProbesFindTheLatestVersions() {
        String tenant = "t-" + UUID.randomUUID();
        db.inTenant(tenant, connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .execute()
                .chain(() -> connection
                        .query("INSERT INTO plants (tenant_id, plant_id, name, currency, "
                                + "time_zone) VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')")
                        .execute())
                .chain(() -> connection
                        .query("INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), 'mes')")
                        .execute()))
                .await().indefinitely();

        assertThat(land(tenant, LandingSql.Probe.PROBES, defect("A", "3"), defect("B", "3")))
                .isEqualTo(new Landed(2, 0));
        assertThat(land(tenant, LandingSql.Probe.INDEX_SCAN, defect("A", "4"), defect("B", "3"), defect("C", "3")))
                .isEqualTo(new Landed(1, 1));
        assertThat(land(tenant, LandingSql.Probe.PROBES, defect("A", "4"), defect("C", "5"), defect("B", "5")))
                .isEqualTo(new Landed(0, 2));
        assertThat(land(tenant, LandingSql.Probe.INDEX_SCAN, defect("A", "3"), defect("B", "5")))
                .isEqualTo(new Landed(0, 1));
    }

    @SafeVarargs
    private Landed land(String tenant, LandingSql.Probe probe, Map<String, String>... rows) {
        List<ValidRecord> valid = new RecordValidator(RecordType.DEFECTS, false).validate(List.of(rows)).valid();
        return db.inTenant(tenant,
                connection -> records.land(connection, RecordType.DEFECTS, probe, "mes", UUID.randomUUID(), valid))
                .await().indefinitely();
    }

    private static Map<String, String> defect(String sourceId, String quantity) {
        return Map.of("source_id", sourceId, "plant", "DAY1", "line", "L1", "work_center", "WC-110", "part", "MFG-4471",
                "defect_code", "D-114", "quantity", quantity, "disposition", "scrap", "occurred_at",
                "2026-10-14T09:30:00-04:00");
    }
}
