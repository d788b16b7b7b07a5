package io.scrapline.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * Batches of one source do not wait for each other: a small batch lands while a large one of the same source is still
 * open (here a batch whose body has not finished arriving holds its transaction open).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SameSourceBatchesTest {

    private static final String HEADER = OpenBody.DEFECTS_HEADER;

    @Inject
    TenantDb db;

    @TestHTTPResource("/")
    URL base;

    /** HTTP/1.1: an upgrade to HTTP/2 would have the server read the whole body of a first request before it starts. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * The large batch is the source's first, as a new source's first month-end load would be. It sends well over the
     * copy threshold, so that it has opened its transaction (a smaller batch is read before its transaction opens), and
     * then waits for the rest of its body.
     */
    @Test
    void aSmallBatchLandsWhileALargeOneOfTheSameSourceIsOpen() throws Exception {
        int rows = 25_000;
        Sender sender = Sender.withPlant(db, "DAY1");
        String tenant = sender.tenant();
        String token = sender.token();

        OpenBody body = new OpenBody();
        CompletableFuture<HttpResponse<String>> large = http.sendAsync(request(token).POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(row("LARGE-" + i));
        }
        body.send(csv.toString());
        awaitOpenBatch(tenant);

        Instant started = Instant.now();
        HttpResponse<String> small = post(token, HEADER + row("SMALL-1") + row("SMALL-2"));
        Duration took = Duration.between(started, Instant.now());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(large).isNotDone();

        body.end();
        HttpResponse<String> landed = large.get();
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(201);
        assertThat(landed.body()).contains("\"accepted\":" + rows);
    }

    private static String row(String sourceId) {
        return sourceId + ",DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00\n";
    }

    private HttpRequest.Builder request(String token) {
        return HttpRequest.newBuilder(URI.create(base + "api/v1/sources/mes/records/defects"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv");
    }

    private HttpResponse<String> post(String token, String csv) throws IOException, InterruptedException {
        return http.send(request(token).POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the large batch's transaction is open and waiting for the rest of its body. */
    private void awaitOpenBatch(String tenant) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long open = db.inTenant(tenant, connection -> connection.query("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE state = 'idle in transaction' AND usename = current_user
                      AND (query LIKE '%ingest_batches%' OR query LIKE '%defect_records%')
                    """).execute()).map(result -> result.iterator().next().getLong(0)).await().indefinitely();
            if (open > 0) {
                return;
            }
            Thread.sleep(50);
        }
        String sessions = db.inTenant(tenant, connection -> connection.query(
                "SELECT string_agg(state || ' ' || coalesce(wait_event_type, '-') || ' ' || left(query, 80), ' | ') "
                        + "FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid()")
                .execute()).map(result -> result.iterator().next().getString(0)).await().indefinitely();
        throw new AssertionError("the large batch did not open its transaction; sessions: " + sessions);
    }
}
