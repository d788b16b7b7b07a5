package io.scrapline.platform.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.scrapline.platform.job.ClusterLease;
import io.scrapline.platform.problem.UnavailableProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The only way services reach tenant data: every transaction starts by setting the transaction-local
 * {@code app.tenant_id} that the row-level security policies key on.
 */
@ApplicationScoped
public class TenantDb {

    /** The counter of a sweep's failed tenants, tagged by job only: tenant ids would make it unbounded. */
    static final String SWEEP_FAILURES = "scrapline.sweep.failures";

    private final Pool pool;
    private final MeterRegistry registry;

    private final ClusterLease leases;

    public TenantDb(Pool pool, MeterRegistry registry, ClusterLease leases) {
        this.pool = pool;
        this.registry = registry;
        this.leases = leases;
    }

    /** Runs {@code work} in one transaction that sees only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(String tenantId, Function<SqlConnection, Uni<T>> work) {
        if (tenantId == null || tenantId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no tenant"));
        }
        return pool.withTransaction(connection -> setTenant(connection, tenantId).chain(() -> work.apply(connection)))
                .onFailure().transform(UnavailableProblem::translate);
    }

    /**
     * Runs {@code work}, a read of several statements, in one read-only REPEATABLE READ transaction that sees only
     * {@code tenantId}'s rows: every statement reads the same snapshot, so the parts of an answer agree with each other
     * while costing writes.
     */
    public <T> Uni<T> readInTenant(String tenantId, Function<SqlConnection, Uni<T>> work) {
        if (tenantId == null || tenantId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no tenant"));
        }
        // SET TRANSACTION comes first in the transaction, before the snapshot is taken by the first query.
        return pool
                .withTransaction(connection -> connection
                        .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                        .chain(() -> setTenant(connection, tenantId)).chain(() -> work.apply(connection)))
                .onFailure().transform(UnavailableProblem::translate);
    }

    private static Uni<Void> setTenant(SqlConnection connection, String tenantId) {
        return connection.preparedQuery("SELECT set_config('app.tenant_id', $1, true)").execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    /**
     * The tenants an owner-rights function names, for sweeps that start without a tenant. The function is one of the
     * schema's {@code tenants_with_*} functions; it returns tenant ids only.
     */
    public Uni<List<String>> tenantsFrom(String function) {
        if (!function.matches("tenants_with_[a-z_]+")) {
            throw new IllegalArgumentException("not a tenant function: " + function);
        }
        return pool.query("SELECT * FROM " + function + "()").execute().map(rows -> {
            List<String> tenants = new ArrayList<>();
            for (Row row : rows) {
                tenants.add(row.getString(0));
            }
            return tenants;
        });
    }

    /**
     * A sweep: once per cluster, runs {@code work} for each tenant that the owner-rights {@code function} names, one
     * tenant after the other, each in its own tenant context; see {@link #eachTenant}.
     */
    public <T> Uni<Void> sweepTenants(String job, String function, Function<String, Uni<T>> work) {
        return onceInCluster(job, () -> eachTenant(job, function, work).replaceWithVoid()).replaceWithVoid();
    }

    /**
     * Runs {@code work} for each tenant that the owner-rights {@code function} names, one tenant after the other. A
     * tenant whose work fails is logged and counted ({@code scrapline_sweep_failures_total{job}}), and the next
     * tenant's work goes on: one tenant's bad data or bug never stops another tenant's work.
     *
     * @return the results of the tenants whose work succeeded, in order
     */
    public <T> Uni<List<T>> eachTenant(String job, String function, Function<String, Uni<T>> work) {
        Counter failures = Counter.builder(SWEEP_FAILURES).description("Tenants whose work in a sweep failed")
                .tag("job", job).register(registry);
        return tenantsFrom(function).onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants)).onItem()
                .transformToUniAndConcatenate(tenant -> Uni.createFrom().deferred(() -> work.apply(tenant)).onItem()
                        .transform(Optional::ofNullable).onFailure().recoverWithItem(failure -> {
                            failures.increment();
                            Log.errorf(failure, "%s failed for tenant %s; the other tenants' work goes on", job,
                                    tenant);
                            return Optional.empty();
                        }))
                .filter(Optional::isPresent).map(Optional::get).collect().asList();
    }

    /**
     * Runs {@code work} only if no other replica is running the job of the same name: scheduled work fires once per
     * cluster. The guard is a lease row ({@link ClusterLease}), not a session advisory lock, so that it holds behind a
     * transaction-pooling connection pooler too.
     *
     * @return whether this replica ran the work
     */
    public Uni<Boolean> onceInCluster(String job, Supplier<Uni<Void>> work) {
        return leases.once(job, work).onFailure().transform(UnavailableProblem::translate);
    }
}
