package io.scrapline.alert.rest;

import java.util.Arrays;

import io.scrapline.platform.tenant.TenantDb;
import io.vertx.mutiny.sqlclient.Tuple;

/** Test set-up and checks written as the tenant, so that row-level security applies as in production. */
record TenantRows(TenantDb db, String tenant) {

    void sql(String sql, Object... parameters) {
        db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .replaceWithVoid()).await().indefinitely();
    }

    /** The number the query counts. */
    long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
