package io.scrapline.reporting.job;

import jakarta.enterprise.inject.Produces;

import io.scrapline.platform.metrics.Backlog;

/**
 * The reporting service's queued work as a gauge on /q/metrics, kept by the platform's
 * {@link io.scrapline.platform.metrics.BacklogGauges}; KEDA scales the service on it (k8s/scrapline, values.yaml).
 */
public class ReportingBacklog {

    /** Period closes waiting for a replica, those waiting out a retry's back-off included. */
    @Produces
    Backlog periodClosesQueued() {
        return Backlog.of("scrapline.period.closes.queued", "Period closes queued, of all tenants",
                "backlog_period_closes");
    }
}
