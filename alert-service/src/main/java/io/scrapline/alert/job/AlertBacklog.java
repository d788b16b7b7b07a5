package io.scrapline.alert.job;

import jakarta.enterprise.inject.Produces;

import io.scrapline.platform.metrics.Backlog;

/**
 * The alert service's queued work as gauges on /q/metrics, kept by the platform's
 * {@link io.scrapline.platform.metrics.BacklogGauges}; KEDA scales the service on the due deliveries (k8s/scrapline,
 * values.yaml).
 */
public class AlertBacklog {

    /**
     * Deliveries not sent yet: {@code due} (or being sent), the work of the replicas now, and {@code waiting} (a
     * back-off, quiet hours, a digest's hour), which no replica can hurry.
     */
    @Produces
    Backlog deliveriesPending() {
        return Backlog.byState("scrapline.alert.deliveries.pending", "Alert deliveries not sent yet, of all tenants",
                "backlog_alert_deliveries", "state", "due", "waiting");
    }

    /** Report distributions waiting for a replica, those waiting out a retry's back-off included. */
    @Produces
    Backlog distributionRunsQueued() {
        return Backlog.of("scrapline.distribution.runs.queued", "Report distribution runs queued, of all tenants",
                "backlog_distribution_runs");
    }
}
