package io.scrapline.ingest.service;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.ingest.client.CostingClient;
import io.scrapline.ingest.config.IngestConfig;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.RowSource;
import io.scrapline.ingest.repository.BatchRepository;
import io.scrapline.ingest.repository.CopyRepository;
import io.scrapline.ingest.repository.RecordRepository;
import io.scrapline.platform.api.CostingPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Lands a batch ({@link BatchLanding}) in one transaction, through the reactive client or, when it is large, through
 * {@code COPY}; after the commit prompts costing.
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

    private final TenantDb db;
    private final RecordRepository records;
    private final BatchRepository batches;
    private final CopyRepository copies;
    private final BatchLanding landing;
    private final CostingClient costing;
    private final IngestConfig config;
    private final BatchesInFlight inFlight;

    public IngestService(TenantDb db, RecordRepository records, BatchRepository batches, CopyRepository copies,
            BatchLanding landing, @RestClient CostingClient costing, IngestConfig config, BatchesInFlight inFlight) {
        this.db = db;
        this.records = records;
        this.batches = batches;
        this.copies = copies;
        this.landing = landing;
        this.costing = costing;
        this.config = config;
        this.inFlight = inFlight;
    }

    /**
     * Ingests one batch. All-or-nothing unless partial: any error rejects the whole batch with every error listed (up
     * to the configured number; the counts cover all rows) and nothing stored. A batch of more rows than the copy
     * threshold lands through {@code COPY} on a JDBC connection, a smaller one through the reactive client.
     */
    public Uni<BatchSummary> ingest(Submission submission, RowSource rows) {
        return inFlight
                .counted(registerSource(submission)
                        .chain(() -> BatchWriter
                                .blocking(() -> RowSource.readAhead(rows, config.chunkSize(), config.copyThreshold())))
                        .chain(read -> read.moreThanRead() ? byCopy(submission, read.rows())
                                : inTransaction(submission, read.rows(),
                                        (connection, summary) -> Uni.createFrom().voidItem()))
                        .eventually(() -> BatchWriter.blockingVoid(rows::close)))
                .invoke(summary -> promptCosting(submission, summary));
    }

    /**
     * Ingests one batch through the reactive client and runs {@code alsoInTransaction} in the batch's transaction once
     * the batch is accepted, so that what must commit with the records (a connector's cursor, a webhook's delivery id)
     * commits with them or not at all.
     */
    public Uni<BatchSummary> ingest(Submission submission, RowSource rows,
            BiFunction<SqlConnection, BatchSummary, Uni<Void>> alsoInTransaction) {
        return inFlight
                .counted(registerSource(submission).chain(() -> inTransaction(submission, rows, alsoInTransaction))
                        .eventually(() -> BatchWriter.blockingVoid(rows::close)))
                .invoke(summary -> promptCosting(submission, summary));
    }

    /**
     * Registers the source, if it is new, in a short transaction of its own: a batch's transaction that registered it
     * would make every other batch of the source wait for it (as would one that stamped the source's row early).
     */
    private Uni<Void> registerSource(Submission submission) {
        return db.inTenant(submission.tenant(), connection -> batches.registerSource(connection, submission.source()));
    }

    private Uni<BatchSummary> inTransaction(Submission submission, RowSource rows,
            BiFunction<SqlConnection, BatchSummary, Uni<Void>> alsoInTransaction) {
        return db.inTenant(submission.tenant(),
                connection -> landing
                        .land(BatchWriter.reactive(connection, submission.type(), records, batches), submission, rows)
                        .call(summary -> alsoInTransaction.apply(connection, summary)));
    }

    /** The batch in one JDBC transaction, its chunks landed through {@code COPY}. */
    private Uni<BatchSummary> byCopy(Submission submission, RowSource rows) {
        return BatchWriter.blocking(() -> copies.open(submission.tenant(), submission.type()))
                .chain(batch -> landing.land(BatchWriter.copy(batch), submission, rows)
                        .call(() -> BatchWriter.blockingVoid(batch::commit))
                        .eventually(() -> BatchWriter.blockingVoid(batch::close)));
    }

    /** Logs the committed batch (the request's log context names the tenant and the trace) and prompts costing. */
    private void promptCosting(Submission submission, BatchSummary summary) {
        Log.infof("batch %s of source %s, %s: %d accepted, %d updated, %d duplicates, %d rejected", summary.batchId(),
                submission.source(), submission.type().path(), summary.accepted(), summary.updated(),
                summary.duplicates(), summary.rejected());
        if (summary.accepted() + summary.updated() > 0) {
            prompt(submission.tenant(), new CostingPrompt(summary.batchId(), submission.type().path()));
        }
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
