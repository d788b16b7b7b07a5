package io.scrapline.costing.job;

import jakarta.enterprise.inject.Produces;

import io.quarkus.logging.Log;
import io.scrapline.costing.config.CostingConfig;
import io.scrapline.costing.service.CostingService;
import io.scrapline.costing.service.RecostingService;
import io.scrapline.platform.job.Sweep;

/** The costing service's scheduled work, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class CostingSweeps {

    /**
     * Records that no prompt got costed (costing was down, a prompt was lost) picked up; the alert sweep then catches
     * up on the rollups they changed.
     */
    @Produces
    Sweep uncosted(CostingConfig config, CostingService costing) {
        return Sweep.oncePerCluster("costing-sweep", config.sweepEvery(), "5s", "tenants_with_uncosted_records",
                tenant -> costing.run(tenant, false)
                        .invoke(run -> Log.infof("sweep costed %d events of tenant %s (%d exceptions)", run.costed(),
                                tenant, run.exceptions())));
    }

    /**
     * Re-costing jobs worked on by every replica, which claim parts without waiting on each other, so that more
     * replicas re-cost faster; the re-costs that restated cost rolls call for are queued first.
     */
    @Produces
    Sweep recosting(CostingConfig config, RecostingService recosting) {
        return Sweep.onEveryReplica("recosting", config.recostEvery(), "5s", "tenants_with_recosting_work",
                tenant -> recosting.drain(tenant, recosting.worker()).invoke(parts -> {
                    if (parts > 0) {
                        Log.infof("re-costed %d parts of tenant %s", parts, tenant);
                    }
                }));
    }
}
