package io.scrapline.reporting.repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The period-close job table (architecture.md, "Month-end at scale"). A claim is a short transaction that marks a job
 * running with a lease; the close itself then re-locks the job and checks the claim is still this worker's.
 */
@ApplicationScoped
public class PeriodCloseRepository {

    /** A claimed job: {@code attempts} counts this claim and identifies it. */
    public record Job(String plant, String period, int attempts, String requestedBy) {
    }

    /** A job's state, for the caller who asked for the close. */
    public record State(String status, int attempts, String claimedBy, String lastError) {
    }

    /** Queues the close unless it is queued, running or done already; a failed close asked for again starts over. */
    public Uni<Void> enqueue(SqlConnection connection, String plant, String period, String requestedBy) {
        return connection.preparedQuery("""
                INSERT INTO period_close_jobs (tenant_id, plant_id, period, requested_by)
                VALUES (current_tenant(), $1, $2, $3)
                ON CONFLICT (tenant_id, plant_id, period) DO UPDATE
                SET status = 'queued', attempts = 0, claimed_by = NULL, last_error = NULL, lease_until = NULL,
                    finished_at = NULL, requested_by = excluded.requested_by, created_at = now()
                WHERE period_close_jobs.status = 'failed'
                """).execute(Tuple.of(plant, period, requestedBy)).replaceWithVoid();
    }

    /** Queues the schedule's closes of plant-periods not yet closed nor queued; returns how many it queued. */
    public Uni<Integer> enqueueDue(SqlConnection connection, List<String> plants, List<String> periods) {
        return connection.preparedQuery("""
                INSERT INTO period_close_jobs (tenant_id, plant_id, period, requested_by)
                SELECT current_tenant(), u.plant, u.period, 'schedule'
                FROM unnest($1::text[], $2::text[]) AS u(plant, period)
                WHERE NOT EXISTS (SELECT 1 FROM closed_periods c WHERE c.plant_id = u.plant AND c.period = u.period)
                ON CONFLICT (tenant_id, plant_id, period) DO NOTHING
                """).execute(Tuple.of(plants.toArray(String[]::new), periods.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Claims the oldest claimable job of the tenant (or the named plant-period's, when {@code plant} is not null):
     * queued, or running past its lease. Jobs another transaction is claiming right now are skipped, not waited for.
     */
    public Uni<Optional<Job>> claim(SqlConnection connection, String worker, Duration lease, String plant,
            String period) {
        return connection.preparedQuery("""
                UPDATE period_close_jobs
                SET status = 'running', attempts = attempts + 1, claimed_by = $1, claimed_at = now(),
                    lease_until = now() + $2 * interval '1 second'
                -- A scalar subquery runs once; as a joined FROM item it could be re-run per row and claim several.
                WHERE (plant_id, period) = (
                    SELECT plant_id, period FROM period_close_jobs
                    WHERE (status = 'queued' OR (status = 'running' AND lease_until < now()))
                      AND ($3::text IS NULL OR (plant_id = $3 AND period = $4))
                    ORDER BY created_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING plant_id, period, attempts, requested_by
                """).execute(Tuple.of(worker, lease.toSeconds(), plant, period)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Job(row.getString(0), row.getString(1), row.getInteger(2), row.getString(3)));
        });
    }

    /**
     * Locks the job for the close's transaction if the claim is still {@code worker}'s; false if its lease ran out and
     * another worker claimed it since.
     */
    public Uni<Boolean> holdClaim(SqlConnection connection, Job job, String worker) {
        return connection.preparedQuery("""
                SELECT 1 FROM period_close_jobs
                WHERE plant_id = $1 AND period = $2 AND status = 'running' AND claimed_by = $3 AND attempts = $4
                FOR UPDATE
                """).execute(Tuple.of(job.plant(), job.period(), worker, job.attempts())).map(rows -> rows.size() == 1);
    }

    public Uni<Void> done(SqlConnection connection, Job job) {
        return connection.preparedQuery("""
                UPDATE period_close_jobs SET status = 'done', finished_at = now(), lease_until = NULL
                WHERE plant_id = $1 AND period = $2
                """).execute(Tuple.of(job.plant(), job.period())).replaceWithVoid();
    }

    /** Back to the queue after a failed attempt, or failed for good after {@code maxAttempts}. */
    public Uni<Void> failed(SqlConnection connection, Job job, String worker, String error, int maxAttempts) {
        return connection.preparedQuery("""
                UPDATE period_close_jobs
                SET status = CASE WHEN attempts >= $5 THEN 'failed' ELSE 'queued' END, last_error = $4,
                    lease_until = NULL, finished_at = CASE WHEN attempts >= $5 THEN now() END
                WHERE plant_id = $1 AND period = $2 AND status = 'running' AND claimed_by = $3 AND attempts = $6
                """).execute(Tuple.of(job.plant(), job.period(), worker, error, maxAttempts, job.attempts()))
                .replaceWithVoid();
    }

    public Uni<Optional<State>> state(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT status, attempts, claimed_by, last_error FROM period_close_jobs
                WHERE plant_id = $1 AND period = $2
                """).execute(Tuple.of(plant, period)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new State(row.getString(0), row.getInteger(1), row.getString(2), row.getString(3)));
        });
    }
}
