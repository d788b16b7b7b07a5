package io.scrapline.reporting.repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.JobQueue;
import io.scrapline.platform.job.JobQueue.Filter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The period-close job table (architecture.md, "Month-end at scale"), a {@link JobQueue}: a claim is a short
 * transaction that marks a job running with a lease; the close itself then holds the claim, re-locking the job and
 * checking the claim is still this worker's.
 */
@ApplicationScoped
public class PeriodCloseRepository {

    /** The close jobs, oldest first, on the platform's leased job queue. */
    private static final JobQueue QUEUE = new JobQueue("period_close_jobs", List.of("plant_id", "period"),
            "created_at");

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
                    finished_at = NULL, next_attempt_at = NULL, requested_by = excluded.requested_by, created_at = now()
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
        Filter filter = plant == null ? Filter.NONE
                : new Filter("plant_id = $1 AND period = $2", List.of(plant, period));
        return QUEUE.claim(connection, worker, lease, filter, "requested_by").map(claimed -> claimed
                .map(row -> new Job(row.getString(0), row.getString(1), row.getInteger(2), row.getString(3))));
    }

    /**
     * Locks the job for the close's transaction if the claim is still {@code worker}'s; false if its lease ran out and
     * another worker claimed it since.
     */
    public Uni<Boolean> holdClaim(SqlConnection connection, Job job, String worker) {
        return QUEUE.hold(connection, claim(job, worker));
    }

    public Uni<Void> done(SqlConnection connection, Job job, String worker) {
        return QUEUE.complete(connection, claim(job, worker)).replaceWithVoid();
    }

    /**
     * Back to the queue after a failed attempt, due again after {@code backoff} (a close fails on data that a later
     * attempt may find put right), or failed for good after {@code maxAttempts}.
     */
    public Uni<Void> failed(SqlConnection connection, Job job, String worker, String error, int maxAttempts,
            Backoff backoff) {
        return QUEUE.fail(connection, claim(job, worker), error, maxAttempts, backoff).replaceWithVoid();
    }

    private static JobQueue.Claim claim(Job job, String worker) {
        return new JobQueue.Claim(List.of(job.plant(), job.period()), worker, job.attempts());
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
