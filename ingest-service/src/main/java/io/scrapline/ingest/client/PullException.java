package io.scrapline.ingest.client;

/**
 * Why a pull failed, in words for the run log. {@code transient} failures (HTTP 5xx or 429, a lost connection) are
 * retried with back-off; the others (HTTP 4xx, a body of the wrong shape, a query the database refuses) fail the run at
 * once, since asking again would get the same answer.
 */
public class PullException extends RuntimeException {

    private final boolean transientFailure;

    PullException(String message, boolean transientFailure) {
        super(message, null, false, false);
        this.transientFailure = transientFailure;
    }

    boolean isTransient() {
        return transientFailure;
    }
}
