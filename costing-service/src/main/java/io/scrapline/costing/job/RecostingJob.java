package io.scrapline.costing.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.scrapline.costing.service.RecostingService;
import io.smallrye.mutiny.Uni;

/**
 * Works on re-costing jobs on every replica: replicas claim parts without waiting on each other, so more replicas
 * re-cost faster. It also queues the re-costs that restated cost rolls call for.
 */
@ApplicationScoped
public class RecostingJob {

    private final RecostingService recosting;

    public RecostingJob(RecostingService recosting) {
        this.recosting = recosting;
    }

    @Scheduled(every = "${scrapline.costing.recost-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> work() {
        return recosting.drain(recosting.worker()).invoke(parts -> {
            if (parts > 0) {
                Log.infof("re-costed %d parts", parts);
            }
        }).replaceWithVoid();
    }
}
