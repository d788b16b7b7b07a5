package io.scrapline.alert.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A delivery as the API shows it: one alert (or a digest of several) to one recipient on one channel, its state
 * ({@code queued}, {@code running}, {@code delivered} or {@code dead}, the dead letter), its attempts and the last
 * one's result. A webhook's URL shows only its scheme and host: Slack's and Teams' URLs are credentials.
 *
 * @param dueAt
 *            when a queued delivery is due next (after a back-off, quiet hours, or the end of a digest's hour)
 * @param attempts
 *            the attempts, oldest first; empty in a list of deliveries
 */
public record Delivery(long id, String kind, List<Long> alerts, String audience, Integer step, String recipient,
        String role, Channel channel, String destination, String level, String status, int attemptCount,
        OffsetDateTime dueAt, Integer lastStatusCode, String lastErrorClass, String lastError, String providerMessageId,
        OffsetDateTime createdAt, OffsetDateTime finishedAt, String resentBy, OffsetDateTime resentAt,
        List<DeliveryAttempt> attempts) {

    public Delivery {
        alerts = List.copyOf(alerts);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /**
     * The delivery as the API shows it, without its attempts.
     *
     * @param digestAlerts
     *            the alerts of a digest, by id; ignored for a delivery of one alert
     */
    public static Delivery of(AlertDelivery row, List<Long> digestAlerts) {
        Channel channel = Channel.of(row.getChannel());
        return new Delivery(row.getDeliveryId(), row.getKind(),
                row.getAlertId() != null ? List.of(row.getAlertId()) : digestAlerts, row.getAudienceId(), row.getStep(),
                row.getRecipient(), row.getRole(), channel, shown(channel, row.getDestination()), row.getLevel(),
                status(row.getStatus()), row.getAttempts(),
                "queued".equals(row.getStatus()) ? row.getNextAttemptAt() : null, row.getLastStatusCode(),
                row.getLastErrorClass(), row.getLastError(), row.getProviderMessageId(), row.getCreatedAt(),
                row.getFinishedAt(), row.getResentBy(), row.getResentAt(), List.of());
    }

    /** The stored status in the API's words: the queue's {@code done} is delivered, {@code failed} dead. */
    public static String status(String stored) {
        return switch (stored) {
            case "done" -> "delivered";
            case "failed" -> "dead";
            default -> stored;
        };
    }

    /** The API's status as stored; null for a word that is no status. */
    public static String storedStatus(String shown) {
        return switch (shown) {
            case "delivered" -> "done";
            case "dead" -> "failed";
            case "queued", "running" -> shown;
            default -> null;
        };
    }

    /** The destination as shown: a webhook's scheme and host, the others as they are. */
    public static String shown(Channel channel, String destination) {
        if (channel != Channel.WEBHOOK) {
            return destination;
        }
        try {
            URI uri = new URI(destination);
            return uri.getRawAuthority() == null ? "webhook"
                    : uri.getScheme() + "://" + uri.getRawAuthority().replaceAll(".*@", "") + "/…";
        } catch (URISyntaxException e) {
            return "webhook";
        }
    }

    public Delivery withAttempts(List<DeliveryAttempt> all) {
        return new Delivery(id, kind, alerts, audience, step, recipient, role, channel, destination, level, status,
                attemptCount, dueAt, lastStatusCode, lastErrorClass, lastError, providerMessageId, createdAt,
                finishedAt, resentBy, resentAt, all);
    }
}
