package io.scrapline.costing.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.EventCosting;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.ParkedValue;
import io.scrapline.costing.domain.PendingLabor;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.costing.domain.Touched;
import io.scrapline.costing.repository.CostedEventWriteRepository;
import io.scrapline.costing.repository.ExceptionRepository;
import io.scrapline.costing.repository.PendingRecordRepository;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.costing.repository.RollupRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The records costed into costed events or exceptions: defect records, and rework hours that no defect record covers.
 * <p>
 * Finding defect records reads costing's queue (or a batch's records) after the last one, so it runs before the
 * tenant's costing lock is taken (shared: runs of other batches and re-costing parts go on side by side); once the lock
 * is held, the ones another run costed meanwhile are left out, and a record two runs cost at the same moment is stored,
 * and added to the rollups, by the one that commits first. Rework hours are costed by one run at a time (the lock held
 * alone), after the defect records; their rollups are not among those a run prompts alerts for (the alert sweep catches
 * up).
 */
@ApplicationScoped
public class DefectAndReworkCosting {

    private final PendingRecordRepository pending;
    private final ReferenceRepository reference;
    private final CostedEventWriteRepository events;
    private final ExceptionRepository exceptions;
    private final RollupRepository rollups;
    private final CostSchemaService schemas;
    private final CostingConfig config;

    public DefectAndReworkCosting(PendingRecordRepository pending, ReferenceRepository reference,
            CostedEventWriteRepository events, ExceptionRepository exceptions, RollupRepository rollups,
            CostSchemaService schemas, CostingConfig config) {
        this.pending = pending;
        this.reference = reference;
        this.events = events;
        this.exceptions = exceptions;
        this.rollups = rollups;
        this.schemas = schemas;
        this.config = config;
    }

    /** The defect records waiting to be costed: those of ingest batch {@code batchId}, or all when it is null. */
    PendingKind<DefectRecord> defects(UUID batchId) {
        return new Defects(batchId);
    }

    /** The rework hours that no current event values. */
    PendingKind<PendingLabor> reworkHours() {
        return new ReworkHours();
    }

    private final class ReworkHours implements PendingKind<PendingLabor> {

        @Override
        public Uni<List<PendingLabor>> find(SqlConnection connection, long afterRecordId) {
            return pending.labor(connection, afterRecordId, config.chunkSize());
        }

        @Override
        public boolean alone() {
            return true;
        }

        @Override
        public long recordId(PendingLabor record) {
            return record.record().recordId();
        }

        @Override
        public Uni<Costed> cost(SqlConnection connection, List<PendingLabor> records) {
            return costReworkHours(connection, records);
        }
    }

    private final class Defects implements PendingKind<DefectRecord> {

        private final UUID batchId;

        Defects(UUID batchId) {
            this.batchId = batchId;
        }

        @Override
        public Uni<List<DefectRecord>> find(SqlConnection connection, long afterRecordId) {
            return batchId == null ? pending.uncosted(connection, afterRecordId, config.chunkSize())
                    : pending.uncostedInBatch(connection, batchId, afterRecordId, config.chunkSize());
        }

        @Override
        public boolean alone() {
            return false;
        }

        @Override
        public Uni<List<DefectRecord>> stillPending(SqlConnection connection, List<DefectRecord> found) {
            return pending.stillUncosted(connection, found);
        }

        @Override
        public long recordId(DefectRecord record) {
            return record.recordId();
        }

        @Override
        public Uni<Costed> cost(SqlConnection connection, List<DefectRecord> records) {
            return DefectAndReworkCosting.this.cost(connection, records, new RollupDelta());
        }
    }

    /** What defect records are valued with: the schema in force and the reference data they refer to. */
    record Inputs(CostSchema schema, ReferenceData reference) {
    }

    /** The inputs of {@code records}, read in the connection's transaction. */
    Uni<Inputs> inputs(SqlConnection connection, List<DefectRecord> records) {
        return Uni.combine().all().unis(schemas.inForce(connection), reference.forDefects(connection, records))
                .with(Inputs::new);
    }

    /**
     * Costs {@code records} in the connection's transaction, which holds the tenant's costing lock: their costed events
     * and exceptions, the supersession of their earlier versions, and the rollups, to which {@code delta} (what the
     * caller took out already) is added. Events are booked in the open period of their plant (docs/cost-model.md §9).
     */
    Uni<PendingKind.Costed> cost(SqlConnection connection, List<DefectRecord> records, RollupDelta delta) {
        return inputs(connection, records).chain(inputs -> {
            CostSchema schema = inputs.schema();
            EventCosting costing = new EventCosting(schema, false);
            ReferenceData data = inputs.reference();
            List<Outcome.Costed> costed = new ArrayList<>();
            List<Outcome.Uncostable> uncostable = new ArrayList<>();
            Touched touched = new Touched();
            List<Outcome.Costed> stored = new ArrayList<>();
            return OnWorker.value(() -> {
                List<Outcome> outcomes = records.stream().map(record -> costing.cost(record, data)).toList();
                costed.addAll(PendingKind.only(outcomes, Outcome.Costed.class));
                uncostable.addAll(PendingKind.only(outcomes, Outcome.Uncostable.class));
            }).chain(() -> reference.registerLines(connection, records))
                    .chain(() -> events.supersedeEarlierVersions(connection, records, delta))
                    .chain(() -> exceptions.closeEarlierVersions(connection, records))
                    .chain(() -> pending.dequeueEarlierVersions(connection, records))
                    .chain(() -> events.insertCosted(connection, costed, schema.version(), delta)).chain(inserted -> {
                        stored.addAll(inserted);
                        inserted.forEach(c -> {
                            delta.add(c.rollupKey(), c.part(), data.week(c.record().plant(), c.record().occurredAt()),
                                    c.amount(), c.recoverable(), c.exposure(), c.record().quantity(), 1);
                            touched.add(c.record(), c.period(), c.defectCode());
                        });
                        // The hours these events value now are no longer waiting on their own.
                        return exceptions
                                .closeLabor(connection,
                                        inserted.stream().flatMap(c -> c.provenance().laborRecordIds().stream())
                                                .toList())
                                .chain(() -> exceptions.close(connection, inserted))
                                .chain(() -> pending.dequeue(connection,
                                        inserted.stream().map(c -> c.record().recordId()).toList()));
                    }).chain(() -> {
                        uncostable.forEach(touched::parked);
                        return exceptions.open(connection, uncostable,
                                parked -> ParkedValue.of(parked, data, schema).orElse(null));
                    }).chain(() -> rollups.apply(connection, delta.bookedIn(data::bookingPeriod)))
                    .map(done -> new PendingKind.Costed(stored.size(), uncostable.size(), touched));
        });
    }

    /**
     * Costs rework hours that no defect record covers into rework without a defect record, or an exception while no
     * labor rate is known; those that belong to a defect record are left to that record's costing, which runs first.
     */
    private Uni<PendingKind.Costed> costReworkHours(SqlConnection connection, List<PendingLabor> records) {
        List<LaborRecord> unmatched = records.stream().filter(p -> !p.matched()).map(PendingLabor::record).toList();
        if (unmatched.isEmpty()) {
            return Uni.createFrom().item(PendingKind.Costed.nothing());
        }
        return Uni.combine().all().unis(schemas.inForce(connection), reference.forLabor(connection, unmatched))
                .asTuple().chain(found -> {
                    CostSchema schema = found.getItem1();
                    ReferenceData data = found.getItem2();
                    EventCosting costing = new EventCosting(schema, false);
                    List<LaborOutcome> outcomes = unmatched.stream().map(record -> costing.costUnmatched(record, data))
                            .toList();
                    List<LaborOutcome.Costed> costed = PendingKind.only(outcomes, LaborOutcome.Costed.class);
                    List<LaborOutcome.Uncostable> uncostable = PendingKind.only(outcomes,
                            LaborOutcome.Uncostable.class);
                    RollupDelta delta = new RollupDelta();
                    costed.forEach(c -> delta.add(c.rollupKey(), RollupDelta.NO_PART,
                            data.week(c.record().plant(), c.record().performedAt()), c.amount(), BigDecimal.ZERO,
                            BigDecimal.ZERO, BigDecimal.ZERO, 1));
                    return events.insertLaborCosted(connection, costed, schema.version())
                            .chain(() -> exceptions.closeLabor(connection,
                                    costed.stream().map(c -> c.record().recordId()).toList()))
                            .chain(() -> exceptions.openLabor(connection, uncostable))
                            .chain(() -> rollups.apply(connection, delta.bookedIn(data::bookingPeriod)))
                            .replaceWith(new PendingKind.Costed(costed.size(), uncostable.size(), new Touched()));
                });
    }
}
