package io.scrapline.platform.testing;

import io.scrapline.platform.tenant.TenantDb;
import io.vertx.mutiny.sqlclient.Tuple;

/** Test set-up of a tenant, written as the tenant itself, so row-level security applies as in production. */
public final class TestTenants {

    private TestTenants() {
    }

    /** Registers the tenant and one plant in US dollars and New York time. */
    public static void createWithPlant(TenantDb db, String tenant, String plant) {
        db.inTenant(tenant, connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .execute()
                .chain(() -> connection
                        .preparedQuery("INSERT INTO plants (tenant_id, plant_id, name, currency, "
                                + "time_zone) VALUES (current_tenant(), $1, 'Dayton', 'USD', 'America/New_York')")
                        .execute(Tuple.of(plant))))
                .await().indefinitely();
    }
}
