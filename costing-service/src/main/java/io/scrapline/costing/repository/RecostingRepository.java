package io.scrapline.costing.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CurrentEvent;
import io.scrapline.costing.domain.PlantPeriod;
import io.scrapline.costing.domain.RecostingJob;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.JobQueue;
import io.scrapline.platform.job.JobQueue.Filter;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The re-costing job tables (architecture.md, "Month-end at scale"). A job is split into parts by the replica that
 * claims it; a part's claim is a short transaction that marks it running with a lease, and the re-cost itself re-locks
 * the part and checks the claim is still this worker's, as period-close jobs do.
 */
@ApplicationScoped
public class RecostingRepository {

    /** The parts of the jobs, first parts of every job first, on the platform's leased job queue. */
    private static final JobQueue PARTS = new JobQueue("recosting_job_parts", List.of("job_id", "part"),
            "part, job_id");

    /** A claimed part: its event range; {@code attempts} counts this claim and identifies it. */
    public record Part(long jobId, int part, String plant, String period, long firstEventId, long lastEventId,
            int attempts) {
    }

    private static final String JOB_COLUMNS = """
            job_id, plant_id, period, reason, status, total_events, done_events, parts, done_parts, requested_by,
            claimed_by, last_error, created_at, started_at, finished_at""";

    /**
     * Queues a re-cost of the plant-period unless one is queued already (then that one stands: it will re-cost with the
     * data in force when it runs); returns the queued job's id.
     */
    public Uni<Long> enqueue(SqlConnection connection, String plant, String period, String reason, String requestedBy) {
        return connection.preparedQuery("""
                WITH added AS (
                    INSERT INTO recosting_jobs (tenant_id, plant_id, period, reason, requested_by)
                    VALUES (current_tenant(), $1, $2, $3, $4)
                    ON CONFLICT (tenant_id, plant_id, period) WHERE status = 'queued' DO NOTHING
                    RETURNING job_id)
                SELECT job_id FROM added
                UNION ALL
                SELECT job_id FROM recosting_jobs WHERE plant_id = $1 AND period = $2 AND status = 'queued'
                LIMIT 1
                """).execute(Tuple.of(plant, period, reason, requestedBy))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Queues a re-cost of every open plant-period that has costed events; returns how many it queued. The rollups name
     * them without reading the events.
     */
    public Uni<Integer> enqueueOpenPeriods(SqlConnection connection, String reason, String requestedBy) {
        return connection.preparedQuery("""
                INSERT INTO recosting_jobs (tenant_id, plant_id, period, reason, requested_by)
                SELECT DISTINCT current_tenant(), r.plant_id, r.period, $1, $2 FROM cost_rollups r
                WHERE r.events > 0
                  AND NOT EXISTS (SELECT 1 FROM closed_periods c WHERE c.plant_id = r.plant_id AND c.period = r.period)
                ON CONFLICT (tenant_id, plant_id, period) WHERE status = 'queued' DO NOTHING
                """).execute(Tuple.of(reason, requestedBy)).map(RowSet::rowCount);
    }

    /**
     * Queues a re-cost of the open plant-periods whose current events were valued with a cost-roll line that has a
     * newer version now (a restated cost roll: the same part, plant, operation and effective date sent again with other
     * figures), and records those lines as seen; returns how many jobs it queued.
     */
    public Uni<Integer> enqueueRestatedCostRolls(SqlConnection connection) {
        return connection.query("""
                WITH restated AS (
                    INSERT INTO cost_roll_restatements (tenant_id, record_id)
                    SELECT s.tenant_id, s.record_id FROM standard_cost_records s
                    WHERE s.version > 1
                      AND NOT EXISTS (SELECT 1 FROM cost_roll_restatements r WHERE r.tenant_id = s.tenant_id
                                      AND r.record_id = s.record_id)
                    ON CONFLICT DO NOTHING
                    RETURNING record_id),
                affected AS (
                    SELECT DISTINCT e.plant_id, e.period, s.part, s.effective_from
                    FROM restated r
                    JOIN standard_cost_records s ON s.record_id = r.record_id
                    JOIN costed_events e ON e.plant_id = s.plant_id AND e.part = s.part
                         AND e.cost_roll_effective_from = s.effective_from AND NOT e.superseded
                    WHERE NOT EXISTS (SELECT 1 FROM closed_periods c WHERE c.plant_id = e.plant_id
                                      AND c.period = e.period))
                INSERT INTO recosting_jobs (tenant_id, plant_id, period, reason, requested_by)
                SELECT DISTINCT ON (plant_id, period) current_tenant(), plant_id, period,
                    'cost roll of part ' || part || ' effective ' || effective_from || ' restated', 'costing'
                FROM affected
                ORDER BY plant_id, period, part, effective_from
                ON CONFLICT (tenant_id, plant_id, period) WHERE status = 'queued' DO NOTHING
                """).execute().map(RowSet::rowCount);
    }

    /**
     * Claims the oldest queued job and splits it into parts of at most {@code partSize} current events, by event id, in
     * the claim's transaction; returns the job, or nothing when none is queued. A job without events is done at once.
     */
    public Uni<Optional<Long>> claimAndSplit(SqlConnection connection, String worker, int partSize) {
        return connection.preparedQuery("""
                UPDATE recosting_jobs SET status = 'running', claimed_by = $1, started_at = now()
                -- A scalar subquery runs once; as a joined FROM item it could be re-run per row and claim several.
                WHERE job_id = (SELECT job_id FROM recosting_jobs WHERE status = 'queued' ORDER BY job_id LIMIT 1
                                FOR UPDATE SKIP LOCKED)
                RETURNING job_id, plant_id, period
                """).execute(Tuple.of(worker)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.empty());
            }
            Row job = rows.iterator().next();
            long jobId = job.getLong("job_id");
            return connection.preparedQuery("""
                    WITH events AS (
                        SELECT event_id, (row_number() OVER (ORDER BY event_id) - 1) / $4 AS part
                        FROM costed_events
                        WHERE plant_id = $2 AND period = $3 AND NOT superseded AND record_id IS NOT NULL),
                    parts AS (
                        INSERT INTO recosting_job_parts (tenant_id, job_id, part, first_event_id, last_event_id, events)
                        SELECT current_tenant(), $1, part, min(event_id), max(event_id), count(*)
                        FROM events GROUP BY part
                        RETURNING events)
                    UPDATE recosting_jobs j
                    SET parts = p.parts, total_events = p.total,
                        status = CASE WHEN p.parts = 0 THEN 'done' ELSE 'running' END,
                        finished_at = CASE WHEN p.parts = 0 THEN now() END
                    FROM (SELECT count(*)::int AS parts, coalesce(sum(events), 0) AS total FROM parts) p
                    WHERE j.job_id = $1
                    """).execute(Tuple.of(jobId, job.getString("plant_id"), job.getString("period"), (long) partSize))
                    .replaceWith(Optional.of(jobId));
        });
    }

    /**
     * Claims the first claimable part of the tenant's jobs: queued, or running past its lease. Parts another
     * transaction is claiming right now are skipped, not waited for. The first parts of every job go first, so that
     * parts worked on side by side are of different plant-periods and add to different rollups.
     */
    public Uni<Optional<Part>> claimPart(SqlConnection connection, String worker, Duration lease) {
        return PARTS.claim(connection, worker, lease, Filter.NONE, """
                (SELECT j.plant_id FROM recosting_jobs j WHERE j.job_id = recosting_job_parts.job_id),
                (SELECT j.period FROM recosting_jobs j WHERE j.job_id = recosting_job_parts.job_id),
                first_event_id, last_event_id""")
                .map(claimed -> claimed.map(row -> new Part(row.getLong(0), row.getInteger(1), row.getString(3),
                        row.getString(4), row.getLong(5), row.getLong(6), row.getInteger(2))));
    }

    /**
     * Locks the part for the re-cost's transaction if the claim is still {@code worker}'s; false if its lease ran out
     * and another worker claimed it since.
     */
    public Uni<Boolean> holdClaim(SqlConnection connection, Part part, String worker) {
        return PARTS.hold(connection, claim(part, worker));
    }

    private static JobQueue.Claim claim(Part part, String worker) {
        return new JobQueue.Claim(List.of(part.jobId(), part.part()), worker, part.attempts());
    }

    /**
     * The part's current events of defect records, in record order. They are not locked: the part's claim keeps other
     * parts off them, and what a costing run may do to one meanwhile (supersede it) the revision checks again.
     */
    public Uni<List<CurrentEvent>> currentEvents(SqlConnection connection, Part part) {
        return connection.preparedQuery("""
                SELECT e.event_id, e.record_id, e.plant_id, e.period, e.line_id, e.work_center_id, e.defect_code,
                    e.shift, e.cost_type, e.coq_class, e.amount, e.recoverable_amount, e.exposure_amount, e.quantity,
                    e.unit_value, e.part, coalesce(e.event_period, e.period) AS event_period, e.schema_version,
                    e.ncr_record_id, e.work_order_record_id, e.cost_roll_record_ids,
                    CASE WHEN e.cost_type = 'rework' THEN ARRAY(SELECT c.labor_record_id FROM costed_labor c
                        WHERE c.tenant_id = e.tenant_id AND c.event_id = e.event_id ORDER BY 1) END AS labor_ids
                FROM costed_events e
                WHERE e.plant_id = $1 AND e.period = $2 AND e.event_id BETWEEN $3 AND $4 AND NOT e.superseded
                  AND e.record_id IS NOT NULL
                ORDER BY e.record_id
                """).execute(Tuple.of(part.plant(), part.period(), part.firstEventId(), part.lastEventId()))
                .map(rows -> {
                    List<CurrentEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        // By position: a part reads thousands of rows.
                        Long[] costRoll = row.getArrayOfLongs(20);
                        Long[] labor = row.getArrayOfLongs(21);
                        events.add(new CurrentEvent(row.getLong(0), row.getLong(1),
                                new RollupDelta.Key(row.getString(2), row.getString(3), row.getString(4),
                                        row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                                        row.getString(9)),
                                row.getBigDecimal(10), row.getBigDecimal(11), row.getBigDecimal(12),
                                row.getBigDecimal(13), row.getBigDecimal(14), row.getString(15), row.getString(16),
                                row.getInteger(17), row.getLong(18), row.getLong(19),
                                costRoll == null ? List.of() : List.of(costRoll),
                                labor == null ? List.of() : List.of(labor)));
                    }
                    return events;
                });
    }

    /** Marks the part done and adds it to its job's progress; the job is done with its last part. */
    public Uni<Void> partDone(SqlConnection connection, Part part, String worker, int recosted) {
        return PARTS.complete(connection, claim(part, worker))
                .chain(done -> !done ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery(
                                        """
                                                WITH done AS (
                                                    UPDATE recosting_job_parts SET recosted = $3 WHERE job_id = $1 AND part = $2)
                                                UPDATE recosting_jobs
                                                SET done_events = done_events + $3, done_parts = done_parts + 1,
                                                    status = CASE WHEN done_parts + 1 = parts AND status = 'running' THEN 'done' ELSE status END,
                                                    finished_at = CASE WHEN done_parts + 1 = parts AND status = 'running'
                                                                       THEN clock_timestamp() END
                                                WHERE job_id = $1
                                                """)
                                .execute(Tuple.of(part.jobId(), part.part(), recosted)).replaceWithVoid());
    }

    /** The plant's fiscal calendar and whether {@code period} is closed; empty if the tenant has no such plant. */
    public Uni<Optional<PlantPeriod>> plantPeriod(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT p.fiscal_calendar,
                    EXISTS (SELECT 1 FROM closed_periods c WHERE c.plant_id = p.plant_id AND c.period = $2)
                FROM plants p WHERE p.plant_id = $1
                """).execute(Tuple.of(plant, period))
                .map(rows -> rows.size() == 0 ? Optional.<PlantPeriod> empty()
                        : Optional.of(new PlantPeriod(FiscalCalendar.parse(rows.iterator().next().getString(0)),
                                rows.iterator().next().getBoolean(1))));
    }

    /**
     * Back to the queue after a failed attempt, due again after {@code backoff}, or failed for good after
     * {@code maxAttempts}, and then its job too.
     */
    public Uni<Void> partFailed(SqlConnection connection, Part part, String worker, String error, int maxAttempts,
            Backoff backoff) {
        return PARTS.fail(connection, claim(part, worker), error, maxAttempts, backoff)
                .chain(failure -> failure != JobQueue.Failure.FAILED ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                UPDATE recosting_jobs SET status = 'failed', finished_at = now(), last_error = $2
                                WHERE job_id = $1
                                """).execute(Tuple.of(part.jobId(), error)).replaceWithVoid());
    }

    public Uni<Optional<RecostingJob>> find(SqlConnection connection, long jobId) {
        return connection.preparedQuery("SELECT " + JOB_COLUMNS + " FROM recosting_jobs WHERE job_id = $1")
                .execute(Tuple.of(jobId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next())));
    }

    /** The jobs in {@code status} (all when null), newest first, at most {@code limit}. */
    public Uni<List<RecostingJob>> list(SqlConnection connection, String status, int limit) {
        return connection.preparedQuery("SELECT " + JOB_COLUMNS + """
                 FROM recosting_jobs
                WHERE $1::text IS NULL OR status = $1
                ORDER BY job_id DESC
                LIMIT $2
                """).execute(Tuple.of(status, limit)).map(rows -> {
            List<RecostingJob> jobs = new ArrayList<>();
            rows.forEach(row -> jobs.add(job(row)));
            return jobs;
        });
    }

    private static RecostingJob job(Row row) {
        return new RecostingJob(row.getLong("job_id"), row.getString("plant_id"), row.getString("period"),
                row.getString("reason"), row.getString("status"), row.getLong("total_events"),
                row.getLong("done_events"), row.getInteger("parts"), row.getInteger("done_parts"),
                row.getString("requested_by"), row.getString("claimed_by"), row.getString("last_error"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"));
    }
}
