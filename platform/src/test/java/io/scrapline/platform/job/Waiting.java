package io.scrapline.platform.job;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.smallrye.mutiny.Uni;

/** Waits of the tests of work that runs concurrently or on time: leases, back-offs, sweeps. */
final class Waiting {

    private static final Duration LONGEST = Duration.ofSeconds(30);

    private Waiting() {
    }

    /** Returns once {@code condition} holds, checked every 20 ms; fails after 30 s. */
    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LONGEST.toSeconds() + " s");
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis)).await().indefinitely();
    }
}
