package io.scrapline.alert.job;

import java.time.Instant;

import jakarta.enterprise.inject.Produces;

import io.scrapline.alert.config.ReferenceNoticeConfig;
import io.scrapline.alert.service.ReferenceNoticeSender;
import io.scrapline.alert.service.ReferenceNoticeService;
import io.scrapline.platform.job.Sweep;

/**
 * The scheduled work of notices of unmapped values, run by the platform's
 * {@link io.scrapline.platform.job.SweepScheduler}.
 */
public class ReferenceNoticeSweeps {

    /**
     * The values mapped since noted, the new values whose prompt was lost and the daily digest that fell due queued: by
     * one replica of the cluster at a time.
     */
    @Produces
    Sweep referenceNoticeSchedule(ReferenceNoticeConfig config, ReferenceNoticeService notices) {
        return Sweep.oncePerCluster("reference-notice-schedule", config.scheduleEvery(), "15s",
                "tenants_with_reference_notices", tenant -> notices.queueDue(tenant, Instant.now()));
    }

    /** Queued notices claimed and sent by every replica, which claim without waiting on each other. */
    @Produces
    Sweep referenceNotices(ReferenceNoticeConfig config, ReferenceNoticeSender sender) {
        return Sweep.onEveryReplica("reference-notices", config.workEvery(), "20s",
                "tenants_with_reference_notice_work", tenant -> sender.drain(tenant, sender.worker()));
    }
}
