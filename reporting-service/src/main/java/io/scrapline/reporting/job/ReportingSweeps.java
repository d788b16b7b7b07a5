package io.scrapline.reporting.job;

import java.time.Instant;

import jakarta.enterprise.inject.Produces;

import io.scrapline.platform.job.Sweep;
import io.scrapline.reporting.config.ReportingConfig;
import io.scrapline.reporting.service.PeriodCloseService;

/** The reporting service's scheduled work, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class ReportingSweeps {

    /** The closes that have come due queued, by one replica of the cluster at a time. */
    @Produces
    Sweep closeSchedule(ReportingConfig config, PeriodCloseService closes) {
        return Sweep.oncePerCluster("period-close-schedule", config.closeScheduleEvery(), "10s", "tenants_with_plants",
                tenant -> closes.enqueueDue(tenant, Instant.now()));
    }

    /**
     * Queued closes claimed and run by every replica, which claim jobs without waiting on each other, so that more
     * replicas close faster.
     */
    @Produces
    Sweep closes(ReportingConfig config, PeriodCloseService closes) {
        return Sweep.onEveryReplica("period-close", config.closeWorkEvery(), "15s", "tenants_with_period_close_jobs",
                tenant -> closes.drain(tenant, closes.worker()));
    }
}
