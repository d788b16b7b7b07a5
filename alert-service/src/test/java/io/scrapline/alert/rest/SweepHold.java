package io.scrapline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.scrapline.platform.job.ClusterLease;
import io.smallrye.mutiny.Uni;

/**
 * The alert sweep's cluster lease, held the way a replica running the sweep holds it: the sweep skips its rounds until
 * the hold is closed, so that a test knows who evaluates. A round running when it is taken has the lease until it ends.
 */
record SweepHold(CompletableFuture<Void> release) implements AutoCloseable {

    static SweepHold take(ClusterLease leases) {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> holding = new CompletableFuture<>();
        awaitTrue(() -> {
            CompletableFuture<Boolean> taken = leases.once("alert-sweep", () -> {
                holding.complete(null);
                return Uni.createFrom().completionStage(release);
            }).subscribeAsCompletionStage();
            CompletableFuture.anyOf(holding, taken).join();
            return holding.isDone();
        });
        return new SweepHold(release);
    }

    @Override
    public void close() {
        release.complete(null);
    }

    /** Returns once {@code condition} holds, checked every 200 ms; fails after 20 s. */
    static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
