package io.scrapline.reporting.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.ManualReport;
import io.scrapline.reporting.domain.ParallelComparison;
import io.scrapline.reporting.domain.ParallelRun;
import io.scrapline.reporting.repository.ParallelRunRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Parallel runs (issue 14): the manually compiled report of a plant-period compared with Scrapline's costed events,
 * stored with its comparison, listed, and compared again after corrections. A run covers the whole plant: a token
 * limited to lines may not upload, re-run or read one, a token limited to plants only those of its plants.
 */
@ApplicationScoped
public class ParallelRunService {

    private static final String WHAT = "a parallel run";

    /** The most runs a list answers, newest first. */
    static final int LIST_LIMIT = 200;

    private final TenantDb db;
    private final ParallelRunRepository runs;
    private final ReportService reports;

    public ParallelRunService(TenantDb db, ParallelRunRepository runs, ReportService reports) {
        this.db = db;
        this.runs = runs;
        this.reports = reports;
    }

    /**
     * Reads the upload, compares it with the plant-period's costed events and stores both.
     *
     * @throws InvalidInputException
     *             naming every bad row and field of the upload (nothing is stored)
     */
    public Uni<ParallelRun> upload(String tenant, Scope scope, String by, String plant, String period, String fileName,
            String format, byte[] body) {
        scope.requireWholePlant(plant, WHAT);
        return db.inTenant(tenant, connection -> reports.plant(connection, plant, period).chain(known -> {
            ManualReport.Read read = ManualReport.read(body, format, known.currency());
            if (!read.errors().isEmpty()) {
                throw new InvalidInputException("the manual report has " + read.errors().size() + " problem"
                        + (read.errors().size() == 1 ? "" : "s") + "; nothing was stored", read.errors());
            }
            return compare(connection, plant, period, known.currency(), read.rows()).chain(
                    comparison -> runs.insert(connection, plant, period, fileName, format, by, read.rows(), comparison))
                    .chain(id -> found(connection, id));
        })).invoke(run -> Log.infof("parallel run %d of %s %s %s by %s: %d of %d keys differ", run.id(), tenant, plant,
                period, by, run.totals().discrepancies(), run.totals().keys()));
    }

    /** Compares the run's stored rows again with the costed events as they are now. */
    public Uni<ParallelRun> rerun(String tenant, Scope scope, String by, long id) {
        scope.requireWholePlants(WHAT);
        return db.inTenant(tenant, connection -> find(connection, scope, id).chain(run -> {
            scope.requireWholePlant(run.plant(), WHAT);
            return reports.plant(connection, run.plant(), run.period())
                    .chain(known -> runs.rows(connection, id)
                            .chain(rows -> compare(connection, run.plant(), run.period(), known.currency(), rows)))
                    .chain(comparison -> runs.compared(connection, id, by, comparison))
                    .chain(() -> found(connection, id));
        }));
    }

    public Uni<ParallelRun> get(String tenant, Scope scope, long id) {
        scope.requireWholePlants(WHAT);
        return db.readInTenant(tenant, connection -> find(connection, scope, id));
    }

    /** The runs of the token's plants, of {@code plant} and {@code period} when given, newest first. */
    public Uni<List<ParallelRun>> list(String tenant, Scope scope, String plant, String period) {
        scope.requireWholePlants(WHAT);
        if (plant != null) {
            scope.requirePlant(plant);
        }
        return db.readInTenant(tenant,
                connection -> runs.list(connection, scope.plantArray(), plant, period, LIST_LIMIT));
    }

    private Uni<ParallelComparison> compare(SqlConnection connection, String plant, String period, String currency,
            List<ManualReport.Row> rows) {
        return Uni.combine().all()
                .unis(runs.events(connection, plant, period), runs.uncosted(connection, plant, period))
                .with((events, uncosted) -> ParallelComparison.of(rows, events, uncosted, currency));
    }

    /** The run, if the tenant has it and it is of a plant the token covers. */
    private Uni<ParallelRun> find(SqlConnection connection, Scope scope, long id) {
        return found(connection, id).invoke(run -> scope.requirePlant(run.plant()));
    }

    private Uni<ParallelRun> found(SqlConnection connection, long id) {
        return runs.find(connection, id)
                .map(found -> found.orElseThrow(() -> new NotFoundProblem("no parallel run " + id)));
    }
}
