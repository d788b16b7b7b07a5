package io.scrapline.ingest.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.config.IngestConfig;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordValidator;
import io.scrapline.ingest.domain.RowSource;
import io.scrapline.ingest.domain.ValidRecord;
import io.scrapline.ingest.service.IngestService.Submission;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.TooLargeProblem;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Validates a batch and lands it a chunk at a time through a {@link BatchWriter}, in the writer's one transaction. The
 * body is read as a stream, so memory stays flat however large the batch is.
 */
@ApplicationScoped
class BatchLanding {

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
    }

    private final IngestConfig config;
    private final InputConfig.Years years;

    BatchLanding(IngestConfig config, InputConfig input) {
        this.config = config;
        this.years = input.years();
    }

    /**
     * Lands the batch; refuses it, with every error listed (up to the configured number; the counts cover all rows), if
     * a row is invalid and the submission is not partial, or if a row is outside the sender's scope. The caller commits
     * the writer's transaction on success and rolls it back on failure.
     */
    Uni<BatchSummary> land(BatchWriter writer, Submission submission, RowSource rows) {
        Progress progress = new Progress();
        return writer.begin(summary(submission, progress), submission.source())
                .chain(() -> landChunks(writer, submission, rows, progress))
                .chain(() -> checkRepeats(writer, submission, progress)).chain(() -> {
                    Scope.refuseRows(progress.outOfScope, progress.outOfScopeRows, "nothing of this batch was stored");
                    if (progress.errorCount > 0 && !submission.partial()) {
                        throw new InvalidInputException(
                                progress.rejected + " of " + progress.received
                                        + " rows are invalid; nothing of this batch was stored",
                                sorted(progress.errors));
                    }
                    BatchSummary summary = summary(submission, progress);
                    return writer.finish(summary, submission.source()).replaceWith(summary);
                });
    }

    /**
     * A chunk read and validated, ready to land: how many rows it read, the errors of rows it could not read, and the
     * validation's result. The rows as read are garbage once validated, so that a chunk keeps less in memory while it
     * waits to be written.
     */
    private record Prepared(int read, List<FieldError> readErrors, RecordValidator.Result result) {
    }

    /** Reads and validates the next chunk on a worker thread: no database work, so it can run ahead. */
    private Uni<Prepared> prepare(Submission submission, RowSource rows) {
        return Uni.createFrom().item(() -> {
            RowSource.Chunk chunk = rows.next(config.chunkSize());
            return new Prepared(chunk.read(), chunk.errors(),
                    new RecordValidator(submission.type(), submission.ignoreUnknown(), years)
                            .validateChunk(chunk.rows()));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Lands the chunks one after the other. Each step is its own subscription that ends when its chunk is written, so a
     * finished chunk is garbage at once: memory stays flat however many chunks the batch has.
     */
    private Uni<Void> landChunks(BatchWriter writer, Submission submission, RowSource rows, Progress progress) {
        return Uni.createFrom()
                .emitter(done -> step(prepare(submission, rows), writer, submission, rows, progress, done));
    }

    private void step(Uni<Prepared> current, BatchWriter writer, Submission submission, RowSource rows,
            Progress progress, UniEmitter<? super Void> done) {
        current.chain(prepared -> landOne(prepared, writer, submission, rows, progress)).subscribe().with(next -> {
            if (next.isEmpty()) {
                done.complete(null);
            } else {
                step(next.get(), writer, submission, rows, progress, done);
            }
        }, done::fail);
    }

    /** Lands one prepared chunk; the next chunk, already being read, or nothing at the end of the body. */
    private Uni<Optional<Uni<Prepared>>> landOne(Prepared prepared, BatchWriter writer, Submission submission,
            RowSource rows, Progress progress) {
        if (prepared.read() == 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        progress.received += prepared.read();
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
        addErrors(progress, prepared.readErrors());
        addErrors(progress, result.errors());
        progress.rejected += result.rejectedRows()
                + (int) prepared.readErrors().stream().map(FieldError::row).distinct().count();
        List<ValidRecord> inScope = withScopeChecked(submission, result.valid(), progress);
        return withPlantsChecked(writer, inScope, progress).chain(valid -> {
            progress.valid += valid.size();
            if ((progress.errorCount > 0 && !submission.partial()) || progress.outOfScopeRows > 0) {
                // The batch will be refused: keep reading to list every error, but write nothing more.
                return Uni.createFrom().voidItem();
            }
            return writer.land(submission.source(), progress.batchId, valid).invoke(landed -> {
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

    /**
     * The records whose plant the tenant has registered; the others become errors. Every record type has a plant, a
     * required code, so each record's is a string at the same place.
     */
    private Uni<List<ValidRecord>> withPlantsChecked(BatchWriter writer, List<ValidRecord> valid, Progress progress) {
        int plant = valid.isEmpty() ? -1 : valid.get(0).type().index("plant");
        Set<String> unseen = new HashSet<>();
        for (ValidRecord record : valid) {
            String code = (String) record.value(plant);
            if (!progress.knownPlants.contains(code) && !progress.unknownPlants.contains(code)) {
                unseen.add(code);
            }
        }
        Uni<Void> lookedUp = unseen.isEmpty() ? Uni.createFrom().voidItem()
                : writer.knownPlants(unseen).invoke(known -> {
                    progress.knownPlants.addAll(known);
                    unseen.stream().filter(p -> !known.contains(p)).forEach(progress.unknownPlants::add);
                }).replaceWithVoid();
        return lookedUp.map(ignored -> {
            if (progress.unknownPlants.isEmpty()) {
                return valid;
            }
            List<ValidRecord> kept = new ArrayList<>(valid.size());
            for (ValidRecord record : valid) {
                String code = (String) record.value(plant);
                if (progress.knownPlants.contains(code)) {
                    kept.add(record);
                } else {
                    addErrors(progress, List.of(new FieldError(record.row(), "plant", "unknown plant " + code)));
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
    private Uni<Void> checkRepeats(BatchWriter writer, Submission submission, Progress progress) {
        if (progress.inserted + progress.updated == 0) {
            return Uni.createFrom().voidItem();
        }
        return writer.repeatedRows(progress.batchId).chain(repeats -> {
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
            return submission.partial()
                    ? writer.removeRows(progress.batchId, repeats.stream().map(r -> r[0]).toArray(Integer[]::new))
                    : Uni.createFrom().voidItem();
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
}
