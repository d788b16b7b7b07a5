package io.scrapline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class RequestLatencyTest {

    @Test
    void requestTimesAreCountedInTheirBuckets() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new RequestLatency().requestBuckets());
        Timer timer = Timer.builder(RequestLatency.REQUESTS).tag("uri", "/api/v1/reports").register(registry);

        timer.record(Duration.ofMillis(40));
        timer.record(Duration.ofMillis(700));

        String scrape = registry.scrape();
        assertThat(scrape).contains("http_server_requests_seconds_bucket{uri=\"/api/v1/reports\",le=\"0.025\",} 0.0")
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/reports\",le=\"0.05\",} 1.0")
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/reports\",le=\"1.0\",} 2.0")
                .contains("http_server_requests_seconds_bucket{uri=\"/api/v1/reports\",le=\"+Inf\",} 2.0");
    }

    @Test
    void otherTimersKeepNoBuckets() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new RequestLatency().requestBuckets());

        Timer.builder("scrapline.other").register(registry).record(Duration.ofMillis(40));

        assertThat(registry.scrape()).doesNotContain("scrapline_other_seconds_bucket");
    }
}
