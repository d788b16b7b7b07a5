package io.scrapline.costing.repository;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ReferenceInputs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Plants, cross-references and the defect-code catalog: upserts, a whole list per statement. */
@ApplicationScoped
public class ReferenceRepository {

    public Uni<Void> upsertPlant(SqlConnection connection, String plant, ReferenceInputs.Plant request) {
        return connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .execute()
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar)
                        VALUES (current_tenant(), $1, $2, $3, $4, $5)
                        ON CONFLICT (tenant_id, plant_id) DO UPDATE SET name = excluded.name,
                            currency = excluded.currency, time_zone = excluded.time_zone,
                            fiscal_calendar = excluded.fiscal_calendar, updated_at = now()
                        """)
                        .execute(Tuple.of(plant, request.name(), request.currency(), request.timeZone(),
                                request.fiscalCalendar() == null ? "calendar" : request.fiscalCalendar())))
                .replaceWithVoid();
    }

    public Uni<Boolean> tenantExists(SqlConnection connection) {
        return connection.query("SELECT 1 FROM tenants").execute().map(rows -> rows.size() > 0);
    }

    public Uni<Void> upsertPartXrefs(SqlConnection connection, String source, List<ReferenceInputs.PartXref> xrefs) {
        return connection.preparedQuery("""
                INSERT INTO part_xrefs (tenant_id, source, source_part, effective_from, part)
                SELECT current_tenant(), $1, u.* FROM unnest($2::text[], $3::date[], $4::text[]) AS u
                ON CONFLICT (tenant_id, source, source_part, effective_from)
                DO UPDATE SET part = excluded.part, updated_at = now()
                """)
                .execute(Tuple.of(source,
                        xrefs.stream().map(ReferenceInputs.PartXref::sourcePart).toArray(String[]::new),
                        xrefs.stream().map(x -> x.effectiveFrom()).toArray(java.time.LocalDate[]::new),
                        xrefs.stream().map(ReferenceInputs.PartXref::part).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> upsertDefectCodeXrefs(SqlConnection connection, String source,
            List<ReferenceInputs.DefectCodeXref> xrefs) {
        return connection.preparedQuery("""
                INSERT INTO defect_code_xrefs (tenant_id, source, source_code, defect_code)
                SELECT current_tenant(), $1, u.* FROM unnest($2::text[], $3::text[]) AS u
                ON CONFLICT (tenant_id, source, source_code)
                DO UPDATE SET defect_code = excluded.defect_code, updated_at = now()
                """)
                .execute(Tuple.of(source,
                        xrefs.stream().map(ReferenceInputs.DefectCodeXref::sourceCode).toArray(String[]::new),
                        xrefs.stream().map(ReferenceInputs.DefectCodeXref::defectCode).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Set<String>> knownDefectCodes(SqlConnection connection) {
        return connection.query("SELECT code FROM defect_codes").execute().map(rows -> {
            Set<String> codes = new java.util.HashSet<>();
            rows.forEach(row -> codes.add(row.getString(0)));
            return codes;
        });
    }

    public Uni<Void> upsertDefectCodes(SqlConnection connection, List<ReferenceInputs.DefectCode> codes) {
        return connection.preparedQuery("""
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u
                ON CONFLICT (tenant_id, code) DO UPDATE SET description = excluded.description,
                    category = excluded.category, coq_class = excluded.coq_class, updated_at = now()
                """)
                .execute(Tuple.of(codes.stream().map(ReferenceInputs.DefectCode::code).toArray(String[]::new),
                        codes.stream().map(ReferenceInputs.DefectCode::description).toArray(String[]::new),
                        codes.stream().map(ReferenceInputs.DefectCode::category).toArray(String[]::new),
                        codes.stream().map(ReferenceInputs.DefectCode::coqClass).toArray(String[]::new)))
                .replaceWithVoid();
    }
}
