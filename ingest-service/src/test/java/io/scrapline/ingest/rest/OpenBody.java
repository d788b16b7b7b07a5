package io.scrapline.ingest.rest;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A CSV request body sent in parts that stays open until {@link #end}: the request's batch is in progress while the
 * body waits. Parts are written by the test's own thread, which outlives the request (a pipe whose writer thread has
 * ended is broken).
 */
final class OpenBody {

    /** The header row of a CSV batch of defects. */
    static final String DEFECTS_HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at\n";

    /** HTTP/1.1: an upgrade to HTTP/2 would have the server read the whole body of a first request before it starts. */
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Empty lines, which a CSV body may have anywhere: the client and the service's reader hold some kilobytes back
     * until more comes, and these push the rows before them through to the batch.
     */
    private static final byte[] PUSH = "\n".repeat(1 << 17).getBytes(StandardCharsets.UTF_8);

    private final PipedOutputStream feed = new PipedOutputStream();
    private final PipedInputStream body;

    OpenBody() {
        try {
            body = new PipedInputStream(feed, 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofInputStream(() -> body);
    }

    /** Starts a request that sends this body as a CSV batch of defects of source {@code mes} to the service at base. */
    CompletableFuture<HttpResponse<String>> postDefects(URL base, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/sources/mes/records/defects"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(publisher()).build();
        return HTTP_1_1.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code csv} and pushes it through to the service. */
    void send(String csv) {
        try {
            feed.write(csv.getBytes(StandardCharsets.UTF_8));
            feed.write(PUSH);
            feed.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void end() {
        try {
            feed.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
