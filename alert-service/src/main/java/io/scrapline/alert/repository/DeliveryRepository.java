package io.scrapline.alert.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.Channel;
import io.scrapline.alert.domain.DeliveryPlan;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliverySchedule.Decision;
import io.scrapline.alert.domain.DeliverySchedule.Outcome;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.NoticeJson;
import io.scrapline.alert.domain.StandardWebhooks;
import io.scrapline.alert.domain.WebhookFormat;
import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.JobQueue;
import io.scrapline.platform.job.JobQueue.Filter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deliveries of alerts, a {@link JobQueue} on {@code alert_deliveries}: opened with the alert, claimed by the
 * workers of every replica when due, and after each attempt delivered, queued again after a back-off, or dead. The
 * attempt is recorded in {@code alert_delivery_attempts} in the same transaction, and the alert log follows: an alert
 * is {@code sent} once one delivery of it is delivered, {@code failed} once all of them are dead.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** Earliest due first. */
    static final JobQueue QUEUE = new JobQueue("alert_deliveries", List.of("delivery_id"),
            "next_attempt_at, delivery_id");

    /** One recipient on one channel, and when and how the alert reaches them. */
    public record Opening(String recipient, String role, Channel channel, String destination, WebhookFormat format,
            String sealedSecret, DeliveryPlan plan) {
    }

    /**
     * A claim of a delivery: {@code attempts} is the claim's number, {@code attemptsBefore} those before its last
     * re-send, {@code firstDue} when it first came due (or was re-sent).
     */
    public record Claimed(long id, int attempts, int attemptsBefore, Instant firstDue, JobQueue.Claim claim) {

        /** The attempt's number since the delivery was queued or re-sent, from 1. */
        public int attemptSinceQueued() {
            return attempts - attemptsBefore;
        }
    }

    /** What to send: the channel and address, and the alert (a digest: the alerts) from their stored notices. */
    public record Content(String kind, Channel channel, String destination, WebhookFormat format, String sealedSecret,
            String messageId, Instant digestFrom, Instant digestUntil, ZoneId zone, List<Long> alerts,
            List<Notice> notices) {
    }

    /** Stores what the alert says, for its deliveries and escalation to read later; once per alert. */
    public Uni<Void> saveNotice(SqlConnection connection, long alertId, Notice notice, List<String> audiences,
            String policy) {
        return connection.preparedQuery("""
                INSERT INTO alert_notices (tenant_id, alert_id, level, audiences, policy_id, notice)
                VALUES (current_tenant(), $1, $2, $3, $4, $5::text::jsonb)
                ON CONFLICT (tenant_id, alert_id) DO NOTHING
                """)
                .execute(Tuple.tuple().addValue(alertId).addValue(notice.level().code())
                        .addValue(audiences.toArray(String[]::new)).addValue(policy).addValue(NoticeJson.write(notice)))
                .replaceWithVoid();
    }

    /** The alert's stored notice, if it has one. */
    public Uni<Optional<Notice>> notice(SqlConnection connection, long alertId) {
        return connection.preparedQuery("SELECT notice::text FROM alert_notices WHERE alert_id = $1")
                .execute(Tuple.of(alertId)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(NoticeJson.read(rows.iterator().next().getString(0))));
    }

    /**
     * Opens the alert's delivery to one recipient on one channel; nothing when the alert already has one to that
     * address on that channel. Its id when opened.
     */
    public Uni<Optional<Long>> openAlert(SqlConnection connection, long alertId, Notice notice, String audience,
            int step, Opening opening) {
        return connection.preparedQuery("""
                INSERT INTO alert_deliveries (tenant_id, kind, alert_id, audience_id, step, plant_ids, level, recipient,
                    role, channel, destination, webhook_format, webhook_secret, message_id, digest_zone,
                    next_attempt_at, first_due_at)
                VALUES (current_tenant(), 'alert', $1, $2, $3, ARRAY[$4], $5, $6, $7, $8, $9, $10, $11, $12, $13,
                    $14, $14)
                ON CONFLICT (tenant_id, alert_id, channel, destination) WHERE kind = 'alert' DO NOTHING
                RETURNING delivery_id
                """)
                .execute(Tuple.tuple().addValue(alertId).addValue(audience).addValue(step).addValue(notice.plant())
                        .addValue(notice.level().code()).addValue(opening.recipient()).addValue(opening.role())
                        .addValue(opening.channel().code()).addValue(opening.destination())
                        .addValue(opening.format() == null ? null : opening.format().code())
                        .addValue(opening.sealedSecret()).addValue(StandardWebhooks.newMessageId())
                        .addValue(opening.plan().zone().getId()).addValue(at(opening.plan().due())))
                .map(DeliveryRepository::id);
    }

    /**
     * Adds the alert to the recipient's digest of the hour on the channel, opening the digest if it is the hour's
     * first. Nothing when that digest is no longer queued (its hour has ended and a worker has it): the caller then
     * delivers the alert on its own.
     */
    public Uni<Optional<Long>> addToDigest(SqlConnection connection, long alertId, Notice notice, String audience,
            int step, Opening opening) {
        DeliveryPlan plan = opening.plan();
        return connection.preparedQuery("""
                INSERT INTO alert_deliveries (tenant_id, kind, plant_ids, level, recipient, role, channel, destination,
                    webhook_format, webhook_secret, message_id, digest_zone, digest_from, digest_until,
                    next_attempt_at, first_due_at)
                VALUES (current_tenant(), 'digest', ARRAY[$1], 'warning', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                    $12, $12)
                ON CONFLICT (tenant_id, channel, destination, digest_until) WHERE kind = 'digest'
                DO UPDATE SET plant_ids = (SELECT array_agg(DISTINCT p ORDER BY p)
                                           FROM unnest(alert_deliveries.plant_ids || excluded.plant_ids) AS p)
                WHERE alert_deliveries.status = 'queued'
                RETURNING delivery_id
                """).execute(Tuple.tuple().addValue(notice.plant()).addValue(opening.recipient())
                .addValue(opening.role()).addValue(opening.channel().code()).addValue(opening.destination())
                .addValue(opening.format() == null ? null : opening.format().code()).addValue(opening.sealedSecret())
                .addValue(StandardWebhooks.newMessageId()).addValue(plan.zone().getId()).addValue(at(plan.digestFrom()))
                .addValue(at(plan.digestUntil())).addValue(at(plan.due()))).map(DeliveryRepository::id)
                .chain(digest -> digest.isEmpty() ? Uni.createFrom().item(digest) : connection.preparedQuery("""
                        INSERT INTO alert_digest_alerts (tenant_id, delivery_id, alert_id, audience_id, step)
                        VALUES (current_tenant(), $1, $2, $3, $4) ON CONFLICT DO NOTHING
                        """).execute(Tuple.of(digest.get(), alertId, audience, step)).replaceWith(digest));
    }

    /**
     * Claims the earliest due delivery (of {@code alerts} only, unless null): queued and due, or running past its
     * lease. Deliveries another worker is claiming or attempting right now are skipped, not waited for.
     */
    public Uni<Optional<Claimed>> claim(SqlConnection connection, String worker, Duration lease, List<Long> alerts) {
        Filter filter = alerts == null ? Filter.NONE
                : new Filter("alert_id = ANY($1)", List.<Object> of((Object) alerts.toArray(Long[]::new)));
        return QUEUE.claim(connection, worker, lease, filter, "attempts_before, first_due_at")
                .map(claimed -> claimed.map(row -> new Claimed(row.getLong(0), row.getInteger(1), row.getInteger(2),
                        row.getOffsetDateTime(3).toInstant(), QUEUE.claimOf(row, worker))));
    }

    /** Locks the delivery for the attempt's transaction if the claim is still the worker's. */
    public Uni<Boolean> hold(SqlConnection connection, Claimed claimed) {
        return QUEUE.hold(connection, claimed.claim());
    }

    public Uni<Content> content(SqlConnection connection, long delivery) {
        Uni<Row> row = connection.preparedQuery("""
                SELECT kind, channel, destination, webhook_format, webhook_secret, message_id, digest_from,
                    digest_until, digest_zone
                FROM alert_deliveries WHERE delivery_id = $1
                """).execute(Tuple.of(delivery)).map(rows -> rows.iterator().next());
        Uni<List<Row>> notices = connection.preparedQuery("""
                SELECT alert_id, notice::text FROM alert_notices
                WHERE alert_id IN (SELECT alert_id FROM alert_deliveries WHERE delivery_id = $1 AND alert_id IS NOT NULL
                                   UNION SELECT alert_id FROM alert_digest_alerts WHERE delivery_id = $1)
                ORDER BY alert_id
                """).execute(Tuple.of(delivery)).map(rows -> {
            List<Row> all = new ArrayList<>();
            rows.forEach(all::add);
            return all;
        });
        return row.chain(r -> notices.map(
                n -> new Content(r.getString("kind"), Channel.of(r.getString("channel")), r.getString("destination"),
                        r.getString("webhook_format") == null ? null : WebhookFormat.of(r.getString("webhook_format")),
                        r.getString("webhook_secret"), r.getString("message_id"),
                        instant(r.getOffsetDateTime("digest_from")), instant(r.getOffsetDateTime("digest_until")),
                        r.getString("digest_zone") == null ? ZoneOffset.UTC : ZoneId.of(r.getString("digest_zone")),
                        n.stream().map(each -> each.getLong(0)).toList(),
                        n.stream().map(each -> NoticeJson.read(each.getString(1))).toList())));
    }

    /**
     * Records the attempt and ends it as {@code decision} says: delivered, queued again {@code wait} from now, or dead;
     * and brings the alerts' log up to date.
     */
    public Uni<Void> record(SqlConnection connection, Claimed claimed, Instant startedAt, DeliveryResult result,
            Decision decision, Duration wait, List<Long> alerts) {
        Outcome outcome = decision.outcome();
        long waitMillis = outcome == Outcome.RETRY ? wait.toMillis() : 0;
        Uni<Void> attempt = connection.preparedQuery("""
                INSERT INTO alert_delivery_attempts (tenant_id, delivery_id, attempt, worker, started_at, result,
                    status_code, provider_message_id, error_class, summary, outcome, next_attempt_at)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                    CASE WHEN $10 = 'retry' THEN now() + $11 * interval '1 millisecond' END)
                """)
                .execute(Tuple.tuple().addValue(claimed.id()).addValue(claimed.attempts())
                        .addValue(claimed.claim().worker()).addValue(at(startedAt)).addValue(result.status().code())
                        .addValue(result.statusCode()).addValue(result.providerMessageId())
                        .addValue(result.errorClass() == null ? null : result.errorClass().code())
                        .addValue(result.summary()).addValue(outcome.code()).addValue(waitMillis))
                .replaceWithVoid();
        Uni<?> queue = switch (outcome) {
            case DELIVERED -> QUEUE.complete(connection, claimed.claim());
            case RETRY -> QUEUE.fail(connection, claimed.claim(), result.summary(), Integer.MAX_VALUE,
                    new Backoff(wait, wait));
            case DEAD -> QUEUE.fail(connection, claimed.claim(), result.summary(), claimed.attempts(), Backoff.NONE);
        };
        return attempt.chain(() -> queue)
                .chain(() -> connection.preparedQuery("""
                        UPDATE alert_deliveries SET last_status_code = $2, last_error_class = $3,
                            provider_message_id = coalesce($4, provider_message_id),
                            last_error = CASE WHEN status = 'done' THEN NULL ELSE last_error END,
                            webhook_secret = CASE WHEN status = 'done' THEN NULL ELSE webhook_secret END
                        WHERE delivery_id = $1
                        """).execute(Tuple.of(claimed.id(), result.statusCode(),
                        result.errorClass() == null ? null : result.errorClass().code(), result.providerMessageId())))
                .chain(() -> updateLog(connection, alerts, claimed.attempts(), result, outcome));
    }

    /**
     * An alert is sent once one of its deliveries is delivered, failed once all of them are dead; an alert in another
     * state (acknowledged) keeps it. Its attempts are the most any of its deliveries took.
     */
    private static Uni<Void> updateLog(SqlConnection connection, List<Long> alerts, int attempt, DeliveryResult result,
            Outcome outcome) {
        return connection.preparedQuery("""
                UPDATE alert_log l SET attempts = greatest(l.attempts, $2),
                    status = CASE WHEN l.status NOT IN ('pending', 'failed') THEN l.status
                                  WHEN $3 = 'delivered' THEN 'sent'
                                  WHEN $3 = 'dead' AND NOT EXISTS (
                                      SELECT 1 FROM alert_deliveries d
                                      WHERE d.status <> 'failed' AND (d.alert_id = l.alert_id OR d.delivery_id IN (
                                          SELECT g.delivery_id FROM alert_digest_alerts g
                                          WHERE g.alert_id = l.alert_id))) THEN 'failed'
                                  ELSE l.status END,
                    sent_at = CASE WHEN $3 = 'delivered' THEN coalesce(l.sent_at, now()) ELSE l.sent_at END,
                    last_error = CASE WHEN l.status NOT IN ('pending', 'failed') THEN l.last_error
                                      WHEN $3 = 'delivered' THEN NULL ELSE $4 END
                WHERE l.alert_id = ANY($1)
                """).execute(Tuple.of(alerts.toArray(Long[]::new), attempt, outcome.code(), result.summary()))
                .replaceWithVoid();
    }

    /**
     * Seals again, with {@code reseal}, the webhook secrets of the deliveries not yet delivered; those a worker is
     * attempting now are left for the next round. Returns how many changed.
     */
    public Uni<Integer> resealSecrets(SqlConnection connection, UnaryOperator<String> reseal) {
        return connection.query("""
                SELECT delivery_id, webhook_secret FROM alert_deliveries WHERE webhook_secret IS NOT NULL
                FOR UPDATE SKIP LOCKED
                """).execute().chain(rows -> {
            List<Tuple> changed = new ArrayList<>();
            for (Row row : rows) {
                String sealed = reseal.apply(row.getString(1));
                if (!sealed.equals(row.getString(1))) {
                    changed.add(Tuple.of(row.getLong(0), sealed));
                }
            }
            return changed.isEmpty() ? Uni.createFrom().item(0)
                    : connection.preparedQuery("UPDATE alert_deliveries SET webhook_secret = $2 WHERE delivery_id = $1")
                            .executeBatch(changed).replaceWith(changed.size());
        });
    }

    private static Optional<Long> id(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
