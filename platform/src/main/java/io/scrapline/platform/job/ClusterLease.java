package io.scrapline.platform.job;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs scheduled work once per cluster, not once per replica, on a lease row in {@code cluster_leases}.
 * <p>
 * Why a row and not a session-level advisory lock: a session lock belongs to one server connection for as long as that
 * connection lives. Behind a transaction-pooling connection pooler (PgBouncer in transaction mode) each transaction may
 * run on another server connection, so the unlock may reach a connection that never took the lock (the lock then stays
 * until that connection closes), and a lock taken by one client may be seen as held by an unrelated one sharing its
 * server connection. A lease row is plain data written in short transactions: it works the same through any pooler. It
 * is taken by one statement, an {@code INSERT ... ON CONFLICT DO UPDATE} whose update only happens when the lease has
 * expired, so two replicas racing for it cannot both win; it is renewed while the work runs and deleted when the work
 * ends. A replica that dies while holding it only blocks the work until the lease expires.
 */
@ApplicationScoped
public class ClusterLease {

    /** How long a lease lasts without renewal: how long a dead holder can block the work at most. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private final Pool pool;
    private final String replica = Workers.id("replica");

    public ClusterLease(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} only if no other holder (on this replica or another) runs the work of the same name, renewing
     * the lease every third of {@code lease} while it runs.
     *
     * @return whether this call ran the work
     */
    public Uni<Boolean> once(String name, Duration lease, Supplier<Uni<Void>> work) {
        String holder = replica + "/" + UUID.randomUUID();
        return take(name, holder, lease).chain(taken -> {
            if (!taken) {
                return Uni.createFrom().item(false);
            }
            Cancellable renewal = Multi.createFrom().ticks().every(lease.dividedBy(3)).onItem()
                    .transformToUniAndConcatenate(tick -> renew(name, holder, lease)).subscribe().with(renewed -> {
                        if (!renewed) {
                            Log.warnf("the cluster lease %s ran out while %s held it", name, holder);
                        }
                    }, failure -> Log.warnf(failure, "renewing the cluster lease %s failed", name));
            return Uni.createFrom().deferred(work::get).onTermination().invoke(renewal::cancel).onTermination()
                    .call(() -> release(name, holder).onFailure().recoverWithNull()).replaceWith(true);
        });
    }

    /** {@link #once(String, Duration, Supplier)} with the {@linkplain #DEFAULT_LEASE default lease}. */
    public Uni<Boolean> once(String name, Supplier<Uni<Void>> work) {
        return once(name, DEFAULT_LEASE, work);
    }

    private Uni<Boolean> take(String name, String holder, Duration lease) {
        return pool.preparedQuery("""
                INSERT INTO cluster_leases (name, holder, expires_at)
                VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE cluster_leases.expires_at < clock_timestamp()
                RETURNING holder
                """).execute(Tuple.of(name, holder, lease.toMillis())).map(rows -> rows.size() == 1);
    }

    private Uni<Boolean> renew(String name, String holder, Duration lease) {
        return pool.preparedQuery("""
                UPDATE cluster_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
                WHERE name = $1 AND holder = $2
                """).execute(Tuple.of(name, holder, lease.toMillis())).map(rows -> rows.rowCount() == 1);
    }

    private Uni<Void> release(String name, String holder) {
        return pool.preparedQuery("DELETE FROM cluster_leases WHERE name = $1 AND holder = $2")
                .execute(Tuple.of(name, holder)).replaceWithVoid();
    }
}
