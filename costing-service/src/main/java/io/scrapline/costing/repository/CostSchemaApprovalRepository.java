package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.SchemaApproval;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The owners' approvals of cost-schema versions (V28); every method runs inside the caller's tenant transaction. */
@ApplicationScoped
public class CostSchemaApprovalRepository {

    /** The approvals of {@code version}, oldest first. */
    public Uni<List<SchemaApproval.Given>> of(SqlConnection connection, int version) {
        return connection.preparedQuery("""
                SELECT role, approved_by, approved_at FROM cost_schema_approvals WHERE version = $1
                ORDER BY approved_at, role
                """).execute(Tuple.of(version)).map(rows -> {
            List<SchemaApproval.Given> given = new ArrayList<>();
            rows.forEach(row -> given.add(given(row)));
            return given;
        });
    }

    /** The approvals of every version, by version, each oldest first. */
    public Uni<Map<Integer, List<SchemaApproval.Given>>> all(SqlConnection connection) {
        return connection.query("""
                SELECT version, role, approved_by, approved_at FROM cost_schema_approvals
                ORDER BY version, approved_at, role
                """).execute().map(rows -> {
            Map<Integer, List<SchemaApproval.Given>> byVersion = new LinkedHashMap<>();
            rows.forEach(row -> byVersion.computeIfAbsent(row.getInteger("version"), v -> new ArrayList<>())
                    .add(given(row)));
            return byVersion;
        });
    }

    /** Records {@code approvedBy}'s approval of {@code version} as {@code role}; the caller checked it may. */
    public Uni<Void> record(SqlConnection connection, int version, String role, String approvedBy) {
        return connection.preparedQuery("""
                INSERT INTO cost_schema_approvals (tenant_id, version, role, approved_by)
                VALUES (current_tenant(), $1, $2, $3)
                """).execute(Tuple.of(version, role, approvedBy)).replaceWithVoid();
    }

    private static SchemaApproval.Given given(Row row) {
        return new SchemaApproval.Given(row.getString("role"), row.getString("approved_by"),
                row.getOffsetDateTime("approved_at"));
    }
}
