package io.scrapline.alert.domain;

/**
 * How the latest attempt at one recipient of a run ended, as the delivery log stores it: the channel's result, a report
 * that could not be had, or no report for the member at all.
 *
 * @param status
 *            {@code delivered}, {@code failed_retryable}, {@code failed_permanent} or {@code skipped}
 */
public record RecipientOutcome(String status, Integer statusCode, String providerMessageId, String summary,
        String errorClass) {

    public static final String SKIPPED = "skipped";

    public static RecipientOutcome of(DeliveryResult result) {
        return new RecipientOutcome(result.status().code(), result.statusCode(), result.providerMessageId(),
                result.summary(), result.errorClass() == null ? null : result.errorClass().code());
    }

    /** A report the email needs could not be had from reporting-service. */
    public static RecipientOutcome reportUnavailable(boolean retryable, Integer statusCode, String summary) {
        return new RecipientOutcome(
                retryable ? DeliveryResult.Status.FAILED_RETRYABLE.code()
                        : DeliveryResult.Status.FAILED_PERMANENT.code(),
                statusCode, null, summary, "report_unavailable");
    }

    /** The member's role and lines take no report of the plant (a supervisor without one of its lines). */
    public static RecipientOutcome skipped(String why) {
        return new RecipientOutcome(SKIPPED, null, null, why, null);
    }

    /** Whether a retry of the run should try the recipient again. */
    public boolean retryable() {
        return DeliveryResult.Status.FAILED_RETRYABLE.code().equals(status);
    }
}
