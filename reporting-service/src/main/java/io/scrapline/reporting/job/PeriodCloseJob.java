package io.scrapline.reporting.job;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.service.PeriodCloseService;
import io.smallrye.mutiny.Uni;

/**
 * Closes periods on schedule. Queuing the closes that have come due runs once per cluster at a time; running queued
 * closes runs on every replica, which claim jobs without waiting on each other, so more replicas close faster.
 */
@ApplicationScoped
public class PeriodCloseJob {

    private final TenantDb db;
    private final PeriodCloseService closes;

    public PeriodCloseJob(TenantDb db, PeriodCloseService closes) {
        this.db = db;
        this.closes = closes;
    }

    @Scheduled(every = "${scrapline.reporting.close-schedule-every:5m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> enqueueDue() {
        Instant now = Instant.now();
        return db.sweepTenants("period-close-schedule", "tenants_with_plants",
                tenant -> closes.enqueueDue(tenant, now));
    }

    @Scheduled(every = "${scrapline.reporting.close-work-every:30s}", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> work() {
        return closes.drain(closes.worker()).replaceWithVoid();
    }
}
