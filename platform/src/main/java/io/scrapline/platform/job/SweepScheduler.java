package io.scrapline.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.scrapline.platform.tenant.TenantDb;

/**
 * Schedules every {@link Sweep} a service declares, at start-up, on Quarkus' scheduler. A round that is still running
 * when the next is due is not joined by another on the same replica: that one is skipped.
 */
@ApplicationScoped
public class SweepScheduler {

    private final Scheduler scheduler;
    private final TenantDb db;
    private final Instance<Sweep> sweeps;

    public SweepScheduler(Scheduler scheduler, TenantDb db, @Any Instance<Sweep> sweeps) {
        this.scheduler = scheduler;
        this.db = db;
        this.sweeps = sweeps;
    }

    void schedule(@Observes StartupEvent event) {
        for (Sweep sweep : sweeps) {
            // "off" (or "disabled") leaves the sweep unscheduled, as it would a @Scheduled method.
            scheduler.newJob(sweep.job()).setInterval(sweep.every()).setDelayed(sweep.delayed())
                    .setConcurrentExecution(ConcurrentExecution.SKIP).setAsyncTask(execution -> sweep.run(db))
                    .schedule();
            Log.debugf("the %s sweep runs every %s on %s", sweep.job(), sweep.every(),
                    sweep.reach() == Sweep.Reach.CLUSTER ? "one replica at a time" : "every replica");
        }
    }
}
