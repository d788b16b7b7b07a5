package io.scrapline.costing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rows written straight into a tenant's tables, as the sources would have sent them, for the costing tests. */
final class TenantRows {

    private TenantRows() {
    }

    static Uni<Void> run(SqlConnection connection, String sql, Object... parameters) {
        return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).replaceWithVoid();
    }

    /**
     * The tenant of the transaction with plant DAY1 (USD, New York), defect code MACH-DIM, and the cross-references of
     * source {@code mes}: its code D-114 to MACH-DIM, its part MFG-4471 to 100-4471-A from 2026-01-01.
     */
    static Uni<Void> tenantWithPlantAndXrefs(SqlConnection connection, String mes) {
        return run(connection, "INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .chain(() -> run(connection,
                        "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                                + "VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')"))
                .chain(() -> run(connection,
                        "INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) VALUES "
                                + "(current_tenant(), 'MACH-DIM', 'Dimension out of tolerance', 'machining', "
                                + "'internal_failure')"))
                .chain(() -> run(connection,
                        "INSERT INTO defect_code_xrefs (tenant_id, source, source_code, defect_code) "
                                + "VALUES (current_tenant(), $1, 'D-114', 'MACH-DIM')",
                        mes))
                .chain(() -> run(connection,
                        "INSERT INTO part_xrefs (tenant_id, source, source_part, effective_from, part) "
                                + "VALUES (current_tenant(), $1, 'MFG-4471', DATE '2026-01-01', '100-4471-A')",
                        mes));
    }

    static void inTenant(TenantDb db, String tenant, Function<SqlConnection, Uni<Void>> work) {
        db.inTenant(tenant, work).await().indefinitely();
    }

    /** The first column of the first row of {@code sql} as a decimal; null counts as zero. */
    static BigDecimal decimal(TenantDb db, String tenant, String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
        }).await().indefinitely();
    }

    /** Each row of {@code sql} with its columns joined by spaces, so that figures compare exactly. */
    static List<String> rows(TenantDb db, String tenant, String sql) {
        return db.inTenant(tenant, connection -> connection.query(sql).execute()).map(found -> {
            List<String> rows = new ArrayList<>();
            for (Row row : found) {
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.getValue(i);
                    columns.add(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
                }
                rows.add(String.join(" ", columns));
            }
            return rows;
        }).await().indefinitely();
    }

    /** Waits until {@code condition} holds, failing the test after {@code within}. */
    static void awaitTrue(Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + within.toSeconds() + " s").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
