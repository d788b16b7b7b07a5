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
     * Registers the tenant and the source system on first use. Where they exist the insert does nothing and locks
     * nothing; a new source's row is locked until the transaction that inserts it ends.
     */
    static final String REGISTER_SOURCE = """
            WITH tenant AS (INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING)
            INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), $1)
            ON CONFLICT (tenant_id, source) DO NOTHING
            """;
    /**
     * Stamps the source's last ingest with the batch's start. The last statement of a batch: the row lock it takes is
     * held only until the commit, never while the batch's records are written.
     */
    static final String STAMP_SOURCE = """
            UPDATE source_systems SET last_ingest_at = greatest(last_ingest_at, now())
            WHERE tenant_id = current_tenant() AND source = $1
            """;
    static final String INSERT = """
            INSERT INTO ingest_batches (tenant_id, batch_id, source, record_type, received, accepted, duplicates,
                updated, rejected)
            VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8)
            """;
    static final String UPDATE_COUNTS = """
            UPDATE ingest_batches SET accepted = $2, duplicates = $3, updated = $4, rejected = $5
            WHERE batch_id = $1
            """;

    /** See {@link #REGISTER_SOURCE}. */
    public Uni<Void> registerSource(SqlConnection connection, String source) {
        return connection.preparedQuery(REGISTER_SOURCE).execute(Tuple.of(source)).replaceWithVoid();
    }

    /** See {@link #STAMP_SOURCE}. */
    public Uni<Void> stampSource(SqlConnection connection, String source) {
        return connection.preparedQuery(STAMP_SOURCE).execute(Tuple.of(source)).replaceWithVoid();
    }

    public Uni<Void> insert(SqlConnection connection, BatchSummary batch, String source) {
        return connection.preparedQuery(INSERT).execute(Tuple.from(insertParameters(batch, source))).replaceWithVoid();
    }

    public Uni<Void> updateCounts(SqlConnection connection, BatchSummary batch) {
        return connection.preparedQuery(UPDATE_COUNTS).execute(Tuple.from(countParameters(batch))).replaceWithVoid();
    }

    static Object[] insertParameters(BatchSummary batch, String source) {
        return new Object[] { batch.batchId(), source, batch.type(), batch.received(), batch.accepted(),
                batch.duplicates(), batch.updated(), batch.rejected() };
    }

    static Object[] countParameters(BatchSummary batch) {
        return new Object[] { batch.batchId(), batch.accepted(), batch.duplicates(), batch.updated(),
                batch.rejected() };
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
