package io.scrapline.platform.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.smallrye.mutiny.Uni;

/** Once per cluster on a lease row, on a real PostgreSQL. */
class ClusterLeaseTest {

    @RegisterExtension
    static final QueueDatabase database = new QueueDatabase();

    @Test
    void ofTwoGuardsOfTheSameWorkOneRunsItAndTheOtherSkipsIt() {
        ClusterLease replicaA = new ClusterLease(database.pool);
        ClusterLease replicaB = new ClusterLease(database.pool);
        CompletableFuture<Void> release = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<Boolean> first = replicaA.once("sweep-two-guards", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().completionStage(release);
        }).subscribeAsCompletionStage();
        Waiting.until(() -> runs.get() == 1);
        Boolean second = replicaB.once("sweep-two-guards", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));

        assertThat(second).isFalse();
        release.complete(null);
        assertThat(first.join()).isTrue();
        assertThat(runs).hasValue(1);
        // Released when the work ends: the next run may go.
        assertThat(replicaB.once("sweep-two-guards", () -> Uni.createFrom().voidItem()).await()
                .atMost(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void twoGuardsStartingTogetherRunTheWorkOnce() {
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Uni<Boolean> guard = new ClusterLease(database.pool).once("sweep-together", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().completionStage(release);
        });
        CompletableFuture<Boolean> a = guard.subscribeAsCompletionStage();
        CompletableFuture<Boolean> b = new ClusterLease(database.pool).once("sweep-together", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().completionStage(release);
        }).subscribeAsCompletionStage();
        Waiting.until(() -> a.isDone() || b.isDone());
        release.complete(null);
        assertThat(a.join() ^ b.join()).as("exactly one guard ran").isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anExpiredLeaseOfADeadHolderIsTakenOverButALiveOneIsNot() throws SQLException {
        try (Connection owner = database.database.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO cluster_leases (name, holder, expires_at) VALUES "
                    + "('sweep-dead', 'gone-pod', now() - interval '1 second'), "
                    + "('sweep-alive', 'busy-pod', now() + interval '1 hour')");
        }
        ClusterLease lease = new ClusterLease(database.pool);
        assertThat(lease.once("sweep-dead", () -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(30)))
                .isTrue();
        assertThat(lease.once("sweep-alive", () -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(30)))
                .isFalse();
    }

    @Test
    void theLeaseIsRenewedWhileTheWorkRunsAndReleasedWhenItFails() {
        ClusterLease lease = new ClusterLease(database.pool);
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Boolean> running = lease
                .once("sweep-long", Duration.ofSeconds(2), () -> Uni.createFrom().completionStage(release))
                .subscribeAsCompletionStage();
        // Two leases and a half: a 600 ms lease failed here once on a machine loaded ten times over its cores.
        Waiting.sleep(5000);
        // Well past its first lease, the work still holds it.
        assertThat(new ClusterLease(database.pool).once("sweep-long", () -> Uni.createFrom().voidItem()).await()
                .atMost(Duration.ofSeconds(30))).isFalse();
        release.completeExceptionally(new IllegalStateException("boom"));
        assertThatThrownBy(running::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(new ClusterLease(database.pool).once("sweep-long", () -> Uni.createFrom().voidItem()).await()
                .atMost(Duration.ofSeconds(30))).isTrue();
    }
}
