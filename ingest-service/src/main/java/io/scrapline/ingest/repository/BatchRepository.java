package io.scrapline.ingest.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.BatchSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Source systems and ingest batches. */
@ApplicationScoped
public class BatchRepository {

    /**
     * Registers the tenant and the source system on first use. Where they exist, as they do for every batch but a
     * source's first, the insert does nothing and locks nothing, so batches of one source do not wait for each other
     * here; only a concurrent first batch of a new source waits for the one that registers it.
     */
    public Uni<Void> registerSource(SqlConnection connection, String source) {
        return connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .execute().chain(() -> connection.preparedQuery("""
                        INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), $1)
                        ON CONFLICT (tenant_id, source) DO NOTHING
                        """).execute(Tuple.of(source))).replaceWithVoid();
    }

    /**
     * Stamps the source's last ingest with the batch's start. The last statement of a batch: the row lock it takes is
     * held only until the commit, never while the batch's records are written.
     */
    public Uni<Void> stampSource(SqlConnection connection, String source) {
        return connection.preparedQuery("""
                UPDATE source_systems SET last_ingest_at = greatest(last_ingest_at, now())
                WHERE tenant_id = current_tenant() AND source = $1
                """).execute(Tuple.of(source)).replaceWithVoid();
    }

    public Uni<Void> insert(SqlConnection connection, BatchSummary batch, String source) {
        return connection.preparedQuery("""
                INSERT INTO ingest_batches (tenant_id, batch_id, source, record_type, received, accepted, duplicates,
                    updated, rejected)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8)
                """)
                .execute(Tuple.tuple().addValue(batch.batchId()).addValue(source).addValue(batch.type())
                        .addValue(batch.received()).addValue(batch.accepted()).addValue(batch.duplicates())
                        .addValue(batch.updated()).addValue(batch.rejected()))
                .replaceWithVoid();
    }

    public Uni<Void> updateCounts(SqlConnection connection, BatchSummary batch) {
        return connection.preparedQuery("""
                UPDATE ingest_batches SET accepted = $2, duplicates = $3, updated = $4, rejected = $5
                WHERE batch_id = $1
                """).execute(
                Tuple.of(batch.batchId(), batch.accepted(), batch.duplicates(), batch.updated(), batch.rejected()))
                .replaceWithVoid();
    }

    /** The batch with its costing progress: of the record versions it stored, how many are costed so far. */
    public Uni<Optional<BatchSummary>> find(SqlConnection connection, UUID batchId) {
        return connection.preparedQuery("""
                SELECT b.batch_id, b.record_type, b.received, b.accepted, b.duplicates, b.updated, b.rejected,
                    p.stored, p.costed, p.exceptions
                FROM ingest_batches b,
                LATERAL (SELECT count(*) AS stored,
                             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM costed_events e
                                                            WHERE e.record_id = d.record_id)) AS costed,
                             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM costing_exceptions x
                                                            WHERE x.record_id = d.record_id
                                                              AND x.status = 'open')) AS exceptions
                         FROM defect_records d WHERE d.batch_id = b.batch_id) p
                WHERE b.batch_id = $1
                """).execute(Tuple.of(batchId)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            long stored = row.getLong("stored");
            long costed = row.getLong("costed");
            long exceptions = row.getLong("exceptions");
            BatchSummary.Costing costing = "defects".equals(row.getString("record_type"))
                    ? new BatchSummary.Costing(stored, costed, exceptions, stored - costed - exceptions)
                    : null;
            return Optional.of(new BatchSummary(row.getUUID("batch_id"), row.getString("record_type"),
                    row.getInteger("received"), row.getInteger("accepted"), row.getInteger("duplicates"),
                    row.getInteger("updated"), row.getInteger("rejected"), java.util.List.of(), costing));
        });
    }
}
