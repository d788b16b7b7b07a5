package io.scrapline.platform.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final Pool pool;

    public TenantDb(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in one transaction that sees only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(String tenantId, Function<SqlConnection, Uni<T>> work) {
        if (tenantId == null || tenantId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("no tenant"));
        }
        return pool
                .withTransaction(connection -> connection.preparedQuery("SELECT set_config('app.tenant_id', $1, true)")
                        .execute(Tuple.of(tenantId)).chain(() -> work.apply(connection)));
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
     * tenant after the other, each in its own tenant context.
     */
    public Uni<Void> sweepTenants(String job, String function, Function<String, Uni<?>> work) {
        return onceInCluster(job,
                () -> tenantsFrom(function).onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                        .onItem().transformToUniAndConcatenate(work).collect().last().replaceWithVoid())
                                .replaceWithVoid();
    }

    /**
     * Runs {@code work} only if no other replica is running the job of the same name: scheduled work fires once per
     * cluster. The lock is a session-level advisory lock held by one pooled connection for the duration.
     *
     * @return whether this replica ran the work
     */
    public Uni<Boolean> onceInCluster(String job, Supplier<Uni<Void>> work) {
        return pool.withConnection(connection -> connection.preparedQuery("SELECT pg_try_advisory_lock(hashtext($1))")
                .execute(Tuple.of(job)).chain(rows -> {
                    if (!rows.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().item(false);
                    }
                    return work
                            .get().onTermination().call(() -> connection
                                    .preparedQuery("SELECT pg_advisory_unlock(hashtext($1))").execute(Tuple.of(job)))
                            .replaceWith(true);
                }));
    }
}
