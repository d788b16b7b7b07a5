package io.scrapline.ingest.domain;

/**
 * A webhook delivery whose signature cannot be verified: missing or wrong, stale, or for a source without a secret.
 * Answered with 401 and nothing stored.
 */
public class UnverifiedWebhookProblem extends RuntimeException {

    public UnverifiedWebhookProblem(String detail) {
        super(detail);
    }
}
