package io.scrapline.platform.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's backlog gauges ({@link Backlog}) are kept. */
@ConfigMapping(prefix = "scrapline.metrics")
public interface MetricsConfig {

    /**
     * How often each replica counts its backlogs in the database; a scrape reads the last counts, so that scrapes cost
     * the database nothing. A duration such as {@code 15s}, or {@code off} to count nothing (the gauges are then
     * absent).
     */
    @WithDefault("15s")
    String refresh();

    /**
     * Whether the gauges carry a {@code tenant} tag, one series per tenant with a backlog, instead of one sum over all
     * tenants. Off by default: every tenant adds series to every gauge of every replica, which a Prometheus of many
     * tenants pays for.
     */
    @WithDefault("false")
    boolean tenantLabels();
}
