package io.scrapline.costing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.domain.PlantPeriod;
import io.scrapline.costing.domain.RecostingJob;
import io.scrapline.costing.repository.CostingLockRepository;
import io.scrapline.costing.repository.RecostingRepository;
import io.scrapline.costing.repository.RecostingRepository.Part;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Re-costs the current events of open plant-periods after a correction (a restated cost roll, an approved cost schema,
 * or a request through the API), as jobs any replica works on: a job is split into parts of events, and each part is
 * re-costed in one transaction that values its events' records again through {@link EventRecosting#recost} (changed
 * events revised in place, the rollups moved by the difference) and counts itself done, so a part is applied once
 * however many replicas work on the job.
 */
@ApplicationScoped
public class RecostingService {

    public static final List<String> STATUSES = List.of("queued", "running", "done", "failed");

    private final TenantDb db;
    private final RecostingRepository jobs;
    private final CostingLockRepository locks;
    private final EventRecosting recosting;
    private final CostingConfig config;
    /** This replica in the job tables' claimed_by: the pod name in Kubernetes, made unique per start. */
    private final String worker;
    /** The tenants this replica is working on the re-costing of. */
    private final Set<String> draining = ConcurrentHashMap.newKeySet();

    public RecostingService(TenantDb db, RecostingRepository jobs, CostingLockRepository locks,
            EventRecosting recosting, CostingConfig config) {
        this.db = db;
        this.jobs = jobs;
        this.locks = locks;
        this.recosting = recosting;
        this.config = config;
        this.worker = Workers.id("costing");
    }

    public String worker() {
        return worker;
    }

    /**
     * Queues a re-cost of an open plant-period, or returns the one queued for it already.
     *
     * @throws ConflictProblem
     *             if the period is closed: its figures are frozen, restating it is reporting's
     */
    public Uni<RecostingJob> request(String tenant, Scope scope, String by, String plant, String period,
            String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (plant == null || plant.isBlank()) {
            errors.add(new FieldError(null, "plant", "required"));
        }
        if (period == null || !FiscalCalendar.isPeriod(period)) {
            errors.add(new FieldError(null, "period", "required, a period such as 2026-10 or 2026-P10"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(null, "reason", "required: say what was corrected"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the re-costing request is invalid", errors);
        }
        scope.requireWholePlant(plant, "re-costing a period");
        return db.inTenant(tenant, connection -> jobs.plantPeriod(connection, plant, period).chain(found -> {
            PlantPeriod plantPeriod = found.orElseThrow(() -> new NotFoundProblem("no plant " + plant));
            if (!plantPeriod.calendar().isValid(period)) {
                throw new InvalidInputException("period",
                        period + " is not a period of plant " + plant + "'s fiscal calendar");
            }
            if (plantPeriod.closed()) {
                throw new ConflictProblem("period " + period + " of plant " + plant
                        + " is closed: its figures are frozen; corrections land in the open period");
            }
            return jobs.enqueue(connection, plant, period, reason, by).chain(id -> jobs.find(connection, id))
                    .map(Optional::orElseThrow);
        })).invoke(job -> {
            Log.infof("re-costing job %d of %s %s queued for %s", job.id(), plant, period, by);
            startNow(tenant);
        });
    }

    /**
     * Starts working on the tenant's jobs on this replica now rather than at its next round, if this replica works on
     * jobs at all; other replicas join in at theirs.
     */
    private void startNow(String tenant) {
        if (!"off".equals(config.recostEvery())) {
            drain(tenant, worker).subscribe().with(parts -> {
            }, failure -> Log.warnf("re-costing of tenant %s did not start at once (its next round will): %s", tenant,
                    failure.getMessage()));
        }
    }

    public Uni<RecostingJob> job(String tenant, Scope scope, long id) {
        return db.inTenant(tenant, connection -> jobs.find(connection, id))
                .map(found -> found.filter(job -> scope.coversPlant(job.plant()))
                        .orElseThrow(() -> new NotFoundProblem("no re-costing job " + id)));
    }

    /** The jobs in {@code status} (every status when null), newest first, of the plants the caller may see. */
    public Uni<List<RecostingJob>> jobs(String tenant, Scope scope, String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "one of " + String.join(", ", STATUSES));
        }
        return db.inTenant(tenant, connection -> jobs.list(connection, status, config.recostListLimit()))
                .map(all -> all.stream().filter(job -> scope.coversPlant(job.plant())).toList());
    }

    /** Queues the re-costs that restated cost rolls call for; returns how many it queued. */
    public Uni<Integer> enqueueRestatedCostRolls(String tenant) {
        return db.inTenant(tenant, jobs::enqueueRestatedCostRolls).invoke(queued -> {
            if (queued > 0) {
                Log.infof("restated cost rolls queued %d re-costing jobs of tenant %s", queued, tenant);
            }
        });
    }

    /**
     * Works on the tenant's re-costing until none is left (the costing service's {@code recosting} sweep runs it on
     * every replica): queues what restated cost rolls call for, then splits jobs and re-costs parts. Returns how many
     * parts this worker re-costed; 0 at once if this replica is at it already.
     */
    public Uni<Integer> drain(String tenant, String worker) {
        if (!draining.add(tenant)) {
            return Uni.createFrom().item(0);
        }
        return enqueueRestatedCostRolls(tenant).chain(() -> recostParts(tenant, worker))
                .eventually(() -> draining.remove(tenant));
    }

    /**
     * Claims and re-costs parts of the tenant's jobs until none is left, {@code recost-workers} parts at a time (so
     * that the replica values one part while the database writes another), in rounds: the queued jobs are split first,
     * so that every worker finds parts, and another round follows as long as the last one found any (jobs queued
     * meanwhile). Returns how many parts this worker re-costed.
     */
    public Uni<Integer> recostParts(String tenant, String worker) {
        return split(tenant, worker).chain(() -> {
            List<Uni<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < config.recostWorkers(); i++) {
                workers.add(parts(tenant, worker, 0));
            }
            return Uni.join().all(workers).andFailFast().map(done -> done.stream().mapToInt(Integer::intValue).sum());
        }).chain(done -> done == 0 ? Uni.createFrom().item(0) : recostParts(tenant, worker).map(more -> done + more));
    }

    /** Splits the tenant's queued jobs into parts, one job per transaction. */
    public Uni<Void> split(String tenant, String worker) {
        return db.inTenant(tenant, connection -> jobs.claimAndSplit(connection, worker, config.recostPartSize()))
                .chain(split -> split.isEmpty() ? Uni.createFrom().voidItem() : split(tenant, worker));
    }

    /** Splits the jobs queued meanwhile, so that their parts are worked on beside the others, then claims a part. */
    private Uni<Integer> parts(String tenant, String worker, int soFar) {
        return split(tenant, worker).chain(
                () -> db.inTenant(tenant, connection -> jobs.claimPart(connection, worker, config.recostLease())))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(soFar)
                        : run(tenant, claimed.get(), worker)
                                .chain(applied -> parts(tenant, worker, soFar + (applied ? 1 : 0))));
    }

    /**
     * Re-costs a claimed part in one transaction that holds the part's row lock and the tenant's costing lock shared
     * (parts and the costing of defect batches run side by side); false if the claim was lost meanwhile or the re-cost
     * failed (the part then goes back to the queue, or to failed after its last attempt).
     */
    private Uni<Boolean> run(String tenant, Part part, String worker) {
        return db.inTenant(tenant, connection -> jobs.holdClaim(connection, part, worker).chain(held -> {
            if (!held) {
                return Uni.createFrom().item(false);
            }
            return locks.lockTenantShared(connection).chain(() -> jobs.currentEvents(connection, part))
                    .chain(events -> recosting.recost(connection, events, part.jobId()))
                    .chain(recosted -> jobs.partDone(connection, part, worker, recosted)).replaceWith(true);
        })).onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "re-costing part %d of job %d (tenant %s, attempt %d) failed", part.part(), part.jobId(),
                    tenant, part.attempts());
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return db.inTenant(tenant, connection -> jobs.partFailed(connection, part, worker, error,
                    config.recostAttempts(), config.recostRetry().backoff())).replaceWith(false);
        });
    }
}
