package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;
import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.client.Receivers;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.Gauges;

/**
 * The alert backlog on /q/metrics while it exists, by tenant (scrapline.metrics.tenant-labels on here, so that other
 * tests' deliveries, retried meanwhile, do not move this tenant's counts): deliveries waiting, then sent once due, and
 * a queued distribution run.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(BacklogGaugesTest.TenantLabels.class)
class BacklogGaugesTest {

    /** /q/metrics, on the management interface. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static final String PENDING = "scrapline_alert_deliveries_pending";
    private static final String RUNS = "scrapline_distribution_runs_queued";

    /** The channel servers' profile with a series per tenant. */
    public static class TenantLabels extends ChannelServers.Profile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scrapline.metrics.tenant-labels", "true");
        }
    }

    @ChannelServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

    @Inject
    DeliveryService deliveries;

    @Test
    void deliveriesWaitingShowUntilTheyAreSent() {
        Alerting world = new Alerting(db);
        String tenant = "tenant=\"" + world.tenant + "\"";
        List<String> crew = List.of(world.email("ana"), world.email("ben"), world.email("cy"));
        world.putAudience("crew", crew.stream().map(address -> member(address, "email", address)).toList())
                .statusCode(204);
        long alert = world.logAlert("DAY1", "crew");
        world.openHeld(deliveries, alert, "crew");

        String waiting = Gauges.await(this::scrape, 3, PENDING, tenant, "state=\"waiting\"");
        assertThat(Gauges.value(waiting, PENDING, tenant, "state=\"due\"")).isEmpty();

        world.sql("UPDATE alert_deliveries SET next_attempt_at = now() WHERE alert_id = $1", alert);
        Alerting.await(() -> crew.stream().allMatch(address -> Receivers.to(smtp, address).size() == 1));
        // Due and waiting alike: none left of the tenant's.
        Gauges.await(this::scrape, 0, PENDING, tenant);
        assertThat(Gauges.value(scrape(), PENDING, tenant, "state=\"waiting\"")).hasValue(0);
    }

    @Test
    void aQueuedDistributionRunShowsUntilItIsDone() {
        Alerting world = new Alerting(db);
        String tenant = "tenant=\"" + world.tenant + "\"";
        // The tests' distribution workers are off: the run stays queued.
        world.sql("""
                INSERT INTO distribution_runs (tenant_id, subscription_id, plant_id, run_key, cadence, period, as_of,
                    due_at)
                VALUES (current_tenant(), 'daily-crew', 'DAY1', 'daily:2026-11-14', 'daily', '2026-11',
                    DATE '2026-11-14', now())
                """);
        Gauges.await(this::scrape, 1, RUNS, tenant);

        world.sql("UPDATE distribution_runs SET status = 'done', claimed_by = 'test', finished_at = now()");
        Gauges.await(this::scrape, 0, RUNS, tenant);
    }

    private String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
