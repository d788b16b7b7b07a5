package io.scrapline.costing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.ApiFuzzer;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/**
 * The hostile-input corpus against every operation of the costing service, with a user's token and, for the costing
 * runs, a service token: no 500, every refusal a problem.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CostingFuzzTest {

    @TestHTTPResource("/")
    URI base;

    private static final String RUNS = "POST /api/v1/costing/runs";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void noRequestAnswers500OrStoresWhatItRefuses() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String token = TestTokens.get().token(tenant, "admin", "ingest", "quality", "controller", "supervisor");

        try (Connection owner = ApiFuzzer.ownerConnection()) {
            ApiFuzzer.Report report = new ApiFuzzer(base, token, ApiFuzzer.tenantRows(owner, tenant))
                    .sample("plant", "DAY1").sample("source", "mes").sample("period", "2026-10").sample("version", "1")
                    .sample("id", "1").run();
            Log.infof("costing fuzz: %s", report);
            assertThat(report.operations()).isGreaterThanOrEqualTo(4);
            assertThat(report.findings()).isEmpty();

            // Costing runs take a service token only: a pass of their own, with the token ingest would send.
            ApiFuzzer.Report prompts = new ApiFuzzer(base, serviceTokens.sign(tenant),
                    ApiFuzzer.tenantRows(owner, tenant)).skip(operation -> !operation.equals(RUNS)).run();
            Log.infof("costing prompt fuzz: %s", prompts);
            assertThat(prompts.operations()).isEqualTo(1);
            assertThat(prompts.findings()).isEmpty();
        }
    }
}
