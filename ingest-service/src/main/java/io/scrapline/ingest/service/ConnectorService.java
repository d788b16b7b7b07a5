package io.scrapline.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.ingest.client.DatabasePuller;
import io.scrapline.ingest.client.PageSource;
import io.scrapline.ingest.client.PullException;
import io.scrapline.ingest.client.RestPuller;
import io.scrapline.ingest.config.ConnectorConfig;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.Connector;
import io.scrapline.ingest.domain.ConnectorDefinition;
import io.scrapline.ingest.domain.ConnectorDraft;
import io.scrapline.ingest.domain.ConnectorOverview;
import io.scrapline.ingest.domain.ConnectorRun;
import io.scrapline.ingest.domain.ConnectorSettings;
import io.scrapline.ingest.domain.Destination;
import io.scrapline.ingest.domain.RowSource;
import io.scrapline.ingest.repository.ConnectorRepository;
import io.scrapline.ingest.service.IngestService.Submission;
import io.scrapline.platform.egress.EgressPolicy;
import io.scrapline.platform.egress.EgressRefusedException;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.TooLargeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Defines connectors and runs them. A run fetches page after page and lands each page as one ingest batch (partial
 * mode: a bad row is rejected and noted in the run log, the good ones are stored), moving the connector's cursor in the
 * batch's own transaction — so a run that fails halfway leaves the cursor at the last page it stored, and the next run
 * goes on from there with no gap and no duplicate. One connector runs at most once at a time in the whole cluster (a
 * PostgreSQL advisory lock held for the run).
 */
@ApplicationScoped
public class ConnectorService {

    /** The run log keeps this much of a run's error text. */
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Rejected rows named per page in the run log; the counts cover them all. */
    private static final int REJECTIONS_NAMED = 5;

    /** The outcome of a put: the connector as stored, and whether it is new. */
    public record Saved(ConnectorOverview connector, boolean created) {
    }

    /** A run started on request: finished, or still running when the wait ran out. */
    public record Started(ConnectorRun run, boolean finished) {
    }

    /** Where one run has got to. */
    private static final class RunState {
        final Connector connector;
        final long runId;
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> notes = new ArrayList<>();
        String cursor;
        int pagesFetched;

        RunState(Connector connector, long runId) {
            this.connector = connector;
            this.runId = runId;
            this.cursor = connector.cursor();
        }
    }

    private final TenantDb db;
    private final ConnectorRepository connectors;
    private final IngestService ingest;
    private final RestPuller rest;
    private final DatabasePuller database;
    private final ConnectorConfig config;
    private final EgressPolicy egress;

    public ConnectorService(TenantDb db, ConnectorRepository connectors, IngestService ingest, RestPuller rest,
            DatabasePuller database, ConnectorConfig config, EgressPolicy egress) {
        this.egress = egress;
        this.db = db;
        this.connectors = connectors;
        this.ingest = ingest;
        this.rest = rest;
        this.database = database;
        this.config = config;
    }

    /**
     * Creates or replaces the connector (and registers its source system if it is new). The source system is touched
     * before the connector is locked, in the order a page's ingest takes them, so that the two never deadlock.
     */
    public Uni<Saved> put(String tenant, String source, String name, ConnectorDraft draft) {
        return refusedDestinations(draft)
                .chain(refused -> db.inTenant(tenant, connection -> connectors.touchSource(connection, source)
                        .chain(() -> connectors.find(connection, source, name, true)).chain(stored -> {
                            ConnectorDefinition definition = ConnectorDefinition.of(source, name, draft,
                                    stored.orElse(null), refused);
                            return connectors.upsert(connection, source, name, definition)
                                    .chain(created -> overview(connection, source, name)
                                            .map(shown -> new Saved(shown, created)));
                        })))
                .invoke(saved -> Log.infof("connector %s/%s of tenant %s %s", source, name, tenant,
                        saved.created() ? "created" : "updated"));
    }

    /**
     * An error for each host of the request that the egress policy refuses, named by its field. A name that does not
     * resolve (yet) is no error here: every run checks again.
     */
    private Uni<List<FieldError>> refusedDestinations(ConnectorDraft draft) {
        if (draft == null) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(Destination.of(draft.kind(), draft.config())).onItem()
                .transformToUniAndConcatenate(destination -> egress.check(destination.host(), destination.port())
                        .map(checked -> Optional.<FieldError> empty()).onFailure(EgressRefusedException.class)
                        .recoverWithItem(refused -> Optional
                                .of(new FieldError(null, destination.field(), EgressRefusedException.MESSAGE)))
                        .onFailure().recoverWithItem(Optional.empty()))
                .filter(Optional::isPresent).map(Optional::get).collect().asList();
    }

    /** The connector and its latest run. */
    public Uni<ConnectorOverview> get(String tenant, String source, String name) {
        return db.readInTenant(tenant, connection -> overview(connection, source, name));
    }

    /** The connector's run log, newest first. */
    public Uni<List<ConnectorRun>> runs(String tenant, String source, String name, int limit) {
        return db.readInTenant(tenant, connection -> connectors.find(connection, source, name, false).chain(found -> {
            if (found.isEmpty()) {
                throw notFound(source, name);
            }
            return connectors.runs(connection, source, name, limit);
        }));
    }

    /**
     * Runs the connector now, enabled or not, and waits a while for the run to end; a run that takes longer goes on and
     * is answered as running. Refused with 409 while the connector is running already.
     */
    public Uni<Started> runNow(String tenant, String source, String name) {
        return db.inTenant(tenant, connection -> connectors.find(connection, source, name, false)).chain(found -> {
            Connector connector = found.orElseThrow(() -> notFound(source, name));
            CompletableFuture<Long> started = new CompletableFuture<>();
            CompletableFuture<ConnectorRun> finished = new CompletableFuture<>();
            // The run is subscribed on its own, so that the caller giving up on the answer does not stop it.
            run(tenant, connector, started).subscribe().with(run -> {
                if (run.isEmpty()) {
                    started.completeExceptionally(new ConflictProblem(
                            "connector " + source + "/" + name + " is running already; see its runs"));
                } else {
                    finished.complete(run.get());
                }
            }, failure -> {
                started.completeExceptionally(failure);
                finished.completeExceptionally(failure);
            });
            // Copies of the futures: a timed-out wait cancels its copy, never the run.
            return Uni.createFrom().completionStage(() -> started.thenApply(Function.identity()))
                    .chain(runId -> Uni.createFrom().completionStage(() -> finished.thenApply(Function.identity()))
                            .map(run -> new Started(run, true)).ifNoItem().after(config.runNowWait())
                            .recoverWithUni(() -> db.inTenant(tenant, connection -> connectors.run(connection, runId))
                                    .map(run -> new Started(run.orElseThrow(), false))));
        });
    }

    /** Runs the tenant's due connectors one after the other; one that fails does not hold up the others. */
    public Uni<Void> runDue(String tenant) {
        return db.inTenant(tenant, connectors::due).onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(connector -> run(tenant, connector, new CompletableFuture<>())
                        .onFailure().recoverWithItem(failure -> {
                            Log.errorf(failure, "connector %s/%s of tenant %s could not be run", connector.source(),
                                    connector.connector(), tenant);
                            return Optional.empty();
                        }))
                .collect().last().replaceWithVoid();
    }

    /**
     * Runs the connector unless it is running already, on this replica or another: then the answer is empty.
     * {@code started} gets the run's id once the run is in the log.
     */
    private Uni<Optional<ConnectorRun>> run(String tenant, Connector connector, CompletableFuture<Long> started) {
        AtomicReference<ConnectorRun> outcome = new AtomicReference<>();
        return db
                .onceInCluster(connector.lockName(tenant),
                        () -> execute(tenant, connector, started).invoke(outcome::set).replaceWithVoid())
                .map(ran -> ran ? Optional.ofNullable(outcome.get()) : Optional.empty());
    }

    private Uni<ConnectorRun> execute(String tenant, Connector requested, CompletableFuture<Long> started) {
        // Read again under the lock: the cursor is where the previous run, which may just have ended, left it.
        return db.inTenant(tenant, connection -> connectors
                .find(connection, requested.source(), requested.connector(), true).chain(found -> {
                    if (found.isEmpty()) {
                        throw notFound(requested.source(), requested.connector());
                    }
                    return connectors.startRun(connection, found.get()).map(runId -> new RunState(found.get(), runId));
                })).chain(run -> {
                    started.complete(run.runId);
                    Log.infof("connector %s/%s of tenant %s: run %d from cursor %s", requested.source(),
                            requested.connector(), tenant, run.runId, run.cursor);
                    return Uni.createFrom().deferred(() -> pull(tenant, run)).onItemOrFailure()
                            .transformToUni((ignored, failure) -> finish(tenant, run, failure));
                });
    }

    private Uni<Void> pull(String tenant, RunState run) {
        ConnectorSettings settings = run.connector.settings();
        Runnable onAttempt = run.attempts::incrementAndGet;
        PageSource pages = settings instanceof ConnectorSettings.Rest restSettings
                ? rest.open(tenant, restSettings, onAttempt)
                : database.open((ConnectorSettings.Database) settings, onAttempt);
        int limit = settings.pageLimit() != null ? settings.pageLimit() : config.maxPagesPerRun();
        return nextPage(tenant, run, pages, limit).eventually(() -> pages
                .close().onFailure().invoke(failure -> Log.warnf("connector %s/%s: closing its source failed: %s",
                        run.connector.source(), run.connector.connector(), failure.getMessage()))
                .onFailure().recoverWithNull());
    }

    /**
     * Fetches the page at the run's cursor and stores it with the cursor that follows it. The run ends with an empty
     * page, a page without a next cursor (or with the same cursor again), or at the page limit.
     */
    private Uni<Void> nextPage(String tenant, RunState run, PageSource pages, int limit) {
        if (run.pagesFetched >= limit) {
            Log.infof("connector %s/%s: page limit %d reached; the next run goes on", run.connector.source(),
                    run.connector.connector(), limit);
            return Uni.createFrom().voidItem();
        }
        String cursor = run.cursor;
        return pages.fetch(cursor).chain(page -> {
            run.pagesFetched++;
            String next = page.nextCursor();
            boolean more = next != null && !next.equals(cursor);
            if (page.rows().isEmpty()) {
                if (!more) {
                    return Uni.createFrom().voidItem();
                }
                // The source moved its cursor without records; keep it, but stop: an empty page is the end for now.
                return db
                        .inTenant(tenant,
                                connection -> connectors.cursorMoved(connection, run.connector, run.runId, next))
                        .invoke(() -> run.cursor = next);
            }
            // Without a next cursor the page is re-read next time from the cursor that fetched it: its records
            // are then duplicates, which have no effect, and the records the source adds to it are picked up.
            String stored = more ? next : cursor;
            Submission submission = new Submission(tenant, run.connector.source(), run.connector.recordType(), true,
                    false);
            return ingest
                    .ingest(submission, RowSource.of(page.rows()), (connection, summary) -> connectors
                            .pageCommitted(connection, run.connector, run.runId, stored, summary.received()))
                    .chain(summary -> {
                        run.cursor = stored;
                        noteRejections(run, summary);
                        return more ? nextPage(tenant, run, pages, limit) : Uni.createFrom().voidItem();
                    });
        });
    }

    private Uni<ConnectorRun> finish(String tenant, RunState run, Throwable failure) {
        String cause = failure == null ? null : describe(failure);
        List<String> parts = new ArrayList<>();
        if (cause != null) {
            parts.add(cause);
        }
        parts.addAll(run.notes);
        String error = parts.isEmpty() ? null : String.join("; ", parts);
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        }
        if (failure == null) {
            Log.infof("connector %s/%s of tenant %s: run %d succeeded at cursor %s", run.connector.source(),
                    run.connector.connector(), tenant, run.runId, run.cursor);
        } else {
            Log.warnf("connector %s/%s of tenant %s: run %d failed at cursor %s: %s", run.connector.source(),
                    run.connector.connector(), tenant, run.runId, run.cursor, cause);
        }
        String text = error;
        return db.inTenant(tenant, connection -> connectors.finishRun(connection, run.connector, run.runId,
                failure == null, run.attempts.get(), text));
    }

    /** Rows the source sent that the record type refuses: stored nowhere, so named in the run log. */
    private static void noteRejections(RunState run, BatchSummary summary) {
        if (summary.rejected() == 0) {
            return;
        }
        List<String> named = summary.errors().stream().limit(REJECTIONS_NAMED).map(ConnectorService::describe).toList();
        run.notes.add("page " + run.pagesFetched + ": " + summary.rejected() + " of " + summary.received()
                + " records rejected (" + String.join(", ", named)
                + (summary.errors().size() > named.size() ? ", …" : "") + ")");
    }

    private static String describe(FieldError error) {
        return "record " + error.row() + (error.field() == null ? "" : " " + error.field()) + ": " + error.message();
    }

    /** The failure in words for the run log. Unexpected ones are logged in full here and summed up there. */
    private static String describe(Throwable failure) {
        if (failure instanceof PullException || failure instanceof IllegalStateException) {
            return failure.getMessage();
        }
        if (failure instanceof TooLargeProblem) {
            return "a page is too large for one batch: " + failure.getMessage();
        }
        Log.error("a connector run failed unexpectedly", failure);
        return "the run failed unexpectedly (see the ingest-service log)";
    }

    private Uni<ConnectorOverview> overview(SqlConnection connection, String source, String name) {
        return connectors.find(connection, source, name, false).chain(found -> {
            if (found.isEmpty()) {
                throw notFound(source, name);
            }
            return connectors.runs(connection, source, name, 1)
                    .map(last -> new ConnectorOverview(found.get(), last.isEmpty() ? null : last.get(0)));
        });
    }

    private static NotFoundProblem notFound(String source, String name) {
        return new NotFoundProblem("no connector " + name + " of source " + source);
    }
}
