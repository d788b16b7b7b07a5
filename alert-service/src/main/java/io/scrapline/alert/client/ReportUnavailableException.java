package io.scrapline.alert.client;

/**
 * A report a distribution needs could not be had from reporting-service: worth another attempt later (reporting down, a
 * timeout, a 5xx) or not (a 4xx: the plant or line is not there). The message names the status only, never the answer's
 * text.
 */
public class ReportUnavailableException extends RuntimeException {

    private final boolean retryable;
    private final Integer status;

    public ReportUnavailableException(String message, boolean retryable, Integer status) {
        super(message);
        this.retryable = retryable;
        this.status = status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status reporting answered with, or null when it did not answer. */
    public Integer status() {
        return status;
    }
}
