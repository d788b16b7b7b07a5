package io.scrapline.costing.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.config.CostingConfig;
import io.smallrye.mutiny.Uni;

/**
 * Lets the runs of small batches go first on this replica: a run that has costed a full chunk (a bulk load, a sweep
 * catching up) waits before its next chunk while runs of batches that have not are under way, at most
 * {@code scrapline.costing.bulk-yield} a chunk. A single event's run then shares the database and this service's event
 * loops with no bulk chunk started meanwhile (docs/benchmarks.md, "Issue 13: costing").
 */
@ApplicationScoped
class SmallRunsFirst {

    /** How often a waiting bulk run looks again. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(5);

    /** A run of a batch: small until it costs a full chunk, or ends. */
    static final class Ticket {

        private final AtomicInteger small;
        private final AtomicBoolean counted = new AtomicBoolean(true);

        private Ticket(AtomicInteger small) {
            this.small = small;
        }

        /** The run is small no more: it costed a full chunk, or it ended. */
        void release() {
            if (counted.compareAndSet(true, false)) {
                small.decrementAndGet();
            }
        }
    }

    private final AtomicInteger small = new AtomicInteger();
    private final Duration yieldAtMost;

    SmallRunsFirst(CostingConfig config) {
        this.yieldAtMost = config.bulkYield();
    }

    /** A run of a batch starts; it counts as small until {@link Ticket#release}. */
    Ticket start() {
        small.incrementAndGet();
        return new Ticket(small);
    }

    /** Completes when no small run is under way, or after the longest a bulk run yields. */
    Uni<Void> turn() {
        if (yieldAtMost.isZero() || small.get() == 0) {
            return Uni.createFrom().voidItem();
        }
        return waitUntil(System.nanoTime() + yieldAtMost.toNanos());
    }

    private Uni<Void> waitUntil(long deadline) {
        if (small.get() == 0 || System.nanoTime() >= deadline) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(LOOK_EVERY).chain(() -> waitUntil(deadline));
    }
}
