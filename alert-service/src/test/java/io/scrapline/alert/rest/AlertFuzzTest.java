package io.scrapline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.util.List;
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
 * The hostile-input corpus against every operation of the alert service, with a user's token and, for evaluations, a
 * close's hand-over and parked values, a service token: no 500, every refusal a problem.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AlertFuzzTest {

    @TestHTTPResource("/")
    URI base;

    private static final String EVALUATIONS = "POST /api/v1/alerts/evaluations";
    private static final String CLOSES = "POST /api/v1/alerts/distributions/closes";
    private static final String PARKED = "POST /api/v1/alerts/reference-notices/parked";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void noRequestAnswers500OrStoresWhatItRefuses() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String token = TestTokens.get().token(tenant, "admin", "quality", "controller", "supervisor");
        try (Connection owner = ApiFuzzer.ownerConnection()) {
            ApiFuzzer.Report report = new ApiFuzzer(base, token, ApiFuzzer.tenantRows(owner, tenant))
                    .sample("plant", "DAY1").sample("defect_code", "MACH-DIM").sample("audience", "quality")
                    .sample("rule", "mach-dim").sample("email", "dana.ortiz@example.com").sample("metric", "cost")
                    .sample("window", "period").sample("threshold", "500.00").sample("subscription", "day1-daily")
                    .sample("cadence", "daily").sample("period", "2026-10").run();
            Log.infof("alert-service fuzz: %s", report);
            assertThat(report.operations()).isGreaterThanOrEqualTo(4);
            assertThat(report.findings()).isEmpty();

            // Evaluations, closes and parked values take a service token only: a pass of their own, with the token
            // costing or reporting would send.
            ApiFuzzer.Report prompts = new ApiFuzzer(base, serviceTokens.sign(tenant),
                    ApiFuzzer.tenantRows(owner, tenant)).sample("plant", "DAY1").sample("defect_code", "MACH-DIM")
                            .sample("period", "2026-10")
                            .skip(operation -> !List.of(EVALUATIONS, CLOSES, PARKED).contains(operation)).run();
            Log.infof("alert-service prompt fuzz: %s", prompts);
            assertThat(prompts.operations()).isEqualTo(3);
            assertThat(prompts.findings()).isEmpty();
        }
    }
}
