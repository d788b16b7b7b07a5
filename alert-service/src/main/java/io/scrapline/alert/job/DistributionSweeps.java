package io.scrapline.alert.job;

import java.time.Instant;

import jakarta.enterprise.inject.Produces;

import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.service.DistributionSender;
import io.scrapline.alert.service.DistributionService;
import io.scrapline.platform.job.Sweep;

/** The scheduled work of distributions, run by the platform's {@link io.scrapline.platform.job.SweepScheduler}. */
public class DistributionSweeps {

    /**
     * The daily and weekly runs that fell due queued, in each plant's time zone, with the month-end runs of closes
     * whose prompt was lost: by one replica of the cluster at a time.
     */
    @Produces
    Sweep distributionSchedule(AlertConfig config, DistributionService distributions) {
        return Sweep.oncePerCluster("distribution-schedule", config.distribution().scheduleEvery(), "20s",
                "tenants_with_distribution_subscriptions", tenant -> distributions.queueDue(tenant, Instant.now()));
    }

    /** Queued runs claimed and sent by every replica, which claim runs without waiting on each other. */
    @Produces
    Sweep distributionRuns(AlertConfig config, DistributionSender sender) {
        return Sweep.onEveryReplica("distribution-runs", config.distribution().workEvery(), "25s",
                "tenants_with_distribution_runs", tenant -> sender.drain(tenant, sender.worker()));
    }
}
