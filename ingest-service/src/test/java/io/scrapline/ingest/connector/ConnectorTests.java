package io.scrapline.ingest.connector;

import java.util.UUID;

import io.scrapline.platform.tenant.TenantDb;
import io.vertx.mutiny.sqlclient.Tuple;

/** Test data of the connector tests: a fresh tenant per test, and counts of what it stored. */
final class ConnectorTests {

    /** The MES's own field names (left) to the record fields of a defect (right); {@code operator} is not mapped. */
    static final String DEFECT_FIELD_MAP = """
            {"defectId": "source_id", "plantCode": "plant", "lineId": "line", "wc": "work_center",
             "partNo": "part", "code": "defect_code", "qty": "quantity", "disp": "disposition", "ts": "occurred_at"}""";

    /**
     * Where the tests' stand-in sources listen: loopback, as all of 127.0.0.0/8 is on Linux, but the one address the
     * egress policy of the tests allows (scrapline.egress.allow in %test); 127.0.0.1 and localhost stay refused.
     */
    static final String ALLOWED_HOST = "127.0.0.2";

    private ConnectorTests() {
    }

    /** A new tenant with plant DAY1, which the records of the tests name. */
    static String newTenantWithPlant(TenantDb db) {
        String tenant = "t-" + UUID.randomUUID();
        db.inTenant(tenant, connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .execute()
                .chain(() -> connection.query("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                        + "VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')").execute()))
                .await().indefinitely();
        return tenant;
    }

    /**
     * A disabled connector stored as it is, past the API's checks: as a version before the egress policy stored it, or
     * as a stored row an attacker changed.
     */
    static void storeDirectly(TenantDb db, String tenant, String source, String connector, String kind, String config) {
        db.inTenant(tenant, connection -> connection
                .preparedQuery("INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), $1) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(source))
                .chain(() -> connection.preparedQuery("INSERT INTO connectors (tenant_id, source, connector, kind, "
                        + "record_type, config, enabled) VALUES (current_tenant(), $1, $2, $3, 'defects', "
                        + "$4::text::jsonb, false)").execute(Tuple.of(source, connector, kind, config))))
                .await().indefinitely();
    }

    /** A text the tenant's transaction answers. */
    static String text(TenantDb db, String tenant, String sql, Object... params) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.from(params)))
                .map(rows -> rows.iterator().next().getString(0)).await().indefinitely();
    }

    /** A number the tenant's transaction answers, e.g. a count of its records. */
    static long count(TenantDb db, String tenant, String sql, Object... params) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.from(params)))
                .map(rows -> {
                    Object value = rows.iterator().next().getValue(0);
                    return value == null ? 0L : ((Number) value).longValue();
                }).await().indefinitely();
    }

    /** A defect as the MES's API sends it. */
    static String mesDefect(int n, int quantity) {
        return """
                {"defectId": "MES-%d", "plantCode": "DAY1", "lineId": "L1", "wc": "WC-110", "partNo": "MFG-4471",
                 "code": "D-114", "qty": %d, "disp": "scrap", "ts": "2026-10-14T09:%02d:00-04:00",
                 "operator": "J. Doe"}""".formatted(n, quantity, n);
    }

    /** A page of the MES's API: its defects under {@code data}, the next cursor under {@code paging.next}. */
    static String mesPage(String next, int... defects) {
        StringBuilder items = new StringBuilder();
        for (int n : defects) {
            items.append(items.isEmpty() ? "" : ",").append(mesDefect(n, n));
        }
        return "{\"data\": [" + items + "], \"paging\": {\"next\": " + (next == null ? "null" : "\"" + next + "\"")
                + "}}";
    }
}
