package io.scrapline.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.Gauges;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/**
 * Queued period closes on /q/metrics while they wait (the tests' close worker is off), counted across all tenants, and
 * the count falling once a worker has closed them. Other tests may leave closes queued, so the count is read against
 * the one before. And the request-time buckets beside them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BacklogGaugesTest {

    /** /q/metrics, on the management interface. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static final String QUEUED = "scrapline_period_closes_queued";

    @Inject
    TenantDb db;

    @Inject
    PeriodCloseService closes;

    @Test
    void queuedClosesShowUntilAWorkerClosesThem() {
        String first = "t-" + UUID.randomUUID();
        String second = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, first, "DAY1");
        TestTenants.createWithPlant(db, second, "LYON");
        double before = Gauges.settled(this::scrape, QUEUED);

        // 2 November: October is due in both plants' zones.
        Instant november = Instant.parse("2026-11-02T12:00:00Z");
        assertThat(closes.enqueueDue(first, november).await().indefinitely()).isEqualTo(1);
        assertThat(closes.enqueueDue(second, november).await().indefinitely()).isEqualTo(1);
        Gauges.await(this::scrape, before + 2, QUEUED);

        assertThat(closes.drain(first, "closer").await().indefinitely()).isEqualTo(1);
        Gauges.await(this::scrape, before + 1, QUEUED);
        closes.drain(second, "closer").await().indefinitely();
        Gauges.await(this::scrape, before, QUEUED);
    }

    /** The dashboard's latency panels compute percentiles from buckets (platform's RequestLatency). */
    @Test
    void requestTimesAreCountedInHistogramBuckets() {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        given().auth().oauth2(TestTokens.get().token(tenant, "controller")).get("/api/v1/reports/DAY1/2026-10").then()
                .statusCode(200);

        String series = "http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/reports/\\{plant}/\\{period}\",";
        assertThat(scrape()).containsPattern(series + "le=\"0\\.1\"} [0-9]")
                .containsPattern(series + "le=\"30\\.0\"} [1-9]").containsPattern(series + "le=\"\\+Inf\"} [1-9]");
    }

    private String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
