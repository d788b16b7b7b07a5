package io.scrapline.alert.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.DigestSchedule;
import io.scrapline.alert.domain.RecipientOutcome;
import io.scrapline.alert.domain.ReferenceNotice;
import io.scrapline.alert.domain.UnmappedValue;
import io.scrapline.platform.job.JobQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The notices of unmapped source values and the daily digests, a leased job queue (V24__unmapped_notices.sql): queued
 * once each (a partial unique index per open value, a unique index per digest day), claimed by any replica, and the
 * delivery to each of their recipients.
 */
@ApplicationScoped
public class ReferenceNoticeRepository extends LeasedJobRepository {

    private static final JobQueue QUEUE = new JobQueue("reference_notices", List.of("notice_id"), "due_at, notice_id");

    /** A notice this worker claimed: the claim to extend, complete or fail, and what to send. */
    public record Claimed(JobQueue.Claim claim, ReferenceNotice notice) {
    }

    /**
     * Marks resolved the notices sent (or given up) whose value no open exception waits on any more: the value was
     * mapped, or its events superseded. Should it be parked again, it is new again. How many.
     */
    public Uni<Integer> resolveMapped(SqlConnection connection) {
        return connection.query("""
                UPDATE reference_notices n SET resolved_at = now()
                WHERE n.kind = 'unmapped_value' AND n.resolved_at IS NULL AND n.status IN ('done', 'failed')
                  AND NOT EXISTS (SELECT 1 FROM costing_exceptions x
                                  JOIN defect_records d ON d.tenant_id = x.tenant_id AND d.record_id = x.record_id
                                  WHERE x.status = 'open' AND x.reason = n.reason AND x.source = n.source
                                    AND %s = n.source_value)
                """.formatted(ParkedExceptionRepository.VALUE)).execute().map(rows -> rows.rowCount());
    }

    /**
     * Queues a notice for each unmapped value with open exceptions (of {@code values} only, unless empty) that has no
     * notice open and whose first open exception was parked at or after {@code since}; however many replicas, prompts
     * and sweeps queue the same value at once, it is queued once. How many were new.
     */
    public Uni<Integer> queueValues(SqlConnection connection, List<UnmappedValue> values, OffsetDateTime since) {
        return connection.preparedQuery("""
                INSERT INTO reference_notices (tenant_id, kind, reason, source, source_value, plant_ids, events,
                    quantity)
                SELECT current_tenant(), 'unmapped_value', x.reason, x.source, v.value,
                    array_agg(DISTINCT x.plant_id ORDER BY x.plant_id), count(*), sum(x.quantity)
                FROM costing_exceptions x
                JOIN defect_records d ON d.tenant_id = x.tenant_id AND d.record_id = x.record_id
                CROSS JOIN LATERAL (SELECT %s AS value) v
                WHERE x.status = 'open' AND x.reason IN ('unmapped_part', 'unmapped_defect_code')
                  AND (cardinality($1::text[]) = 0
                       OR (x.reason, x.source, v.value) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[])))
                GROUP BY x.reason, x.source, v.value
                HAVING min(x.created_at) >= $4
                ON CONFLICT DO NOTHING
                """.formatted(ParkedExceptionRepository.VALUE))
                .execute(Tuple.of(values.stream().map(UnmappedValue::reason).toArray(String[]::new),
                        values.stream().map(UnmappedValue::source).toArray(String[]::new),
                        values.stream().map(UnmappedValue::value).toArray(String[]::new), since))
                .map(rows -> rows.rowCount());
    }

    /** Queues the digest of a day, once whatever else queued it. Whether it was new. */
    public Uni<Boolean> queueDigest(SqlConnection connection, DigestSchedule.Due due) {
        return QUEUE.enqueue(connection, List.of("kind", "digest_date", "due_at"),
                List.of(ReferenceNotice.DIGEST, due.day(), due.dueAt().atOffset(ZoneOffset.UTC)), null);
    }

    /** Claims the oldest claimable notice for {@code lease}. */
    public Uni<Optional<Claimed>> claim(SqlConnection connection, String worker, Duration lease) {
        return QUEUE.claim(connection, worker, lease, JobQueue.Filter.NONE, "reason, source, source_value, digest_date")
                .map(found -> found.map(row -> {
                    String reason = row.getString("reason");
                    return new Claimed(QUEUE.claimOf(row, worker),
                            new ReferenceNotice(row.getLong("notice_id"), reason == null ? null
                                    : new UnmappedValue(reason, row.getString("source"), row.getString("source_value")),
                                    row.getLocalDate("digest_date")));
                }));
    }

    @Override
    protected JobQueue queue() {
        return QUEUE;
    }

    /**
     * What the notice says this attempt: the plants, events and quantity waiting, or (all null and empty) a
     * {@code note} of why it sends nothing.
     */
    public Uni<Void> said(SqlConnection connection, long noticeId, List<String> plants, Long events,
            BigDecimal quantity, String note) {
        return connection.preparedQuery("""
                UPDATE reference_notices SET plant_ids = $2, events = $3, quantity = $4, note = $5
                WHERE notice_id = $1
                """).execute(Tuple.tuple().addValue(noticeId).addValue(plants.toArray(String[]::new)).addValue(events)
                .addValue(quantity).addValue(note)).replaceWithVoid();
    }

    /** The recipients the notice need not be sent to again: delivered, failed for good, or skipped. */
    public Uni<Set<String>> served(SqlConnection connection, long noticeId) {
        return connection.preparedQuery("""
                SELECT recipient FROM reference_notice_deliveries
                WHERE notice_id = $1 AND status <> 'failed_retryable'
                """).execute(Tuple.of(noticeId)).map(rows -> {
            Set<String> served = new HashSet<>();
            rows.forEach(row -> served.add(row.getString(0)));
            return served;
        });
    }

    /** Records the latest attempt at a recipient: the first creates the delivery, each later one counts an attempt. */
    public Uni<Void> record(SqlConnection connection, long noticeId, String recipient, String name,
            RecipientOutcome outcome) {
        return connection.preparedQuery("""
                INSERT INTO reference_notice_deliveries AS d (tenant_id, notice_id, recipient, member_name, status,
                    attempts, status_code, provider_message_id, summary, error_class)
                VALUES (current_tenant(), $1, $2, $3, $4, 1, $5, $6, $7, $8)
                ON CONFLICT (tenant_id, notice_id, recipient) DO UPDATE SET member_name = excluded.member_name,
                    status = excluded.status, attempts = d.attempts + 1, status_code = excluded.status_code,
                    provider_message_id = excluded.provider_message_id, summary = excluded.summary,
                    error_class = excluded.error_class, last_attempt_at = now()
                """)
                .execute(Tuple.tuple().addValue(noticeId).addValue(recipient).addValue(name).addValue(outcome.status())
                        .addValue(outcome.statusCode()).addValue(outcome.providerMessageId())
                        .addValue(outcome.summary()).addValue(outcome.errorClass()))
                .replaceWithVoid();
    }
}
