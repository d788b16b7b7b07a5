package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.CostSchemaVersion;
import io.scrapline.costing.domain.ScrapMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The tenant's cost-schema versions; every method runs inside the caller's tenant transaction. */
@ApplicationScoped
public class CostSchemaRepository {

    private static final String COLUMNS = """
            version, status, scrap_method, planned_scrap_convention, rounding, labor_burden, fx_policy,
            vital_few_threshold, defect_catalog_version, include_scrap_in_completions, created_by, created_at, approved_by, approved_at,
            superseded_at""";

    /** Serializes numbering and approval within a tenant, so two calls never take one number or both approve. */
    public Uni<Void> lockTenant(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock(hashtext('cost-schemas:' || current_tenant()))").execute()
                .replaceWithVoid();
    }

    /** Stores {@code schema} as the next draft version and answers it. */
    public Uni<CostSchemaVersion> insertDraft(SqlConnection connection, CostSchema schema, String createdBy) {
        Tuple values = Tuple.tuple().addValue(CostSchema.name(schema.scrapMethod()))
                .addValue(schema.plannedScrapConvention()).addValue(CostSchema.name(schema.rounding()))
                .addValue(schema.laborBurden()).addValue(schema.fxPolicy()).addValue(schema.vitalFewThreshold())
                .addValue(schema.defectCatalogVersion()).addValue(schema.includeScrapInCompletions())
                .addValue(createdBy);
        return connection.preparedQuery("""
                INSERT INTO cost_schemas (tenant_id, version, scrap_method, planned_scrap_convention, rounding,
                    labor_burden, fx_policy, vital_few_threshold, defect_catalog_version, include_scrap_in_completions,
                    created_by)
                SELECT current_tenant(), coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9
                FROM cost_schemas
                RETURNING\s""" + COLUMNS).execute(values).map(rows -> stored(rows.iterator().next()));
    }

    /** The version, locked for update, or empty if the tenant has no such version. */
    public Uni<Optional<CostSchemaVersion>> findForUpdate(SqlConnection connection, int version) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM cost_schemas WHERE version = $1 FOR UPDATE")
                .execute(Tuple.of(version)).map(CostSchemaRepository::first);
    }

    public Uni<Optional<CostSchemaVersion>> find(SqlConnection connection, int version) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM cost_schemas WHERE version = $1")
                .execute(Tuple.of(version)).map(CostSchemaRepository::first);
    }

    /** Supersedes the approved version, if any, then approves draft {@code version}; the caller checked it. */
    public Uni<CostSchemaVersion> approve(SqlConnection connection, int version, String approvedBy) {
        return connection.query(
                "UPDATE cost_schemas SET status = 'superseded', superseded_at = now() " + "WHERE status = 'approved'")
                .execute()
                .chain(() -> connection
                        .preparedQuery("UPDATE cost_schemas SET status = 'approved', approved_by = $2, "
                                + "approved_at = now() WHERE version = $1 AND status = 'draft' RETURNING " + COLUMNS)
                        .execute(Tuple.of(version, approvedBy)))
                .map(rows -> stored(rows.iterator().next()));
    }

    /** Every version, newest first. */
    public Uni<List<CostSchemaVersion>> list(SqlConnection connection) {
        return connection.query("SELECT " + COLUMNS + " FROM cost_schemas ORDER BY version DESC").execute()
                .map(rows -> {
                    List<CostSchemaVersion> found = new ArrayList<>();
                    rows.forEach(row -> found.add(stored(row)));
                    return found;
                });
    }

    /** The approved version costing uses, or empty while the tenant has approved none. */
    public Uni<Optional<CostSchema>> approved(SqlConnection connection) {
        return connection.query("SELECT " + COLUMNS + " FROM cost_schemas WHERE status = 'approved'").execute()
                .map(rows -> first(rows).map(CostSchemaVersion::schema));
    }

    private static Optional<CostSchemaVersion> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next()));
    }

    private static CostSchemaVersion stored(Row row) {
        CostSchema schema = new CostSchema(row.getInteger("version"),
                ScrapMethod.valueOf(row.getString("scrap_method").toUpperCase()),
                row.getString("planned_scrap_convention"),
                CostSchema.Rounding.valueOf(row.getString("rounding").toUpperCase()), row.getBigDecimal("labor_burden"),
                row.getString("fx_policy"), row.getBigDecimal("vital_few_threshold"),
                row.getString("defect_catalog_version"), row.getBoolean("include_scrap_in_completions"));
        return new CostSchemaVersion(schema, row.getString("status"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getString("approved_by"), row.getOffsetDateTime("approved_at"),
                row.getOffsetDateTime("superseded_at"), List.of());
    }
}
