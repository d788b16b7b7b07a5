package io.scrapline.alert.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertState;
import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy.Step;
import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.JobQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The escalation timers, a {@link JobQueue} on {@code alert_escalations} (one per alert, due when its next step's delay
 * has passed, claimed once in the cluster), and the acknowledgements and resolutions that stop them.
 */
@ApplicationScoped
public class EscalationRepository {

    static final JobQueue QUEUE = new JobQueue("alert_escalations", List.of("alert_id"), "next_attempt_at, alert_id");

    /** A claimed timer: the alert, the policy's steps as the alert opened, and the step (from 1) it opens. */
    public record Timer(long alertId, String policy, List<Step> steps, int nextStep, JobQueue.Claim claim) {
    }

    /** Queues the alert's timer for {@code step} (from 1), due at {@code due}. */
    public Uni<Void> schedule(SqlConnection connection, long alertId, EscalationPolicy policy, int step, Instant due) {
        return connection.preparedQuery("""
                INSERT INTO alert_escalations (tenant_id, alert_id, policy_id, steps, next_step, next_attempt_at)
                VALUES (current_tenant(), $1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
                """).execute(Tuple.of(alertId, policy.id(), PolicyRepository.steps(policy.steps()), step,
                due.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Claims the earliest due timer, or one whose worker's lease ran out. */
    public Uni<Optional<Timer>> claim(SqlConnection connection, String worker, Duration lease) {
        return QUEUE.claim(connection, worker, lease, JobQueue.Filter.NONE, "policy_id, steps, next_step")
                .map(claimed -> claimed.map(row -> new Timer(row.getLong(0), row.getString(2),
                        PolicyRepository.steps((JsonArray) row.getValue(3)), row.getInteger(4),
                        QUEUE.claimOf(row, worker))));
    }

    public Uni<Boolean> hold(SqlConnection connection, Timer timer) {
        return QUEUE.hold(connection, timer.claim());
    }

    /** Queues the held timer again for {@code step}, due at {@code due}. */
    public Uni<Void> advance(SqlConnection connection, Timer timer, int step, Instant due) {
        return connection.preparedQuery("""
                UPDATE alert_escalations SET status = 'queued', next_step = $2, next_attempt_at = $3,
                    lease_until = NULL
                WHERE alert_id = $1
                """).execute(Tuple.of(timer.alertId(), step, due.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Ends the held timer: {@code acknowledged}, {@code resolved} or {@code last_step}. */
    public Uni<Void> stop(SqlConnection connection, Timer timer, String why) {
        return QUEUE.complete(connection, timer.claim())
                .chain(() -> connection.preparedQuery("UPDATE alert_escalations SET stopped = $2 WHERE alert_id = $1")
                        .execute(Tuple.of(timer.alertId(), why)))
                .replaceWithVoid();
    }

    /** A timer whose step could not be opened tries again after the back-off. */
    public Uni<Void> fail(SqlConnection connection, Timer timer, String error, int maxAttempts, Backoff backoff) {
        return QUEUE.fail(connection, timer.claim(), error, maxAttempts, backoff).replaceWithVoid();
    }

    /** Stops the alert's timer unless a worker has it now (that worker then finds why and stops it itself). */
    public Uni<Void> stopWaiting(SqlConnection connection, long alertId, String why) {
        return connection.preparedQuery("""
                UPDATE alert_escalations SET status = 'done', stopped = $2, finished_at = now(), next_attempt_at = NULL
                WHERE alert_id = $1 AND status = 'queued'
                """).execute(Tuple.of(alertId, why)).replaceWithVoid();
    }

    /** Why the alert's escalation is to stop: {@code resolved}, {@code acknowledged}, or nothing. */
    public Uni<Optional<String>> stopReason(SqlConnection connection, long alertId) {
        return connection.preparedQuery("""
                SELECT action FROM alert_acknowledgements WHERE alert_id = $1 ORDER BY action DESC LIMIT 1
                """).execute(Tuple.of(alertId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /**
     * Records that {@code actor} acknowledged or resolved the alert; whether this was the first time (a second
     * acknowledgement keeps the first's who, when and comment).
     */
    public Uni<Boolean> respond(SqlConnection connection, long alertId, String action, String actor, String comment) {
        return connection.preparedQuery("""
                INSERT INTO alert_acknowledgements (tenant_id, alert_id, action, actor, comment)
                VALUES (current_tenant(), $1, $2, $3, $4) ON CONFLICT DO NOTHING
                """).execute(Tuple.of(alertId, action, actor, comment)).map(rows -> rows.rowCount() == 1);
    }

    /** Whether the alert is one of {@code plants} (every plant when empty), locked until the transaction ends. */
    public Uni<Boolean> lockAlert(SqlConnection connection, long alertId, String[] plants) {
        return connection.preparedQuery("""
                SELECT 1 FROM alert_log WHERE alert_id = $1 AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                FOR UPDATE
                """).execute(Tuple.of(alertId, plants)).map(rows -> rows.size() == 1);
    }

    /** The alert's level, acknowledgement, resolution and escalation, for {@link AlertState}. */
    public Uni<Responses> responses(SqlConnection connection, long alertId) {
        return connection.preparedQuery("""
                SELECT (SELECT level FROM alert_notices WHERE alert_id = $1) AS level,
                    a.actor AS ack_by, a.at AS ack_at, a.comment AS ack_comment,
                    r.actor AS res_by, r.at AS res_at, r.comment AS res_comment,
                    e.policy_id, jsonb_array_length(e.steps) AS steps, e.next_step, e.status, e.next_attempt_at,
                    e.stopped, e.last_error
                FROM (SELECT $1::bigint AS alert_id) x
                LEFT JOIN alert_acknowledgements a ON a.alert_id = x.alert_id AND a.action = 'acknowledged'
                LEFT JOIN alert_acknowledgements r ON r.alert_id = x.alert_id AND r.action = 'resolved'
                LEFT JOIN alert_escalations e ON e.alert_id = x.alert_id
                """).execute(Tuple.of(alertId)).map(rows -> responses(rows.iterator().next()));
    }

    /** What {@link #responses} reads. */
    public record Responses(String level, AlertState.Response acknowledged, AlertState.Response resolved,
            AlertState.Escalation escalation) {
    }

    private static Responses responses(Row row) {
        AlertState.Response acknowledged = row.getString("ack_by") == null ? null
                : new AlertState.Response(row.getString("ack_by"), row.getOffsetDateTime("ack_at"),
                        row.getString("ack_comment"));
        AlertState.Response resolved = row.getString("res_by") == null ? null
                : new AlertState.Response(row.getString("res_by"), row.getOffsetDateTime("res_at"),
                        row.getString("res_comment"));
        AlertState.Escalation escalation = null;
        if (row.getString("policy_id") != null) {
            String status = switch (row.getString("status")) {
                case "queued" -> "waiting";
                case "done" -> "stopped";
                default -> row.getString("status");
            };
            boolean waiting = "waiting".equals(status) || "running".equals(status);
            escalation = new AlertState.Escalation(row.getString("policy_id"), row.getInteger("steps"),
                    waiting ? row.getInteger("next_step") : null, status,
                    "waiting".equals(status) ? row.getOffsetDateTime("next_attempt_at") : null,
                    row.getString("stopped"), row.getString("last_error"));
        }
        return new Responses(row.getString("level"), acknowledged, resolved, escalation);
    }
}
