package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.PendingLabor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finds the record versions that wait to be costed, a chunk at a time in record order: defect records without a current
 * costed event, rework hours no current event values, confirmations not valued yet. Only the latest version of a record
 * waits; an earlier one is superseded by it. Defect records are looked for in costing's queue ({@code costing_queue}:
 * those landed or reopened since they were last costed), not among all of the tenant's records.
 */
@ApplicationScoped
public class PendingRecordRepository {

    /** The condition that defect record {@code d} has no current costed event and no newer version. */
    private static final String UNCOSTED = """
            NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                        AND e.record_id = d.record_id AND NOT e.superseded)
              AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                              AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
            """;

    /**
     * The latest version of each queued defect record that has no current costed event: new records, those waiting in
     * an open exception and those whose event was superseded, in record order after {@code afterRecordId}.
     */
    public Uni<List<DefectRecord>> uncosted(SqlConnection connection, long afterRecordId, int limit) {
        // Each queued record is looked up on its own, in queue order (OFFSET 0 keeps the planner from merging the
        // lookup
        // into a join): the planner would otherwise read the tenant's records in order, costed or not, to find the few
        // queued.
        return connection.preparedQuery("SELECT " + RecordRows.DEFECT_COLUMNS + """
                FROM costing_queue q
                CROSS JOIN LATERAL (SELECT d.* FROM defect_records d
                                    WHERE d.record_id = q.record_id AND\s""" + UNCOSTED + """
                                    OFFSET 0) d
                WHERE q.record_id > $1
                ORDER BY q.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit)).map(RecordRows::defectRecords);
    }

    /** Takes {@code recordIds}, which have a current costed event now, out of costing's queue. */
    public Uni<Void> dequeue(SqlConnection connection, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("DELETE FROM costing_queue WHERE record_id = ANY($1)")
                .execute(Tuple.of(recordIds.toArray(Long[]::new))).replaceWithVoid();
    }

    /**
     * Takes the earlier versions of {@code records} out of costing's queue, costed or not: only a record's latest
     * version waits.
     */
    public Uni<Void> dequeueEarlierVersions(SqlConnection connection, List<DefectRecord> records) {
        List<DefectRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                DELETE FROM costing_queue q
                USING defect_records d, unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                WHERE d.source = u.source AND d.source_id = u.source_id AND d.record_id <> u.record_id
                  AND q.tenant_id = d.tenant_id AND q.record_id = d.record_id
                """).execute(
                Columns.versionKeys(updates, DefectRecord::source, DefectRecord::sourceId, DefectRecord::recordId))
                .replaceWithVoid();
    }

    /**
     * As {@link #uncosted}, of one ingest batch only: a prompt costs the batch it names first, so that a small batch is
     * not kept waiting behind a large one landed earlier.
     */
    public Uni<List<DefectRecord>> uncostedInBatch(SqlConnection connection, UUID batchId, long afterRecordId,
            int limit) {
        return connection.preparedQuery("SELECT " + RecordRows.DEFECT_COLUMNS + """
                FROM defect_records d
                WHERE d.batch_id = $3 AND d.record_id > $1 AND\s""" + UNCOSTED + """
                ORDER BY d.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit, batchId)).map(RecordRows::defectRecords);
    }

    /**
     * Those of {@code candidates} that still have no current costed event and no newer version, once the tenant's
     * costing lock is held: {@link #uncosted} found them before.
     */
    public Uni<List<DefectRecord>> stillUncosted(SqlConnection connection, List<DefectRecord> candidates) {
        return connection
                .preparedQuery("SELECT d.record_id FROM defect_records d WHERE d.record_id = ANY($1) AND " + UNCOSTED)
                .execute(Tuple.of(candidates.stream().map(DefectRecord::recordId).toArray(Long[]::new))).map(rows -> {
                    Set<Long> still = new HashSet<>();
                    rows.forEach(row -> still.add(row.getLong(0)));
                    return candidates.stream().filter(c -> still.contains(c.recordId())).toList();
                });
    }

    /** The defect record versions {@code recordIds} names, in record order. */
    public Uni<List<DefectRecord>> defectRecords(SqlConnection connection, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery("SELECT " + RecordRows.DEFECT_COLUMNS + """
                FROM defect_records d
                WHERE d.record_id = ANY($1)
                ORDER BY d.record_id
                """).execute(Tuple.of(recordIds.toArray(Long[]::new))).map(RecordRows::defectRecords);
    }

    /**
     * The latest versions of rework-labor records after {@code afterRecordId} that no current event values yet, with
     * whether their hours belong to a defect record (then that record's costing values them).
     */
    public Uni<List<PendingLabor>> labor(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                WITH fresh AS (
                    SELECT l.* FROM rework_labor_records l
                    WHERE l.record_id > $1
                      AND NOT EXISTS (SELECT 1 FROM rework_labor_records n WHERE n.tenant_id = l.tenant_id
                                      AND n.source = l.source AND n.source_id = l.source_id AND n.version > l.version)
                      AND NOT EXISTS (SELECT 1 FROM costed_labor c JOIN costed_events e USING (tenant_id, event_id)
                                      WHERE c.labor_record_id = l.record_id AND NOT e.superseded)
                    ORDER BY l.record_id
                    LIMIT $2)
                SELECT f.*, m.defect_record_id IS NOT NULL AS matched
                FROM fresh f
                LEFT JOIN rework_labor_defects(ARRAY(SELECT record_id FROM fresh)) m ON m.labor_record_id = f.record_id
                ORDER BY f.record_id
                """).execute(Tuple.of(afterRecordId, limit)).map(rows -> {
            List<PendingLabor> pending = new ArrayList<>();
            rows.forEach(row -> pending.add(new PendingLabor(RecordRows.laborRecord(row), row.getBoolean("matched"))));
            return pending;
        });
    }

    /**
     * The latest versions of confirmations after {@code afterRecordId} that are not valued yet: new ones and those
     * waiting for their cost roll.
     */
    public Uni<List<ConfirmationRecord>> confirmations(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                SELECT c.record_id, c.source, c.source_id, c.version, c.plant_id, c.work_order, c.part, c.operation,
                    c.yield_quantity, c.scrap_quantity, c.confirmed_at, c.uom
                FROM confirmation_records c
                WHERE c.record_id > $1
                  AND NOT EXISTS (SELECT 1 FROM costed_confirmations k WHERE k.tenant_id = c.tenant_id
                                  AND k.record_id = c.record_id AND k.reason IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM confirmation_records n WHERE n.tenant_id = c.tenant_id
                                  AND n.source = c.source AND n.source_id = c.source_id AND n.version > c.version)
                ORDER BY c.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit)).map(rows -> {
            List<ConfirmationRecord> records = new ArrayList<>();
            rows.forEach(row -> records.add(RecordRows.confirmation(row)));
            return records;
        });
    }
}
