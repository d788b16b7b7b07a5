package io.scrapline.reporting.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.scrapline.platform.api.DistributionPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.client.DistributionClient;
import io.scrapline.reporting.config.ReportingConfig;
import io.scrapline.reporting.domain.CloseSchedule;
import io.scrapline.reporting.domain.PeriodCloseState;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportDifferences;
import io.scrapline.reporting.domain.ReportFigures;
import io.scrapline.reporting.domain.ReportVersionSummary;
import io.scrapline.reporting.repository.PeriodCloseRepository;
import io.scrapline.reporting.repository.PeriodCloseRepository.Job;
import io.scrapline.reporting.repository.ReportRepository;
import io.scrapline.reporting.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Closes plant-periods and restates closed ones (docs/cost-model.md §9). A close is a job in the job table, whoever
 * asks for it; any replica claims and runs it. Closing stores the whole plant's report as version 1, with the figures
 * it was built from, and records the period as closed; a restatement stores version n + 1 from the current rollups with
 * its differences to version n.
 */
@ApplicationScoped
public class PeriodCloseService {

    /** A stored report has every section, so that it can be served in any view. */
    private static final String STORED_VIEW = Report.FULL;

    /** What an attempt at a claimed close came to. */
    private enum Run {
        /** The claim was taken over: another worker closes the period. */
        LOST,
        /** Closed here: version 1 is stored. */
        STORED,
        /** Closed before: nothing stored. */
        CLOSED_ALREADY
    }

    private final TenantDb db;
    private final ReportService reports;
    private final ReportRepository plants;
    private final SnapshotRepository snapshots;
    private final PeriodCloseRepository jobs;
    private final ReportingConfig config;
    private final DistributionClient distributions;
    /** This replica in the job table's claimed_by: the pod name in Kubernetes, made unique per start. */
    private final String worker = Workers.id("reporting");

    public PeriodCloseService(TenantDb db, ReportService reports, ReportRepository plants, SnapshotRepository snapshots,
            PeriodCloseRepository jobs, ReportingConfig config, @RestClient DistributionClient distributions) {
        this.db = db;
        this.reports = reports;
        this.plants = plants;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.config = config;
        this.distributions = distributions;
    }

    public String worker() {
        return worker;
    }

    /**
     * Queues the close of a period that has ended and runs it here and now unless another replica already has it.
     *
     * @throws ConflictProblem
     *             if the period is closed already
     */
    public Uni<PeriodCloseState> close(String tenant, Scope scope, String by, String plant, String period) {
        scope.requireWholePlant(plant, "closing a period");
        return db.inTenant(tenant, connection -> reports.plant(connection, plant, period).chain(known -> {
            requireEnded(known, period, Instant.now());
            return snapshots.closed(connection, plant, period, false).chain(closed -> {
                if (closed.isPresent()) {
                    throw new ConflictProblem("period " + period + " of plant " + plant + " is closed already "
                            + "(version " + closed.get().version() + "); restate it to change its report");
                }
                return jobs.enqueue(connection, plant, period, by);
            });
        })).chain(() -> db.inTenant(tenant,
                connection -> jobs.claim(connection, worker, config.closeLease(), plant, period)))
                .chain(claimed -> claimed.isPresent() ? run(tenant, claimed.get(), worker).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> db.inTenant(tenant, connection -> state(connection, plant, period)));
    }

    /**
     * Stores version n + 1 of a closed period's report from the current rollups, with its differences to version n.
     *
     * @throws ConflictProblem
     *             if the period is not closed
     */
    public Uni<ReportVersionSummary> restate(String tenant, Scope scope, String by, String plant, String period) {
        scope.requireWholePlant(plant, "restating a period");
        return db.inTenant(tenant, connection -> reports.plant(connection, plant, period)
                // The lock on the closed period makes concurrent restatements take their turns.
                .chain(known -> snapshots.closed(connection, plant, period, true).chain(closed -> {
                    if (closed.isEmpty()) {
                        throw new ConflictProblem("period " + period + " of plant " + plant
                                + " is open: its report is current; close it before restating it");
                    }
                    return storeNextVersion(connection, known, period, closed.get().version(), by);
                })));
    }

    private Uni<ReportVersionSummary> storeNextVersion(SqlConnection connection, ReportRepository.Plant known,
            String period, int version, String by) {
        String plant = known.plant();
        return snapshots.lockOutCosting(connection, plant)
                .chain(() -> Uni.combine().all().unis(snapshots.snapshot(connection, plant, period, version),
                        reports.figures(connection, known, period)).asTuple())
                .chain(stored -> {
                    Report previous = stored.getItem1().orElseThrow().report();
                    ReportFigures figures = stored.getItem2();
                    Report current = storedReport(known, period, figures, version + 1);
                    ReportDifferences differences = ReportDifferences.between(previous, current);
                    return snapshots.insert(connection, plant, period, current, figures, differences, by)
                            .call(() -> snapshots.setVersion(connection, plant, period, version + 1))
                            .map(createdAt -> new ReportVersionSummary(plant, period, version + 1, createdAt, by,
                                    current.currency(), current.totals().totalCost(), differences));
                });
    }

    /** Every stored version of the plant-period's report, oldest first; none while the period is open. */
    public Uni<List<ReportVersionSummary>> versions(String tenant, Scope scope, String plant, String period) {
        scope.requireWholePlant(plant, "the versions of a report");
        return db.readInTenant(tenant, connection -> reports.plant(connection, plant, period)
                .chain(() -> snapshots.versions(connection, plant, period))
                .map(versions -> versions
                        .stream().map(v -> new ReportVersionSummary(plant, period, v.version(), v.createdAt(),
                                v.createdBy(), v.report().currency(), v.report().totals().totalCost(), v.differences()))
                        .toList()));
    }

    /** Queues the close of each plant's most recently ended period, unless it is closed or queued already. */
    public Uni<Integer> enqueueDue(String tenant, Instant now) {
        return db.inTenant(tenant, connection -> plants.plants(connection).chain(all -> {
            List<String> periods = all.stream().map(p -> CloseSchedule
                    .duePeriod(FiscalCalendar.parse(p.fiscalCalendar()), ZoneId.of(p.timeZone()), now)).toList();
            return jobs.enqueueDue(connection, all.stream().map(ReportRepository.Plant::plant).toList(), periods);
        }));
    }

    /**
     * Claims and runs the tenant's queued closes that are due until none is left (the reporting service's
     * {@code period-close} sweep runs it on every replica); returns how many this worker closed.
     */
    public Uni<Integer> drain(String tenant, String worker) {
        return db.inTenant(tenant, connection -> jobs.claim(connection, worker, config.closeLease(), null, null))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : run(tenant, claimed.get(), worker)
                                .chain(closed -> drain(tenant, worker).map(more -> more + (closed ? 1 : 0))));
    }

    /**
     * Runs a claimed close in one transaction that holds the job's row lock; false if the claim was lost meanwhile or
     * the close failed (the job then goes back to the queue, due after its back-off, or to failed after its last
     * attempt).
     */
    private Uni<Boolean> run(String tenant, Job job, String worker) {
        return db.inTenant(tenant, connection -> jobs.holdClaim(connection, job, worker).chain(held -> {
            if (!held) {
                return Uni.createFrom().item(Run.LOST);
            }
            return storeFirstVersion(connection, job).call(() -> jobs.done(connection, job, worker))
                    .map(stored -> stored ? Run.STORED : Run.CLOSED_ALREADY);
        })).invoke(done -> {
            if (done == Run.STORED) {
                promptDistribution(tenant, job);
            }
        }).map(done -> done != Run.LOST).onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "closing %s of plant %s (tenant %s, attempt %d) failed", job.period(), job.plant(),
                    tenant, job.attempts());
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return db.inTenant(tenant, connection -> jobs.failed(connection, job, worker, error, config.closeAttempts(),
                    config.closeRetry().backoff())).replaceWith(false);
        });
    }

    /**
     * Hands version 1, committed, over to alert-service for the month-end distribution, without waiting: a prompt that
     * fails is logged, and alert-service's sweep finds the close all the same. A restatement is not prompted: its
     * differences are read through the versions, and the recipients have the report of the close.
     */
    private void promptDistribution(String tenant, Job job) {
        distributions.prompt(tenant, new DistributionPrompt(job.plant(), job.period(), 1)).subscribe().with(ok -> {
        }, failure -> Log.warnf("the distribution of %s of plant %s was not prompted (its sweep will catch up): %s",
                job.period(), job.plant(), failure.getMessage()));
    }

    /** Records the period as closed and stores version 1; whether it did (false: it was closed already). */
    private Uni<Boolean> storeFirstVersion(SqlConnection connection, Job job) {
        String plant = job.plant();
        String period = job.period();
        return snapshots
                .lockOutCosting(connection,
                        plant)
                .chain(() -> reports.plant(connection, plant,
                        period))
                .chain(known -> reports
                        .figures(connection, known,
                                period)
                        .chain(figures -> snapshots.close(connection, plant, period, job.requestedBy())
                                .chain(closed -> closed.isEmpty() ? Uni.createFrom().item(false)
                                        : snapshots.insert(connection, plant, period,
                                                storedReport(known, period, figures, 1), figures, null,
                                                job.requestedBy()).replaceWith(true))));
    }

    private Uni<PeriodCloseState> state(SqlConnection connection, String plant, String period) {
        return snapshots.closed(connection, plant, period, false).chain(closed -> {
            if (closed.isPresent()) {
                return Uni.createFrom().item(new PeriodCloseState(plant, period, "closed", closed.get().version(),
                        closed.get().closedAt(), closed.get().closedBy(), null, null));
            }
            return jobs.state(connection, plant, period).map(job -> job.map(
                    j -> new PeriodCloseState(plant, period, j.status(), null, null, null, j.attempts(), j.lastError()))
                    .orElseThrow());
        });
    }

    private static Report storedReport(ReportRepository.Plant known, String period, ReportFigures figures,
            int version) {
        return figures.report(known.plant(), known.name(), period, known.currency(), STORED_VIEW, List.of())
                .closed(version, STORED_VIEW);
    }

    /** A period still running has figures still coming in; closing it would send them to the next period. */
    private static void requireEnded(ReportRepository.Plant known, String period, Instant now) {
        ZoneId zone = ZoneId.of(known.timeZone());
        FiscalCalendar calendar = FiscalCalendar.parse(known.fiscalCalendar());
        Instant end = CloseSchedule.endOf(calendar, zone, period);
        if (now.isBefore(end)) {
            throw new InvalidInputException("period", "period " + period + " of plant " + known.plant()
                    + " has not ended: it can be closed from " + end.atZone(zone).toLocalDate() + " in " + zone);
        }
    }
}
