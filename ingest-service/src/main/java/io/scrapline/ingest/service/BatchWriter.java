package io.scrapline.ingest.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.repository.BatchRepository;
import io.scrapline.ingest.repository.CopyBatch;
import io.scrapline.ingest.repository.LandingSql;
import io.scrapline.ingest.repository.RecordRepository;
import io.scrapline.ingest.repository.RecordRepository.Landed;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where one batch is written, all in one transaction: through the reactive client, or, for a large batch, through
 * {@code COPY} on a JDBC connection ({@link CopyBatch}), whose blocking calls run on worker threads.
 */
interface BatchWriter {

    /** Records the batch. */
    Uni<Void> begin(BatchSummary batch, String source);

    Uni<Set<String>> knownPlants(Set<String> plants);

    Uni<Landed> land(String source, UUID batchId, List<ValidRecord> records);

    Uni<List<int[]>> repeatedRows(UUID batchId);

    Uni<Void> removeRows(UUID batchId, Integer[] batchRows);

    /** The batch's counts and the source's last ingest, last before the commit. */
    Uni<Void> finish(BatchSummary batch, String source);

    static BatchWriter reactive(SqlConnection connection, RecordType type, RecordRepository records,
            BatchRepository batches) {
        return new BatchWriter() {
            private LandingSql.Probe probe;

            @Override
            public Uni<Void> begin(BatchSummary batch, String source) {
                return batches.insert(connection, batch, source).chain(() -> records.probe(connection, type))
                        .invoke(chosen -> probe = chosen).replaceWithVoid();
            }

            @Override
            public Uni<Set<String>> knownPlants(Set<String> plants) {
                return records.knownPlants(connection, plants);
            }

            @Override
            public Uni<Landed> land(String source, UUID batchId, List<ValidRecord> valid) {
                return records.land(connection, type, probe, source, batchId, valid);
            }

            @Override
            public Uni<List<int[]>> repeatedRows(UUID batchId) {
                return records.repeatedRows(connection, type, batchId);
            }

            @Override
            public Uni<Void> removeRows(UUID batchId, Integer[] batchRows) {
                return records.removeRows(connection, type, batchId, batchRows);
            }

            @Override
            public Uni<Void> finish(BatchSummary batch, String source) {
                return batches.updateCounts(connection, batch).chain(() -> batches.stampSource(connection, source));
            }
        };
    }

    static BatchWriter copy(CopyBatch batch) {
        return new BatchWriter() {
            @Override
            public Uni<Void> begin(BatchSummary summary, String source) {
                return blockingVoid(() -> batch.begin(summary, source));
            }

            @Override
            public Uni<Set<String>> knownPlants(Set<String> plants) {
                return blocking(() -> batch.knownPlants(plants));
            }

            @Override
            public Uni<Landed> land(String source, UUID batchId, List<ValidRecord> valid) {
                return blocking(() -> batch.land(source, batchId, valid));
            }

            @Override
            public Uni<List<int[]>> repeatedRows(UUID batchId) {
                return blocking(() -> batch.repeatedRows(batchId));
            }

            @Override
            public Uni<Void> removeRows(UUID batchId, Integer[] batchRows) {
                return blockingVoid(() -> batch.removeRows(batchId, batchRows));
            }

            @Override
            public Uni<Void> finish(BatchSummary summary, String source) {
                return blockingVoid(() -> batch.finish(summary, source));
            }
        };
    }

    /** {@code work}, blocking, on a worker thread. */
    static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static Uni<Void> blockingVoid(Runnable work) {
        return blocking(() -> {
            work.run();
            return null;
        });
    }
}
