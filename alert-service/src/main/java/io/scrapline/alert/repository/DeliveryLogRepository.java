package io.scrapline.alert.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.Channel;
import io.scrapline.alert.domain.Delivery;
import io.scrapline.alert.domain.DeliveryAttempt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deliveries as people read them: listed with filters, one with its attempts, and a dead one queued again. Every
 * read is of the plants given (every plant when none): a digest is one of them only if all its alerts are.
 */
@ApplicationScoped
public class DeliveryLogRepository {

    private static final String COLUMNS = """
            d.delivery_id, d.kind, d.alert_id, d.audience_id, d.step, d.recipient, d.role, d.channel, d.destination,
            d.level, d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error_class, d.last_error,
            d.provider_message_id, d.created_at, d.finished_at, d.resent_by, d.resent_at,
            array(SELECT g.alert_id FROM alert_digest_alerts g WHERE g.delivery_id = d.delivery_id
                  ORDER BY g.alert_id) AS digest_alerts
            """;

    /** What a re-send found: the delivery queued again, none in scope, or one that is not dead. */
    public enum Resent {
        QUEUED, NOT_FOUND, NOT_DEAD
    }

    /**
     * The deliveries, newest first, narrowed by stored status, alert and channel when given.
     *
     * @param page
     *            from 0
     */
    public Uni<List<Delivery>> list(SqlConnection connection, String status, Long alert, String channel,
            String[] plants, int page, int size) {
        return connection.preparedQuery("SELECT " + COLUMNS + """
                FROM alert_deliveries d
                WHERE ($1::text IS NULL OR d.status = $1)
                  AND ($2::bigint IS NULL OR d.alert_id = $2 OR EXISTS (
                      SELECT 1 FROM alert_digest_alerts g WHERE g.delivery_id = d.delivery_id AND g.alert_id = $2))
                  AND ($3::text IS NULL OR d.channel = $3)
                  AND (cardinality($4::text[]) = 0 OR d.plant_ids <@ $4)
                ORDER BY d.delivery_id DESC
                LIMIT $5 OFFSET $6
                """).execute(Tuple.tuple().addValue(status).addValue(alert).addValue(channel).addValue(plants)
                .addValue(size).addValue((long) page * size)).map(rows -> {
                    List<Delivery> deliveries = new ArrayList<>();
                    rows.forEach(row -> deliveries.add(delivery(row)));
                    return deliveries;
                });
    }

    /** The delivery with its attempts, oldest first. */
    public Uni<Optional<Delivery>> get(SqlConnection connection, long id, String[] plants) {
        return connection.preparedQuery("SELECT " + COLUMNS + """
                FROM alert_deliveries d
                WHERE d.delivery_id = $1 AND (cardinality($2::text[]) = 0 OR d.plant_ids <@ $2)
                """).execute(Tuple.of(id, plants)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<Delivery> empty());
            }
            Delivery delivery = delivery(rows.iterator().next());
            return attempts(connection, id).map(attempts -> Optional.of(delivery.withAttempts(attempts)));
        });
    }

    private static Uni<List<DeliveryAttempt>> attempts(SqlConnection connection, long id) {
        return connection.preparedQuery("""
                SELECT attempt, started_at, finished_at, result, status_code, provider_message_id, error_class,
                    summary, outcome, next_attempt_at
                FROM alert_delivery_attempts WHERE delivery_id = $1 ORDER BY attempt
                """).execute(Tuple.of(id)).map(rows -> {
            List<DeliveryAttempt> attempts = new ArrayList<>();
            for (Row row : rows) {
                attempts.add(new DeliveryAttempt(row.getInteger("attempt"), row.getOffsetDateTime("started_at"),
                        row.getOffsetDateTime("finished_at"), row.getString("result"), row.getInteger("status_code"),
                        row.getString("provider_message_id"), row.getString("error_class"), row.getString("summary"),
                        row.getString("outcome"), row.getOffsetDateTime("next_attempt_at")));
            }
            return attempts;
        });
    }

    /**
     * Queues a dead delivery again, due now, its give-up clock and back-off started over; it keeps its message id, so a
     * webhook receiver can tell it from a new message.
     */
    public Uni<Resent> resend(SqlConnection connection, long id, String[] plants, String by) {
        return connection.preparedQuery("""
                UPDATE alert_deliveries SET status = 'queued', next_attempt_at = now(), first_due_at = now(),
                    attempts_before = attempts, lease_until = NULL, finished_at = NULL, resent_by = $3,
                    resent_at = now()
                WHERE delivery_id = $1 AND status = 'failed' AND (cardinality($2::text[]) = 0 OR plant_ids <@ $2)
                """).execute(Tuple.of(id, plants, by))
                .chain(updated -> updated.rowCount() == 1 ? Uni.createFrom().item(Resent.QUEUED)
                        : connection.preparedQuery("""
                                SELECT 1 FROM alert_deliveries
                                WHERE delivery_id = $1 AND (cardinality($2::text[]) = 0 OR plant_ids <@ $2)
                                """).execute(Tuple.of(id, plants))
                                .map(found -> found.size() == 0 ? Resent.NOT_FOUND : Resent.NOT_DEAD));
    }

    /** The deliveries of an alert: its own and the digests that hold it, oldest first. */
    public Uni<List<Delivery>> ofAlert(SqlConnection connection, long alert) {
        return connection.preparedQuery("SELECT " + COLUMNS + """
                FROM alert_deliveries d
                WHERE d.alert_id = $1 OR d.delivery_id IN (
                    SELECT g.delivery_id FROM alert_digest_alerts g WHERE g.alert_id = $1)
                ORDER BY d.delivery_id
                """).execute(Tuple.of(alert)).map(rows -> {
            List<Delivery> deliveries = new ArrayList<>();
            rows.forEach(row -> deliveries.add(delivery(row)));
            return deliveries;
        });
    }

    private static Delivery delivery(Row row) {
        Channel channel = Channel.of(row.getString("channel"));
        Long alert = row.getLong("alert_id");
        List<Long> alerts = alert != null ? List.of(alert) : Arrays.asList(row.getArrayOfLongs("digest_alerts"));
        return new Delivery(row.getLong("delivery_id"), row.getString("kind"), alerts, row.getString("audience_id"),
                row.getInteger("step"), row.getString("recipient"), row.getString("role"), channel,
                Delivery.shown(channel, row.getString("destination")), row.getString("level"),
                Delivery.status(row.getString("status")), row.getInteger("attempts"),
                "queued".equals(row.getString("status")) ? row.getOffsetDateTime("next_attempt_at") : null,
                row.getInteger("last_status_code"), row.getString("last_error_class"), row.getString("last_error"),
                row.getString("provider_message_id"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("finished_at"), row.getString("resent_by"), row.getOffsetDateTime("resent_at"),
                List.of());
    }
}
