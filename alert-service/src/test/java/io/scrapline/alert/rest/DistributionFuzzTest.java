package io.scrapline.alert.rest;

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
 * The hostile-input corpus against the distribution endpoints: the subscriptions and the log with a user's token, and
 * the close's hand-over with the service token reporting would send. No 500, every refusal a problem, nothing stored by
 * a refused request.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DistributionFuzzTest {

    private static final String CLOSES = "POST /api/v1/alerts/distributions/closes";

    @TestHTTPResource("/")
    URI base;

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    @Test
    void noRequestAnswers500OrStoresWhatItRefuses() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String token = TestTokens.get().token(tenant, "admin", "quality", "controller");
        try (Connection owner = ApiFuzzer.ownerConnection()) {
            ApiFuzzer.Report users = new ApiFuzzer(base, token, ApiFuzzer.tenantRows(owner, tenant))
                    .sample("plant", "DAY1").sample("audience", "quality").sample("subscription", "day1-daily")
                    .sample("cadence", "daily").sample("period", "2026-10")
                    .skip(operation -> !operation.contains("/alerts/subscriptions")
                            && !operation.contains("/alerts/distributions"))
                    .run();
            Log.infof("distribution fuzz: %s", users);
            assertThat(users.operations()).isEqualTo(6);
            assertThat(users.findings()).isEmpty();

            ApiFuzzer.Report prompts = new ApiFuzzer(base, serviceTokens.sign(tenant),
                    ApiFuzzer.tenantRows(owner, tenant)).sample("plant", "DAY1").sample("period", "2026-10")
                            .skip(operation -> !operation.equals(CLOSES)).run();
            Log.infof("distribution prompt fuzz: %s", prompts);
            assertThat(prompts.operations()).isEqualTo(1);
            assertThat(prompts.findings()).isEmpty();
        }
    }
}
