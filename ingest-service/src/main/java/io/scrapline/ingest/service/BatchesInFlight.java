package io.scrapline.ingest.service;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The batches this replica is landing, from the request that sends one to its commit or refusal, as the gauge
 * {@code scrapline_ingest_batches_in_flight}. A count in the process, not in the database: a batch has no row until it
 * commits (its {@code ingest_batches} row lands with its records), so only the replica landing it knows of it. Summed
 * over the replicas, it is the service's load.
 */
// At start-up, so that the gauge shows 0 before the first batch.
@Startup
@ApplicationScoped
class BatchesInFlight {

    static final String GAUGE = "scrapline.ingest.batches.in.flight";

    private final AtomicInteger landing = new AtomicInteger();

    BatchesInFlight(MeterRegistry registry) {
        Gauge.builder(GAUGE, landing, AtomicInteger::doubleValue)
                .description("Batches this replica is landing: received, not yet committed or refused")
                .strongReference(true).register(registry);
    }

    /** {@code batch}, counted while it runs: from its subscription to its end, whatever the end. */
    <T> Uni<T> counted(Uni<T> batch) {
        return Uni.createFrom().deferred(() -> {
            landing.incrementAndGet();
            return batch.onTermination().invoke(landing::decrementAndGet);
        });
    }
}
