package io.scrapline.alert.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one delivery attempt on one channel, as the delivery log stores it. It holds no secret and no address
 * behind a name: {@code summary} is the provider's status and, for our own providers (SMTP server, SMS provider), its
 * short error text; a tenant's webhook receiver is summarised by its HTTP status only.
 *
 * @param statusCode
 *            the HTTP status or SMTP reply code, null when none came (connection failures, an accepted email)
 * @param providerMessageId
 *            the provider's id of the message (an SMS provider's message sid, the email's Message-ID, the webhook's
 *            {@code webhook-id}), or null
 * @param errorClass
 *            null when delivered
 * @param retryAfter
 *            how long the provider asked to wait ({@code Retry-After}), or null
 */
public record DeliveryResult(Status status, Integer statusCode, String providerMessageId, String summary,
        ErrorClass errorClass, Duration retryAfter) {

    public DeliveryResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        if ((status == Status.DELIVERED) != (errorClass == null)) {
            throw new IllegalArgumentException("a failure has an error class, a delivery none");
        }
    }

    public enum Status {
        DELIVERED,
        /** Worth another attempt later: a connection failure, a timeout, 408, 429, 5xx, an SMTP 4xx reply. */
        FAILED_RETRYABLE,
        /** No later attempt will do better: a redirect, another 4xx, an SMTP 5xx reply, a refused address. */
        FAILED_PERMANENT;

        /** As stored: {@code delivered}, {@code failed_retryable}, {@code failed_permanent}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What kind of failure, for the log and for the people reading it. */
    public enum ErrorClass {
        /** The destination answered with a redirect, which is not followed. */
        HTTP_REDIRECT,
        /** The destination answered 4xx or 5xx. */
        HTTP_STATUS,
        /** The SMTP server refused the message. */
        SMTP_REPLY,
        /** The egress policy does not let the platform connect there. */
        EGRESS_REFUSED, HOST_NOT_FOUND, CONNECTION_REFUSED, TIMED_OUT, TLS_FAILED, CONNECTION_FAILED,
        /** The address is not one the channel can send to (no http(s) URL, no E.164 phone number, no recipient). */
        INVALID_DESTINATION,
        /** The channel has no provider configured (e.g. no SMS account). */
        NOT_CONFIGURED,
        /** The platform could not make the attempt (e.g. a stored secret it cannot open just now). */
        INTERNAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static DeliveryResult delivered(Integer statusCode, String providerMessageId, String summary) {
        return new DeliveryResult(Status.DELIVERED, statusCode, providerMessageId, summary, null, null);
    }

    public static DeliveryResult retryable(ErrorClass errorClass, Integer statusCode, String summary,
            Duration retryAfter) {
        return new DeliveryResult(Status.FAILED_RETRYABLE, statusCode, null, summary, errorClass, retryAfter);
    }

    public static DeliveryResult permanent(ErrorClass errorClass, Integer statusCode, String summary) {
        return new DeliveryResult(Status.FAILED_PERMANENT, statusCode, null, summary, errorClass, null);
    }

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }
}
