package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.Gauges;

/**
 * Batches in flight on /q/metrics: a batch whose body is still arriving is counted by the replica landing it, and no
 * longer once it has committed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BacklogGaugesTest {

    /** /q/metrics, on the management interface. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static final String IN_FLIGHT = "scrapline_ingest_batches_in_flight";

    @Inject
    TenantDb db;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBatchIsInFlightFromItsRequestToItsCommit() throws Exception {
        Sender sender = Sender.withPlant(db, "DAY1");
        Gauges.await(this::scrape, 0, IN_FLIGHT);

        OpenBody first = new OpenBody();
        OpenBody second = new OpenBody();
        CompletableFuture<HttpResponse<String>> one = first.postDefects(base, sender.token());
        CompletableFuture<HttpResponse<String>> two = second.postDefects(base, sender.token());
        first.send(OpenBody.DEFECTS_HEADER + row("GAUGE-1") + row("GAUGE-2"));
        second.send(OpenBody.DEFECTS_HEADER + row("GAUGE-3"));
        Gauges.await(this::scrape, 2, IN_FLIGHT);

        first.end();
        assertThat(one.get().statusCode()).as(one.get().body()).isEqualTo(201);
        Gauges.await(this::scrape, 1, IN_FLIGHT);
        second.end();
        assertThat(two.get().statusCode()).as(two.get().body()).isEqualTo(201);
        Gauges.await(this::scrape, 0, IN_FLIGHT);
    }

    private static String row(String sourceId) {
        return sourceId + ",DAY1,L1,WC-110,MFG-4471,D-114,2,scrap,2026-10-15T11:00:00-04:00\n";
    }

    private String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
