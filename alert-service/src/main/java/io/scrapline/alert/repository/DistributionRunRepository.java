package io.scrapline.alert.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.DistributionRun;
import io.scrapline.alert.domain.DistributionSchedule;
import io.scrapline.alert.domain.Member;
import io.scrapline.alert.domain.Recipient;
import io.scrapline.alert.domain.RecipientOutcome;
import io.scrapline.platform.job.JobQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The runs of distributions, a leased job queue (V22__distributions.sql): queued as they fall due, claimed by any
 * replica, and the delivery to each of their recipients.
 */
@ApplicationScoped
public class DistributionRunRepository extends LeasedJobRepository {

    private static final JobQueue QUEUE = new JobQueue("distribution_runs",
            List.of("subscription_id", "plant_id", "run_key"), "due_at, run_key");

    private final AudienceRepository audiences;

    public DistributionRunRepository(AudienceRepository audiences) {
        this.audiences = audiences;
    }

    /** A daily or weekly run that fell due for a subscription and plant. */
    public record Due(String subscriptionId, String plant, String cadence, DistributionSchedule.Due due) {
    }

    /** A run this worker claimed: the claim to hold, extend, complete or fail, and what the run sends. */
    public record Claimed(JobQueue.Claim claim, DistributionRun run) {
    }

    /**
     * What a claimed run needs: the subscription's formats ({@code enabled} false when it was deleted or disabled
     * since), the plant's name, the audience's members as recipients for the plant, and those already served.
     */
    public record Work(boolean enabled, List<String> formats, String plantName, List<Recipient> recipients,
            Set<String> served) {
    }

    /** Queues the runs that fell due, each once whatever else queued it; how many were new. */
    public Uni<Integer> queue(SqlConnection connection, List<Due> dues) {
        if (dues.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("""
                INSERT INTO distribution_runs (tenant_id, subscription_id, plant_id, run_key, cadence, period,
                    week_start, as_of, due_at)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::date[], $7::date[], $8::timestamptz[]) AS u
                ON CONFLICT DO NOTHING
                """)
                .execute(Tuple.tuple().addValue(dues.stream().map(Due::subscriptionId).toArray(String[]::new))
                        .addValue(dues.stream().map(Due::plant).toArray(String[]::new))
                        .addValue(dues.stream().map(d -> d.due().runKey()).toArray(String[]::new))
                        .addValue(dues.stream().map(Due::cadence).toArray(String[]::new))
                        .addValue(dues.stream().map(d -> d.due().period()).toArray(String[]::new))
                        .addValue(dues.stream().map(d -> d.due().weekStart()).toArray(LocalDate[]::new))
                        .addValue(dues.stream().map(d -> d.due().asOf()).toArray(LocalDate[]::new))
                        .addValue(dues.stream().map(d -> utc(d.due().dueAt())).toArray(OffsetDateTime[]::new)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Queues the month-end run of every closed period's version 1 for each enabled month-end subscription of its plant
     * (or of every plant) that has none yet, of one plant-period when given: a close's prompt, and the sweep's safety
     * net for a prompt that was lost. A period closed before the subscription existed is not sent. How many were new.
     */
    public Uni<Integer> queueMonthEnd(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                INSERT INTO distribution_runs (tenant_id, subscription_id, plant_id, run_key, cadence, period, version,
                    due_at)
                SELECT current_tenant(), s.subscription_id, c.plant_id, 'month_end:' || c.period || ':v1',
                    'month_end', c.period, 1, c.closed_at
                FROM distribution_subscriptions s
                JOIN closed_periods c ON c.tenant_id = s.tenant_id AND (s.plant_id = '*' OR c.plant_id = s.plant_id)
                WHERE s.enabled AND s.cadence = 'month_end' AND c.closed_at >= s.created_at
                  AND ($1::text IS NULL OR c.plant_id = $1) AND ($2::text IS NULL OR c.period = $2)
                ON CONFLICT DO NOTHING
                """).execute(Tuple.of(plant, period)).map(rows -> rows.rowCount());
    }

    /** Claims the oldest claimable run for {@code lease}. */
    public Uni<Optional<Claimed>> claim(SqlConnection connection, String worker, Duration lease) {
        return QUEUE
                .claim(connection, worker, lease, JobQueue.Filter.NONE, "cadence, period, week_start, as_of, version")
                .map(found -> found.map(row -> {
                    JobQueue.Claim claim = QUEUE.claimOf(row, worker);
                    return new Claimed(claim,
                            new DistributionRun(row.getString("subscription_id"), row.getString("plant_id"),
                                    row.getString("run_key"), row.getString("cadence"), row.getString("period"),
                                    row.getLocalDate("week_start"), row.getLocalDate("as_of"),
                                    row.getInteger("version")));
                }));
    }

    @Override
    protected JobQueue queue() {
        return QUEUE;
    }

    /** What the claimed run needs: the subscription and its plant in one statement, then the audience's members. */
    public Uni<Work> work(SqlConnection connection, DistributionRun run) {
        return connection.preparedQuery("""
                SELECT s.enabled, s.formats, s.audience_id, p.name,
                    ARRAY(SELECT l.line_id FROM lines l WHERE l.plant_id = p.plant_id) AS lines,
                    ARRAY(SELECT d.recipient FROM distribution_deliveries d
                          WHERE d.subscription_id = $1 AND d.plant_id = $2 AND d.run_key = $3
                            AND d.status <> 'failed_retryable') AS served
                FROM plants p
                LEFT JOIN distribution_subscriptions s ON s.subscription_id = $1
                WHERE p.plant_id = $2
                """).execute(Tuple.of(run.subscriptionId(), run.plant(), run.runKey())).chain(rows -> {
            Row row = rows.iterator().next();
            Set<String> plantLines = Set.of(row.getArrayOfStrings("lines"));
            Boolean enabled = row.getBoolean("enabled");
            String audience = row.getString("audience_id");
            Uni<List<Member>> members = audience == null ? Uni.createFrom().item(List.of())
                    : audiences.members(connection, List.of(audience))
                            .map(found -> found.getOrDefault(audience, List.of()));
            return members.map(found -> new Work(enabled != null && enabled,
                    enabled == null ? List.of() : List.of(row.getArrayOfStrings("formats")), row.getString("name"),
                    Recipient.all(found, plantLines), new HashSet<>(List.of(row.getArrayOfStrings("served")))));
        });
    }

    /**
     * Records the latest attempt at a recipient of a run: the first creates the delivery, each later one counts an
     * attempt and replaces the outcome.
     */
    public Uni<Void> record(SqlConnection connection, DistributionRun run, Recipient recipient, List<String> formats,
            RecipientOutcome outcome) {
        return connection.preparedQuery("""
                INSERT INTO distribution_deliveries AS d (tenant_id, subscription_id, plant_id, run_key, recipient,
                    member_name, role, report_view, lines, formats, status, attempts, status_code, provider_message_id,
                    summary, error_class)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, $14)
                ON CONFLICT (tenant_id, subscription_id, plant_id, run_key, recipient) DO UPDATE SET
                    member_name = excluded.member_name, role = excluded.role, report_view = excluded.report_view,
                    lines = excluded.lines, formats = excluded.formats, status = excluded.status,
                    attempts = d.attempts + 1, status_code = excluded.status_code,
                    provider_message_id = excluded.provider_message_id, summary = excluded.summary,
                    error_class = excluded.error_class, last_attempt_at = now()
                """)
                .execute(Tuple.tuple().addValue(run.subscriptionId()).addValue(run.plant()).addValue(run.runKey())
                        .addValue(recipient.email()).addValue(recipient.name())
                        .addValue(recipient.role() == null ? "" : recipient.role()).addValue(recipient.view())
                        .addValue(recipient.lines().toArray(String[]::new)).addValue(formats.toArray(String[]::new))
                        .addValue(outcome.status()).addValue(outcome.statusCode()).addValue(outcome.providerMessageId())
                        .addValue(outcome.summary()).addValue(outcome.errorClass()))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
