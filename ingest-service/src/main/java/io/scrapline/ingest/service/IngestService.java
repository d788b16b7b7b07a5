package io.scrapline.ingest.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.ingest.client.CostingClient;
import io.scrapline.ingest.config.IngestConfig;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.RecordValidator;
import io.scrapline.ingest.domain.RowSource;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.repository.BatchRepository;
import io.scrapline.ingest.repository.LandingSql;
import io.scrapline.ingest.repository.RecordRepository;
import io.scrapline.platform.api.CostingPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.TooLargeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Validates a batch and lands it, a chunk at a time, in one transaction; after the commit prompts costing. The body is
 * read as a stream, so memory stays flat however large the batch is.
 */
@ApplicationScoped
public class IngestService {

    /**
     * Who sends what, and how: all-or-nothing unless {@code partial}. {@code scope} is the sender's plants and lines: a
     * row outside it refuses the whole batch, whatever the mode.
     */
    public record Submission(String tenant, String source, RecordType type, boolean partial, boolean ignoreUnknown,
            Scope scope) {

        /** A submission of the whole tenant (a connector's run). */
        public Submission(String tenant, String source, RecordType type, boolean partial, boolean ignoreUnknown) {
            this(tenant, source, type, partial, ignoreUnknown, Scope.TENANT);
        }
    }

    /** What the batch has come to so far. */
    private static final class Progress {
        final UUID batchId = UUID.randomUUID();
        final List<FieldError> errors = new ArrayList<>();
        final List<FieldError> outOfScope = new ArrayList<>();
        int outOfScopeRows;
        final Set<String> knownPlants = new HashSet<>();
        final Set<String> unknownPlants = new HashSet<>();
        int received;
        int inserted;
        int updated;
        int valid;
        int rejected;
        int errorCount;
        LandingSql.Probe probe;
    }

    private final TenantDb db;
    private final RecordRepository records;
    private final BatchRepository batches;
    private final CostingClient costing;
    private final IngestConfig config;
    private final InputConfig.Years years;

    public IngestService(TenantDb db, RecordRepository records, BatchRepository batches,
            @RestClient CostingClient costing, IngestConfig config, InputConfig input) {
        this.db = db;
        this.records = records;
        this.batches = batches;
        this.costing = costing;
        this.config = config;
        this.years = input.years();
    }

    /**
     * Ingests one batch. All-or-nothing unless partial: any error rejects the whole batch with every error listed (up
     * to the configured number; the counts cover all rows) and nothing stored.
     */
    public Uni<BatchSummary> ingest(Submission submission, RowSource rows) {
        return ingest(submission, rows, (connection, summary) -> Uni.createFrom().voidItem());
    }

    /**
     * Ingests one batch and runs {@code alsoInTransaction} in the batch's transaction once the batch is accepted, so
     * that what must commit with the records (a connector's cursor, a webhook's delivery id) commits with them or not
     * at all.
     */
    public Uni<BatchSummary> ingest(Submission submission, RowSource rows,
            BiFunction<SqlConnection, BatchSummary, Uni<Void>> alsoInTransaction) {
        Progress progress = new Progress();
        return db.inTenant(submission.tenant(), connection -> batches.registerSource(connection, submission.source())
                .chain(() -> batches.insert(connection, summary(submission, progress), submission.source()))
                .chain(() -> records.probe(connection, submission.type()).invoke(probe -> progress.probe = probe))
                .chain(() -> landChunks(connection, submission, rows, progress))
                .chain(() -> checkRepeats(connection, submission, progress)).chain(() -> {
                    Scope.refuseRows(progress.outOfScope, progress.outOfScopeRows, "nothing of this batch was stored");
                    if (progress.errorCount > 0 && !submission.partial()) {
                        throw new InvalidInputException(
                                progress.rejected + " of " + progress.received
                                        + " rows are invalid; nothing of this batch was stored",
                                sorted(progress.errors));
                    }
                    BatchSummary summary = summary(submission, progress);
                    return batches.updateCounts(connection, summary)
                            .chain(() -> batches.stampSource(connection, submission.source()))
                            .chain(() -> alsoInTransaction.apply(connection, summary)).replaceWith(summary);
                })).eventually(() -> Uni.createFrom().voidItem().invoke(rows::close)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .invoke(summary -> {
                    if (summary.accepted() + summary.updated() > 0) {
                        prompt(submission.tenant(), new CostingPrompt(summary.batchId(), submission.type().path()));
                    }
                });
    }

    /** The batch, if all its records are in {@code scope}: else it is not found, as another tenant's batch is not. */
    public Uni<BatchSummary> batch(String tenant, Scope scope, UUID batchId) {
        return db.inTenant(tenant, connection -> batches.find(connection, batchId).chain(found -> {
            if (found.isEmpty() || scope.wholeTenant()) {
                return Uni.createFrom().item(found);
            }
            return RecordType.fromPath(found.get().type())
                    .map(type -> records.outsideScope(connection, type, batchId, scope))
                    .orElse(Uni.createFrom().item(true))
                    .map(outside -> outside ? Optional.<BatchSummary> empty() : found);
        })).map(found -> found.orElseThrow(() -> new NotFoundProblem("no batch " + batchId)));
    }

    /** A chunk read and validated, ready to land. */
    private record Prepared(RowSource.Chunk chunk, RecordValidator.Result result) {
    }

    /** Reads and validates the next chunk on a worker thread: no database work, so it can run ahead. */
    private Uni<Prepared> prepare(Submission submission, RowSource rows) {
        return Uni.createFrom().item(() -> {
            RowSource.Chunk chunk = rows.next(config.chunkSize());
            return new Prepared(chunk, new RecordValidator(submission.type(), submission.ignoreUnknown(), years)
                    .validateChunk(chunk.rows()));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Lands the chunks one after the other. Each step is its own subscription that ends when its chunk is written, so a
     * finished chunk is garbage at once: memory stays flat however many chunks the batch has.
     */
    private Uni<Void> landChunks(SqlConnection connection, Submission submission, RowSource rows, Progress progress) {
        return Uni.createFrom()
                .emitter(done -> step(prepare(submission, rows), connection, submission, rows, progress, done));
    }

    private void step(Uni<Prepared> current, SqlConnection connection, Submission submission, RowSource rows,
            Progress progress, UniEmitter<? super Void> done) {
        current.chain(prepared -> landOne(prepared, connection, submission, rows, progress)).subscribe().with(next -> {
            if (next.isEmpty()) {
                done.complete(null);
            } else {
                step(next.get(), connection, submission, rows, progress, done);
            }
        }, done::fail);
    }

    /** Lands one prepared chunk; the next chunk, already being read, or nothing at the end of the body. */
    private Uni<Optional<Uni<Prepared>>> landOne(Prepared prepared, SqlConnection connection, Submission submission,
            RowSource rows, Progress progress) {
        RowSource.Chunk chunk = prepared.chunk();
        if (chunk.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        progress.received += chunk.read();
        if (progress.received > config.maxRows()) {
            throw new TooLargeProblem(
                    "a batch may hold at most " + config.maxRows() + " rows; send the records in " + "several batches");
        }
        // Read and validate the next chunk while this one is written: the CPU work of the service and of the
        // database overlap instead of taking turns.
        // A future, not a memoized Uni: a memoized Uni can hand its item to a subscriber that is still subscribing
        // (the item comes from a worker thread), which then takes the item of its inner Uni for its outer one.
        Uni<Prepared> next = Uni.createFrom().completionStage(prepare(submission, rows).subscribeAsCompletionStage());
        RecordValidator.Result result = prepared.result();
        addErrors(progress, chunk.errors());
        addErrors(progress, result.errors());
        progress.rejected += result.rejectedRows()
                + (int) chunk.errors().stream().map(FieldError::row).distinct().count();
        List<ValidRecord> inScope = withScopeChecked(submission, result.valid(), progress);
        return withPlantsChecked(connection, inScope, progress).chain(valid -> {
            progress.valid += valid.size();
            if ((progress.errorCount > 0 && !submission.partial()) || progress.outOfScopeRows > 0) {
                // The batch will be refused: keep reading to list every error, but write nothing more.
                return Uni.createFrom().voidItem();
            }
            return records
                    .land(connection, submission.type(), progress.probe, submission.source(), progress.batchId, valid)
                    .invoke(landed -> {
                        progress.inserted += landed.inserted();
                        progress.updated += landed.updated();
                    }).replaceWithVoid();
        }).replaceWith(Optional.of(next));
    }

    /**
     * The records of the sender's plants and lines; the others are kept to refuse the batch with. A record type without
     * a line (or a work order without one) covers its whole plant. Checked before the plants are looked up, so that the
     * answer for a plant out of scope does not tell whether it exists.
     */
    private List<ValidRecord> withScopeChecked(Submission submission, List<ValidRecord> valid, Progress progress) {
        if (submission.scope().wholeTenant()) {
            return valid;
        }
        boolean hasLine = submission.type().index("line") >= 0;
        List<ValidRecord> kept = new ArrayList<>(valid.size());
        for (ValidRecord record : valid) {
            FieldError error = submission.scope().rowError(record.row(), record.text("plant"),
                    hasLine ? record.text("line") : null);
            if (error == null) {
                kept.add(record);
            } else if (progress.outOfScopeRows++ < config.maxErrors()) {
                progress.outOfScope.add(error);
            }
        }
        return kept;
    }

    /** The records whose plant the tenant has registered; the others become errors. */
    private Uni<List<ValidRecord>> withPlantsChecked(SqlConnection connection, List<ValidRecord> valid,
            Progress progress) {
        Set<String> unseen = valid.stream().map(r -> r.text("plant"))
                .filter(p -> !progress.knownPlants.contains(p) && !progress.unknownPlants.contains(p))
                .collect(Collectors.toSet());
        Uni<Void> lookedUp = unseen.isEmpty() ? Uni.createFrom().voidItem()
                : records.knownPlants(connection, unseen).invoke(known -> {
                    progress.knownPlants.addAll(known);
                    unseen.stream().filter(p -> !known.contains(p)).forEach(progress.unknownPlants::add);
                }).replaceWithVoid();
        return lookedUp.map(ignored -> {
            List<ValidRecord> kept = new ArrayList<>(valid.size());
            for (ValidRecord record : valid) {
                if (progress.knownPlants.contains(record.text("plant"))) {
                    kept.add(record);
                } else {
                    addErrors(progress,
                            List.of(new FieldError(record.row(), "plant", "unknown plant " + record.text("plant"))));
                    progress.rejected++;
                }
            }
            return kept;
        });
    }

    /**
     * A record sent twice in one batch with different content is an error: which row should win is not ours to guess.
     * In partial mode the later rows are taken out again.
     */
    private Uni<Void> checkRepeats(SqlConnection connection, Submission submission, Progress progress) {
        if (progress.inserted + progress.updated == 0) {
            return Uni.createFrom().voidItem();
        }
        return records.repeatedRows(connection, submission.type(), progress.batchId).chain(repeats -> {
            if (repeats.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<FieldError> errors = repeats.stream()
                    .map(r -> new FieldError(r[0], String.join("+", submission.type().key()),
                            "same record as row " + r[1] + " of this batch, " + "with other content"))
                    .toList();
            addErrors(progress, errors);
            progress.rejected += repeats.size();
            progress.valid -= repeats.size();
            progress.updated -= repeats.size();
            return submission.partial() ? records.removeRows(connection, submission.type(), progress.batchId,
                    repeats.stream().map(r -> r[0]).toArray(Integer[]::new)) : Uni.createFrom().voidItem();
        });
    }

    private void addErrors(Progress progress, List<FieldError> errors) {
        progress.errorCount += errors.size();
        int room = config.maxErrors() - progress.errors.size();
        if (room > 0) {
            progress.errors.addAll(errors.size() <= room ? errors : errors.subList(0, room));
        }
    }

    private static BatchSummary summary(Submission submission, Progress progress) {
        return new BatchSummary(progress.batchId, submission.type().path(), progress.received, progress.inserted,
                progress.valid - progress.inserted - progress.updated, progress.updated, progress.rejected,
                sorted(progress.errors), null);
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        return sorted;
    }

    /**
     * Fire and forget, with this service's token for the tenant (never the sender's, which may expire first or be
     * limited to some lines): if costing-service is down, its sweep finds the records in the database.
     */
    private void prompt(String tenant, CostingPrompt prompt) {
        costing.prompt(tenant, prompt).subscribe().with(ok -> {
        }, failure -> Log.warnf("costing was not prompted for batch %s (its sweep will pick it up): %s",
                prompt.batchId(), failure.getMessage()));
    }
}
