package io.scrapline.reporting.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportFigures;
import io.scrapline.reporting.repository.ReportRepository;
import io.scrapline.reporting.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Serves a plant-period's report: the stored version of a closed period, else the current figures from the rollups.
 */
@ApplicationScoped
public class ReportService {

    /** Share of cost that the "vital few" make up while the tenant has no approved cost schema (cost-model.md §10). */
    private static final BigDecimal VITAL_FEW = new BigDecimal("0.80");

    private final TenantDb db;
    private final ReportRepository reports;
    private final SnapshotRepository snapshots;

    public ReportService(TenantDb db, ReportRepository reports, SnapshotRepository snapshots) {
        this.db = db;
        this.reports = reports;
        this.snapshots = snapshots;
    }

    public Uni<Report> report(Caller caller, String plant, String period, String view) {
        return report(caller, plant, period, view, null);
    }

    /** {@code version} null: the latest version of a closed period, else the current figures of an open one. */
    public Uni<Report> report(Caller caller, String plant, String period, String view, Integer version) {
        caller.requirePlant(plant);
        List<String> lines = List.copyOf(caller.lines());
        return db.inTenant(caller.tenant(), connection -> plant(connection, plant, period)
                .chain(known -> report(connection, known, period, view, lines, version)));
    }

    /**
     * The tenant's plant, with the period checked against its calendar.
     *
     * @throws NotFoundProblem
     *             for a plant the tenant does not have
     * @throws InvalidInputException
     *             for a period of the other kind of calendar
     */
    Uni<ReportRepository.Plant> plant(SqlConnection connection, String plant, String period) {
        return reports.plant(connection, plant).map(found -> {
            ReportRepository.Plant known = found.orElseThrow(() -> new NotFoundProblem("no plant " + plant));
            FiscalCalendar calendar = FiscalCalendar.parse(known.fiscalCalendar());
            // A period of the other kind would be an empty report that looks like a plant without scrap.
            if (!calendar.isValid(period)) {
                throw new InvalidInputException("period",
                        "plant " + plant + " keeps " + (calendar.isCalendarMonths() ? "calendar months: use YYYY-MM"
                                : "the fiscal calendar " + calendar.setting() + ": use YYYY-Pnn"));
            }
            return known;
        });
    }

    /** The report of a known plant and a period of its calendar, for {@code lines} (empty: the whole plant). */
    Uni<Report> report(SqlConnection connection, ReportRepository.Plant known, String period, String view,
            List<String> lines, Integer version) {
        return snapshots.snapshot(connection, known.plant(), period, version).chain(stored -> {
            if (stored.isPresent()) {
                SnapshotRepository.Snapshot snapshot = stored.get();
                // The stored report is the whole plant's; a token limited to lines gets its lines' frozen figures.
                Report report = lines.isEmpty() ? snapshot.report()
                        : snapshot.figures().report(known.plant(), known.name(), period, known.currency(), view, lines);
                return Uni.createFrom().item(report.closed(snapshot.version(), view));
            }
            if (version != null) {
                throw new NotFoundProblem("no version " + version + " of the report of " + known.plant() + " for "
                        + period + ": only a closed period has stored versions");
            }
            return figures(connection, known, period)
                    .map(figures -> figures.report(known.plant(), known.name(), period, known.currency(), view, lines));
        });
    }

    /** The current figures of a plant-period from the rollups, for every line. */
    Uni<ReportFigures> figures(SqlConnection connection, ReportRepository.Plant known, String period) {
        String prior = FiscalCalendar.parse(known.fiscalCalendar()).previous(period);
        return Uni.combine().all()
                .unis(reports.sums(connection, known.plant(), period),
                        reports.uncostedByLine(connection, known.plant(), period),
                        reports.totalsByLine(connection, known.plant(), prior),
                        reports.budgets(connection, known.plant(), period), reports.vitalFewThreshold(connection))
                .with((sums, uncosted, priorTotals, budgets, threshold) -> new ReportFigures(sums, uncosted,
                        priorTotals, budgets, threshold.orElse(VITAL_FEW)));
    }
}
