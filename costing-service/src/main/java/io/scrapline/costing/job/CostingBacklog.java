package io.scrapline.costing.job;

import jakarta.enterprise.inject.Produces;

import io.scrapline.platform.metrics.Backlog;

/**
 * The costing service's queued work as gauges on /q/metrics, kept by the platform's
 * {@link io.scrapline.platform.metrics.BacklogGauges}; KEDA scales the service on them (k8s/scrapline, values.yaml).
 */
public class CostingBacklog {

    /** Records landed or reopened that wait to be costed, less those held in an open exception. */
    @Produces
    Backlog uncostedRecords() {
        return Backlog.of("scrapline.costing.uncosted.records",
                "Defect records in costing's queue, not held in an open exception, of all tenants",
                "backlog_uncosted_records");
    }

    /** Re-costing parts waiting for a replica, and those being worked. */
    @Produces
    Backlog recostingParts() {
        return Backlog.byState("scrapline.recosting.parts", "Re-costing parts queued or running, of all tenants",
                "backlog_recosting_parts", "status", "queued", "running");
    }
}
