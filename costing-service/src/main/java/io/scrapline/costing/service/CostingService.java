package io.scrapline.costing.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.costing.client.AlertClient;
import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.CostSchemaVersion;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.EventCosting;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.costing.domain.VarianceDelta;
import io.scrapline.costing.domain.VarianceOutcome;
import io.scrapline.costing.repository.CostSchemaRepository;
import io.scrapline.costing.repository.CostedEventRepository;
import io.scrapline.costing.repository.CostingRepository;
import io.scrapline.costing.repository.RecostingRepository;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Costs every record version of a tenant that has no current costed event, a chunk per transaction: costed events,
 * exceptions and rollups of a chunk commit together.
 * <p>
 * A run first re-opens the events whose inputs changed (an NCR's new disposition, rework hours that arrived, a new
 * version of hours already costed), then costs defect records, then the rework hours that no defect record covers, then
 * splits the scrap of operation confirmations into planned and unplanned.
 */
@ApplicationScoped
public class CostingService {

    /** What one run did, and the rollups it touched: plant and period to defect codes. */
    public record Run(int costed, int exceptions, Map<String, Map<String, Set<String>>> touched) {

        static Run empty() {
            return new Run(0, 0, new LinkedHashMap<>());
        }

        Run plus(Chunk chunk) {
            chunk.touched()
                    .forEach((plant, periods) -> periods
                            .forEach((period, codes) -> touched.computeIfAbsent(plant, p -> new LinkedHashMap<>())
                                    .computeIfAbsent(period, p -> new LinkedHashSet<>()).addAll(codes)));
            return new Run(costed + chunk.costed(), exceptions + chunk.exceptions(), touched);
        }
    }

    record Chunk(long lastRecordId, int records, int costed, int exceptions,
            Map<String, Map<String, Set<String>>> touched) {
    }

    /**
     * What costing a list of records wrote: how many were costed and how many became exceptions, and the rollups it
     * touched (plant and booking period to defect codes).
     */
    public record Costed(int costed, int exceptions, Map<String, Map<String, Set<String>>> touched) {
    }

    private static final String DEFECTS = "defects";

    private final TenantDb db;
    private final CostingRepository repository;
    private final CostSchemaRepository schemas;
    private final CostingConfig config;
    private final AlertClient alerts;

    public CostingService(TenantDb db, CostingRepository repository, CostSchemaRepository schemas, CostingConfig config,
            @RestClient AlertClient alerts) {
        this.db = db;
        this.repository = repository;
        this.schemas = schemas;
        this.config = config;
        this.alerts = alerts;
    }

    /** Costs everything pending for the tenant; if {@code promptAlerts}, prompts alerts for what changed. */
    public Uni<Run> run(String tenant, boolean promptAlerts) {
        return run(tenant, promptAlerts, null, null);
    }

    /**
     * Costs what ingest batch {@code batchId} of {@code recordType} calls for; if {@code promptAlerts}, prompts alerts
     * for what changed.
     * <p>
     * A batch of defect records: its records only, side by side with other batches and re-costing parts (the tenant's
     * costing lock taken shared), so that a single event is costed within a second even while a bulk load is costed.
     * Anything else (rework hours, NCRs, cost rolls, confirmations, or no batch named): everything pending, unless
     * another run of the tenant is doing that already (what one leaves, the sweep finds).
     */
    public Uni<Run> run(String tenant, boolean promptAlerts, UUID batchId, String recordType) {
        Uni<Run> run;
        if (batchId != null && (recordType == null || recordType.equals(DEFECTS))) {
            run = batchFrom(tenant, batchId, 0, Run.empty());
        } else if (batchId != null) {
            AtomicReference<Run> all = new AtomicReference<>(Run.empty());
            run = db.onceInCluster("costing-rest:" + tenant,
                    () -> everything(tenant).invoke(all::set).replaceWithVoid()).map(ran -> all.get());
        } else {
            run = everything(tenant);
        }
        return run.invoke(done -> {
            if (promptAlerts) {
                promptAlerts(tenant, done);
            }
        });
    }

    /**
     * {@link #run(String, boolean, UUID, String)} for a caller limited to {@code scope}. Costing everything pending
     * covers every plant: only a batch of defect records may be named, and it is costed only if all its records are in
     * scope; otherwise it is left to the sweep and the answer is that of an unknown batch, nothing costed.
     *
     * @throws io.scrapline.platform.problem.OutOfScopeProblem
     *             for a run of everything pending from a token limited to plants or lines
     */
    public Uni<Run> run(String tenant, Scope scope, boolean promptAlerts, UUID batchId, String recordType) {
        if (scope.wholeTenant()) {
            return run(tenant, promptAlerts, batchId, recordType);
        }
        if (batchId == null || (recordType != null && !recordType.equals(DEFECTS))) {
            scope.requireWholeTenant("costing everything pending");
        }
        return db.inTenant(tenant, connection -> repository.batchOutside(connection, batchId, scope))
                .chain(outside -> outside ? Uni.createFrom().item(Run.empty())
                        : run(tenant, promptAlerts, batchId, recordType));
    }

    private Uni<Run> everything(String tenant) {
        return db.inTenant(tenant, this::reopen).chain(() -> rest(tenant, Run.empty()));
    }

    /** Costs the defect records, then the rework hours, then the confirmations pending. */
    private Uni<Run> rest(String tenant, Run soFar) {
        return runFrom(tenant, 0, soFar).chain(run -> laborFrom(tenant, 0, run))
                .chain(run -> confirmationsFrom(tenant, 0, run));
    }

    /**
     * Supersedes the events whose inputs changed, in one transaction with their rollups, so they are costed again. The
     * reversal of an event of a period closed since is booked in the open period, where its re-cost lands too.
     */
    private Uni<Void> reopen(SqlConnection connection) {
        RollupDelta delta = new RollupDelta();
        return repository.lockTenantShared(connection).chain(() -> repository.reopenStale(connection, delta))
                .chain(reopened -> delta.isEmpty() ? Uni.createFrom().voidItem()
                        : repository.closedPeriods(connection, delta).chain(booking -> repository
                                .applyRollups(connection, delta.bookedIn(booking::bookingPeriod))));
    }

    private Uni<Run> runFrom(String tenant, long afterRecordId, Run soFar) {
        return db.inTenant(tenant, connection -> chunk(connection, afterRecordId)).chain(chunk -> {
            if (chunk.records() == 0) {
                return Uni.createFrom().item(soFar);
            }
            return runFrom(tenant, chunk.lastRecordId(), soFar.plus(chunk));
        });
    }

    private Uni<Run> batchFrom(String tenant, UUID batchId, long afterRecordId, Run soFar) {
        return db.inTenant(tenant,
                connection -> chunk(connection,
                        () -> repository.uncostedInBatch(connection, batchId, afterRecordId, config.chunkSize()),
                        afterRecordId))
                .chain(chunk -> {
                    if (chunk.records() == 0) {
                        return Uni.createFrom().item(soFar);
                    }
                    return batchFrom(tenant, batchId, chunk.lastRecordId(), soFar.plus(chunk));
                });
    }

    private Uni<Run> laborFrom(String tenant, long afterRecordId, Run soFar) {
        return db.inTenant(tenant, connection -> laborChunk(connection, afterRecordId)).chain(chunk -> {
            if (chunk.records() == 0) {
                return Uni.createFrom().item(soFar);
            }
            return laborFrom(tenant, chunk.lastRecordId(), soFar.plus(chunk));
        });
    }

    private Uni<Run> confirmationsFrom(String tenant, long afterRecordId, Run soFar) {
        return db.inTenant(tenant, connection -> confirmationChunk(connection, afterRecordId)).chain(chunk -> {
            if (chunk.records() == 0) {
                return Uni.createFrom().item(soFar);
            }
            return confirmationsFrom(tenant, chunk.lastRecordId(), soFar.plus(chunk));
        });
    }

    private Uni<Chunk> chunk(SqlConnection connection, long afterRecordId) {
        return chunk(connection, () -> repository.uncosted(connection, afterRecordId, config.chunkSize()),
                afterRecordId);
    }

    /**
     * Costs the records {@code pending} finds. Finding them scans every record of the tenant after
     * {@code afterRecordId}, so it runs before the tenant's costing lock is taken (shared: runs of other batches and
     * re-costing parts go on side by side; only rework hours and confirmations are costed alone); once the lock is
     * held, the ones another run costed meanwhile are left out, and a record two runs cost at the same moment is
     * stored, and added to the rollups, by the one that commits first.
     */
    private Uni<Chunk> chunk(SqlConnection connection, Supplier<Uni<List<DefectRecord>>> pending, long afterRecordId) {
        return pending.get().chain(candidates -> {
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(new Chunk(afterRecordId, 0, 0, 0, Map.of()));
            }
            long last = candidates.get(candidates.size() - 1).recordId();
            return repository.lockTenantShared(connection).chain(() -> repository.stillUncosted(connection, candidates))
                    .chain(records -> records.isEmpty()
                            ? Uni.createFrom().item(new Chunk(last, candidates.size(), 0, 0, Map.of()))
                            : cost(connection, records, new RollupDelta()).map(costed -> new Chunk(last,
                                    candidates.size(), costed.costed(), costed.exceptions(), costed.touched())));
        });
    }

    /**
     * Costs {@code records} in the connection's transaction, which holds the tenant's costing lock: their costed events
     * and exceptions, the supersession of their earlier versions, and the rollups, to which {@code delta} (what the
     * caller took out already) is added. Events are booked in the open period of their plant (docs/cost-model.md §9).
     */
    public Uni<Costed> cost(SqlConnection connection, List<DefectRecord> records, RollupDelta delta) {
        // Read per call, in its transaction: an approval takes effect from the next chunk on, and every event of a
        // chunk names the version it was costed with.
        return Uni.combine().all().unis(approvedSchema(connection), repository.referenceData(connection, records))
                .asTuple().chain(found -> {
                    CostSchema schema = found.getItem1();
                    EventCosting costing = new EventCosting(schema, false);
                    ReferenceData reference = found.getItem2();
                    List<Outcome.Costed> costed = new ArrayList<>();
                    List<Outcome.Uncostable> uncostable = new ArrayList<>();
                    Map<String, Map<String, Set<String>>> touched = new LinkedHashMap<>();
                    List<Outcome.Costed> stored = new ArrayList<>();
                    return onWorker(() -> {
                        for (DefectRecord record : records) {
                            Outcome outcome = costing.cost(record, reference);
                            if (outcome instanceof Outcome.Costed c) {
                                costed.add(c);
                            } else {
                                uncostable.add((Outcome.Uncostable) outcome);
                            }
                        }
                    }).chain(() -> repository.registerLines(connection, records))
                            .chain(() -> repository.supersedeEarlierVersions(connection, records, delta))
                            .chain(() -> repository.insertCosted(connection, costed, schema.version(), delta))
                            .chain(inserted -> {
                                stored.addAll(inserted);
                                inserted.forEach(c -> delta.add(CostingRepository.rollupKey(c),
                                        week(c.record().occurredAt(), c.record().plant(), reference), c.amount(),
                                        c.recoverable(), c.exposure(), c.record().quantity(), 1));
                                inserted.forEach(c -> touched
                                        .computeIfAbsent(c.record().plant(), p -> new LinkedHashMap<>())
                                        .computeIfAbsent(c.period(), p -> new LinkedHashSet<>()).add(c.defectCode()));
                                return repository.closeExceptions(connection, inserted);
                            }).chain(() -> repository.openExceptions(connection, uncostable))
                            .chain(() -> repository.applyRollups(connection, delta.bookedIn(reference::bookingPeriod)))
                            .map(done -> new Costed(stored.size(), uncostable.size(), touched));
                });
    }

    /**
     * Re-costs the current events of a re-costing part of job {@code jobId} in the connection's transaction, which
     * holds the part's claim and the tenant's costing lock shared: each event's record is valued again with the data
     * and the schema in force now. An event whose figures and inputs come out the same is left as it is; one whose
     * figures change is revised in place (what it had is kept as a revision, the rollups move by the difference); one
     * that cannot be costed any more, now values other rework hours, or sits in a period closed since, is superseded
     * and costed anew, as a corrected record is. Returns how many events it re-costed.
     */
    public Uni<Integer> recost(SqlConnection connection, List<RecostingRepository.Current> events, long jobId) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return repository.defectRecords(connection, events.stream().map(RecostingRepository.Current::recordId).toList())
                .chain(records -> Uni.combine().all()
                        .unis(approvedSchema(connection), repository.referenceData(connection, records)).asTuple()
                        .chain(found -> {
                            CostSchema schema = found.getItem1();
                            ReferenceData reference = found.getItem2();
                            EventCosting costing = new EventCosting(schema, false);
                            Map<Long, DefectRecord> byId = new HashMap<>();
                            records.forEach(r -> byId.put(r.recordId(), r));
                            RollupDelta delta = new RollupDelta();
                            Map<List<Map<String, Object>>, List<Long>> costRolls = new IdentityHashMap<>();
                            List<RecostingRepository.Current> changed = new ArrayList<>();
                            List<Outcome.Costed> revised = new ArrayList<>();
                            List<Long> anewIds = new ArrayList<>();
                            List<DefectRecord> anew = new ArrayList<>();
                            RollupDelta superseded = new RollupDelta();
                            return onWorker(() -> {
                                for (RecostingRepository.Current event : events) {
                                    DefectRecord record = byId.get(event.recordId());
                                    Outcome outcome = costing.cost(record, reference);
                                    String period = event.key().period();
                                    if (outcome instanceof Outcome.Costed c
                                            && reference.bookingPeriod(record.plant(), period).equals(period)
                                            && c.provenance().laborRecordIds().equals(event.laborRecordIds())) {
                                        if (!unchanged(event, c, schema.version(), costRolls)) {
                                            changed.add(event);
                                            revised.add(c);
                                        }
                                    } else {
                                        anewIds.add(event.eventId());
                                        anew.add(record);
                                    }
                                }
                            }).chain(() -> repository.revise(connection,
                                    changed.stream().map(RecostingRepository.Current::eventId).toList(), revised,
                                    schema.version(), jobId).chain(done -> {
                                        // An event superseded since the part read it (a newer record version, an
                                        // NCR) is not revised; its new event is costed with the data in force now.
                                        for (int i = 0; i < changed.size(); i++) {
                                            RecostingRepository.Current event = changed.get(i);
                                            Outcome.Costed c = revised.get(i);
                                            if (done.contains(event.eventId())) {
                                                LocalDate week = week(c.record().occurredAt(), c.record().plant(),
                                                        reference);
                                                delta.add(event.key(), week, event.amount().negate(),
                                                        event.recoverable().negate(), event.exposure().negate(),
                                                        event.quantity().negate(), -1);
                                                delta.add(CostingRepository.rollupKey(c), week, c.amount(),
                                                        c.recoverable(), c.exposure(), c.record().quantity(), 1);
                                            }
                                        }
                                        return repository.applyRollups(connection, delta);
                                    }).chain(() -> repository.supersede(connection, anewIds, superseded))
                                    .chain(() -> anew.isEmpty() ? Uni.createFrom().voidItem()
                                            : cost(connection, anew, superseded).replaceWithVoid())
                                    .replaceWith(events.size()));
                        }));
    }

    /**
     * Values a chunk on a worker thread: it takes the CPU for a while, and the event loop must stay free for the
     * database answers of other transactions, some of them holding rollup rows until they commit.
     */
    private static Uni<Void> onWorker(Runnable valuation) {
        return Uni.createFrom().item(() -> {
            valuation.run();
            return true;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private static LocalDate week(Instant at, String plant, ReferenceData reference) {
        return RollupDelta.weekOf(at, reference.plants().get(plant).zone());
    }

    /** Whether re-costing {@code event} gave exactly what it has: the same figures, mapping, period and inputs. */
    private static boolean unchanged(RecostingRepository.Current event, Outcome.Costed recost, Integer schemaVersion,
            Map<List<Map<String, Object>>, List<Long>> costRolls) {
        List<Long> costRoll = recost.provenance().costRollLines() == null ? List.of()
                : costRolls.computeIfAbsent(recost.provenance().costRollLines(),
                        lines -> lines.stream().map(line -> ((Number) line.get("record_id")).longValue()).toList());
        return event.amount().compareTo(recost.amount()) == 0
                && event.recoverable().compareTo(recost.recoverable()) == 0
                && event.exposure().compareTo(recost.exposure()) == 0
                && event.unitValue().compareTo(recost.unitValue()) == 0
                && event.key().equals(CostingRepository.rollupKey(recost)) && event.part().equals(recost.part())
                && event.eventPeriod().equals(recost.eventPeriod())
                && Objects.equals(event.schemaVersion(), schemaVersion)
                && Objects.equals(event.ncrRecordId(), recost.provenance().ncrRecordId())
                && Objects.equals(event.workOrderRecordId(), recost.provenance().workOrderRecordId())
                && event.costRollRecordIds().equals(costRoll);
    }

    /**
     * The arithmetic of a costed event, replayed step by step from exactly the inputs it names (docs/cost-model.md §10)
     * with the schema version it was costed with. Should the replay not come to the stored amount (an input it names
     * was removed since), the explanation says so instead of passing off other figures as the event's.
     */
    public Uni<Map<String, Object>> explain(SqlConnection connection, CostedEventRepository.Inputs event) {
        Uni<CostSchema> schema = event.schemaVersion() == null ? Uni.createFrom().item(defaultSchema())
                : schemas.find(connection, event.schemaVersion())
                        .map(found -> found.map(CostSchemaVersion::schema).orElseGet(this::defaultSchema));
        return Uni.combine().all().unis(schema, repository.replay(connection, event)).asTuple().map(found -> {
            EventCosting costing = new EventCosting(found.getItem1());
            CostingRepository.Replay replay = found.getItem2();
            Map<String, Object> explanation = new LinkedHashMap<>();
            BigDecimal amount = null;
            if (replay.record() != null) {
                Outcome outcome = costing.cost(replay.record(), replay.reference());
                if (outcome instanceof Outcome.Costed c) {
                    explanation = c.explanation();
                    amount = c.amount();
                } else if (outcome instanceof Outcome.Uncostable u) {
                    explanation.put("reason", u.detail());
                }
            } else if (replay.laborRecord() != null) {
                LaborOutcome outcome = costing.costUnmatched(replay.laborRecord(), replay.reference());
                if (outcome instanceof LaborOutcome.Costed c) {
                    explanation = c.explanation();
                    amount = c.amount();
                } else if (outcome instanceof LaborOutcome.Uncostable u) {
                    explanation.put("reason", u.detail());
                }
            }
            if (amount == null || amount.compareTo(event.amount()) != 0) {
                explanation.put("replay",
                        "the inputs this event names no longer give its amount " + event.amount().toPlainString()
                                + (amount == null ? "" : " but " + amount.toPlainString())
                                + "; it is re-costed when its record, cost roll or schema is corrected");
            }
            return explanation;
        });
    }

    /**
     * Costs a chunk of rework hours that no current event values and no defect record covers; hours that belong to a
     * defect record are left to that record's costing, which runs first.
     */
    private Uni<Chunk> laborChunk(SqlConnection connection, long afterRecordId) {
        return alone(connection, () -> repository.pendingLabor(connection, afterRecordId, config.chunkSize()))
                .chain(pending -> {
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(new Chunk(afterRecordId, 0, 0, 0, Map.of()));
                    }
                    long last = pending.get(pending.size() - 1).record().recordId();
                    List<LaborRecord> unmatched = pending.stream().filter(p -> !p.matched())
                            .map(CostingRepository.PendingLabor::record).toList();
                    if (unmatched.isEmpty()) {
                        return Uni.createFrom().item(new Chunk(last, pending.size(), 0, 0, Map.of()));
                    }
                    return Uni.combine().all()
                            .unis(approvedSchema(connection), repository.laborReferenceData(connection, unmatched))
                            .asTuple().chain(found -> {
                                CostSchema schema = found.getItem1();
                                EventCosting costing = new EventCosting(schema, false);
                                List<LaborOutcome.Costed> costed = new ArrayList<>();
                                List<LaborOutcome.Uncostable> uncostable = new ArrayList<>();
                                for (LaborRecord record : unmatched) {
                                    LaborOutcome outcome = costing.costUnmatched(record, found.getItem2());
                                    if (outcome instanceof LaborOutcome.Costed c) {
                                        costed.add(c);
                                    } else {
                                        uncostable.add((LaborOutcome.Uncostable) outcome);
                                    }
                                }
                                RollupDelta delta = new RollupDelta();
                                costed.forEach(c -> delta.add(CostingRepository.rollupKey(c),
                                        week(c.record().performedAt(), c.record().plant(), found.getItem2()),
                                        c.amount(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1));
                                return repository.insertLaborCosted(connection, costed, schema.version())
                                        .chain(() -> repository.closeLaborExceptions(connection,
                                                costed.stream().map(c -> c.record().recordId()).toList()))
                                        .chain(() -> repository.openLaborExceptions(connection, uncostable))
                                        .chain(() -> repository.applyRollups(connection,
                                                delta.bookedIn(found.getItem2()::bookingPeriod)))
                                        .replaceWith(new Chunk(last, pending.size(), costed.size(), uncostable.size(),
                                                Map.of()));
                            });
                });
    }

    /**
     * Splits the scrap of a chunk of confirmations into planned and unplanned and values the variance; the scrap
     * variances of plant, period, part and operation change in the same transaction. A confirmation is not a costed
     * event: the run's counts leave it out.
     */
    private Uni<Chunk> confirmationChunk(SqlConnection connection, long afterRecordId) {
        return alone(connection, () -> repository.pendingConfirmations(connection, afterRecordId, config.chunkSize()))
                .chain(records -> {
                    if (records.isEmpty()) {
                        return Uni.createFrom().item(new Chunk(afterRecordId, 0, 0, 0, Map.of()));
                    }
                    return Uni.combine().all()
                            .unis(approvedSchema(connection), repository.confirmationReferenceData(connection, records))
                            .asTuple().chain(found -> {
                                EventCosting costing = new EventCosting(found.getItem1());
                                List<VarianceOutcome> outcomes = records.stream()
                                        .map(record -> costing.costConfirmation(record, found.getItem2())).toList();
                                VarianceDelta delta = new VarianceDelta();
                                outcomes.stream().filter(VarianceOutcome.Valued.class::isInstance)
                                        .map(VarianceOutcome.Valued.class::cast)
                                        .forEach(v -> delta.add(
                                                new VarianceDelta.Key(v.record().plant(), v.period(), v.record().part(),
                                                        v.record().operation()),
                                                v.result().plannedQuantity(), v.result().unplannedQuantity(),
                                                v.result().varianceQuantity(), v.result().value(), 1));
                                long last = records.get(records.size() - 1).recordId();
                                return repository.supersedeEarlierConfirmations(connection, records, delta)
                                        .chain(() -> repository.upsertConfirmations(connection, outcomes))
                                        .chain(() -> repository.applyVariances(connection,
                                                delta.bookedIn(found.getItem2()::bookingPeriod)))
                                        .replaceWith(new Chunk(last, records.size(), 0, 0, Map.of()));
                            });
                });
    }

    /**
     * What {@code pending} finds, looked for again once the tenant's costing lock is held alone: rework hours and
     * confirmations are costed by one run at a time. Looking first without the lock means a sweep with nothing of them
     * to cost neither waits for, nor holds up, the batches being costed.
     */
    private <T> Uni<List<T>> alone(SqlConnection connection, Supplier<Uni<List<T>>> pending) {
        return pending.get().chain(found -> found.isEmpty() ? Uni.createFrom().item(found)
                : repository.lockTenant(connection).chain(() -> pending.get()));
    }

    private Uni<CostSchema> approvedSchema(SqlConnection connection) {
        return schemas.approved(connection).map(approved -> approved.orElseGet(this::defaultSchema));
    }

    /** The model's defaults with the configured method and rounding, what costs while no schema is approved. */
    private CostSchema defaultSchema() {
        return CostSchema.defaults(config.method(), config.roundingMode());
    }

    /** Fire and forget, with this service's token for the tenant: what a prompt misses, the alert sweep finds. */
    private void promptAlerts(String tenant, Run run) {
        run.touched().forEach((plant, periods) -> periods.forEach((period, codes) -> alerts
                .prompt(tenant, new AlertPrompt(plant, period, List.copyOf(codes))).subscribe().with(ok -> {
                }, failure -> Log.warnf("alerts were not prompted for %s %s (their sweep will catch up): %s", plant,
                        period, failure.getMessage()))));
    }
}
