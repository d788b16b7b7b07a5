package io.scrapline.costing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The tenant's costing lock, a transaction-level advisory lock: released at commit, also behind a pooler. */
@ApplicationScoped
public class CostingLockRepository {

    /**
     * The tenant's costing lock held alone: rework hours and confirmations are costed by one run at a time, apart from
     * the costing of defect records, which could otherwise value the same hours at the same moment.
     */
    public Uni<Void> lockTenant(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock(hashtext('costing:' || current_tenant()))").execute()
                .replaceWithVoid();
    }

    /**
     * The tenant's costing lock shared: defect records of different batches, and re-costing parts, are costed side by
     * side (the current-event index keeps one event per record version); rework hours and confirmations wait.
     */
    public Uni<Void> lockTenantShared(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock_shared(hashtext('costing:' || current_tenant()))")
                .execute().replaceWithVoid();
    }
}
