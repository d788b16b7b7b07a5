package io.scrapline.platform.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * A sweep's round on two replicas of one cluster, on a real PostgreSQL: once per cluster or on every replica, each
 * tenant's work on its own.
 */
class SweepTest {

    private static final String TENANTS = "tenants_with_plants";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final QueueDatabase database = new QueueDatabase();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TenantDb replicaA = replica();
    private final TenantDb replicaB = replica();
    /** The tenants whose work started, in order. */
    private final List<String> worked = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    @BeforeAll
    static void twoTenantsWithPlants() throws SQLException {
        try (Connection owner = database.database.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('north'), ('south')");
            statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES "
                    + "('north', 'P1', 'North', 'USD', 'America/New_York'), "
                    + "('south', 'P1', 'South', 'EUR', 'Europe/Paris')");
        }
    }

    @Test
    void aSweepOncePerClusterIsSkippedByAReplicaWhileAnotherRunsIt() {
        Sweep sweep = Sweep.oncePerCluster("sweep-test-cluster", "1s", "0s", TENANTS, this::noteAndWait);

        CompletableFuture<Void> onA = sweep.run(replicaA).subscribeAsCompletionStage();
        Waiting.until(() -> worked.size() == 1);
        // B's round finds the lease taken and ends at once, without any tenant's work.
        sweep.run(replicaB).await().atMost(WAIT);
        assertThat(worked).hasSize(1);

        release.complete(null);
        onA.join();
        assertThat(worked).containsExactlyInAnyOrder("north", "south");
        // The lease went with A's round: the next round, on either replica, runs.
        sweep.run(replicaB).await().atMost(WAIT);
        assertThat(worked).hasSize(4);
    }

    @Test
    void aSweepOnEveryReplicaRunsOnBothAtOnce() {
        Sweep sweep = Sweep.onEveryReplica("sweep-test-replicas", "1s", "0s", TENANTS, this::noteAndWait);

        CompletableFuture<Void> onA = sweep.run(replicaA).subscribeAsCompletionStage();
        Waiting.until(() -> worked.size() == 1);
        CompletableFuture<Void> onB = sweep.run(replicaB).subscribeAsCompletionStage();
        // B does not wait for A: both are at their first tenant's work.
        Waiting.until(() -> worked.size() == 2);

        release.complete(null);
        onA.join();
        onB.join();
        assertThat(worked).containsExactlyInAnyOrder("north", "north", "south", "south");
    }

    @Test
    void aTenantWhoseWorkFailsIsCountedAndTheOtherTenantsWorkGoesOn() {
        Function<String, Uni<?>> work = tenant -> {
            if (tenant.equals("north")) {
                return Uni.createFrom().failure(new IllegalStateException("north's data is broken"));
            }
            worked.add(tenant);
            return Uni.createFrom().item(1);
        };

        Sweep.oncePerCluster("sweep-test-failure", "1s", "0s", TENANTS, work).run(replicaA).await().atMost(WAIT);
        Sweep.onEveryReplica("sweep-test-failure", "1s", "0s", TENANTS, work).run(replicaB).await().atMost(WAIT);

        assertThat(worked).containsExactly("south", "south");
        Counter failures = registry.find("scrapline.sweep.failures").tag("job", "sweep-test-failure").counter();
        assertThat(failures).isNotNull();
        assertThat(failures.count()).isEqualTo(2.0);
    }

    @Test
    void aRoundThatCannotRunEndsWithoutAFailureForTheNextToTryAgain() {
        Sweep unknown = Sweep.onEveryReplica("sweep-test-broken", "1s", "0s", "no_such_function",
                tenant -> Uni.createFrom().voidItem());
        unknown.run(replicaA).await().atMost(WAIT);
        Sweep missing = Sweep.oncePerCluster("sweep-test-broken", "1s", "0s", "tenants_with_nothing_here",
                tenant -> Uni.createFrom().voidItem());
        missing.run(replicaA).await().atMost(WAIT);
        // The failed round released its lease.
        assertThat(new ClusterLease(database.pool).once("sweep-test-broken", () -> Uni.createFrom().voidItem()).await()
                .atMost(WAIT)).isTrue();
    }

    /** Work that notes its tenant, then waits for the test to release it. */
    private Uni<?> noteAndWait(String tenant) {
        worked.add(tenant);
        return Uni.createFrom().completionStage(release);
    }

    private TenantDb replica() {
        return new TenantDb(database.pool, registry, new ClusterLease(database.pool));
    }
}
