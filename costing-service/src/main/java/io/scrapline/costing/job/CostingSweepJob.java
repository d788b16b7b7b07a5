package io.scrapline.costing.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.scrapline.costing.service.CostingService;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Picks up records that no prompt got costed (costing was down, a prompt was lost). Runs once per cluster at a time;
 * the alert sweep then catches up on the rollups it changed.
 */
@ApplicationScoped
public class CostingSweepJob {

    private final TenantDb db;
    private final CostingService costing;

    public CostingSweepJob(TenantDb db, CostingService costing) {
        this.db = db;
        this.costing = costing;
    }

    @Scheduled(every = "${scrapline.costing.sweep-every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return db.sweepTenants("costing-sweep", "tenants_with_uncosted_records",
                tenant -> costing.run(tenant, false)
                        .invoke(run -> Log.infof("sweep costed %d events of tenant %s (%d exceptions)", run.costed(),
                                tenant, run.exceptions())));
    }
}
