package io.scrapline.ingest.rest;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A CSV request body sent in parts that stays open until {@link #end}: the request's batch is in progress while the
 * body waits. Parts are written by the test's own thread, which outlives the request (a pipe whose writer thread has
 * ended is broken).
 */
final class OpenBody {

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
