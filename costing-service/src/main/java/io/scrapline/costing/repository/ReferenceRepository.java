package io.scrapline.costing.repository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.ReferenceInputs;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tenant's reference data: plants, lines and work centers, cross-references and the defect-code catalog, kept by
 * the reference endpoints (upserts, a whole list per statement) and by costing (lines and work centers as first seen),
 * and loaded by costing for a chunk of records as {@link ReferenceData}, together with the cost rolls, labor rates,
 * NCRs, work orders and rework hours that the chunk's records refer to.
 */
@ApplicationScoped
public class ReferenceRepository {

    private final CostInputRepository inputs;
    private final UomConversionRepository uomConversions;

    public ReferenceRepository(CostInputRepository inputs, UomConversionRepository uomConversions) {
        this.inputs = inputs;
        this.uomConversions = uomConversions;
    }

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

    /** Whether the connection's tenant is registered (it is on its first plant). */
    public Uni<Boolean> tenantExists(SqlConnection connection) {
        return connection.query("SELECT EXISTS (SELECT 1 FROM tenants WHERE tenant_id = current_tenant())").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
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
                        xrefs.stream().map(ReferenceInputs.PartXref::effectiveFrom).toArray(LocalDate[]::new),
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
            Set<String> codes = new HashSet<>();
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

    /**
     * Registers the lines and work centers the records name (contract.md: "registered when first seen"), in key order:
     * runs registering the same new ones side by side wait for each other instead of deadlocking.
     */
    public Uni<Void> registerLines(SqlConnection connection, List<DefectRecord> records) {
        Tuple columns = Columns.addText(Tuple.tuple(), records, DefectRecord::plant, DefectRecord::line,
                DefectRecord::workCenter);
        return connection.preparedQuery("""
                WITH seen AS (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[])
                              AS u(plant_id, line_id, work_center_id)),
                lines_added AS (
                    INSERT INTO lines (tenant_id, plant_id, line_id)
                    SELECT DISTINCT current_tenant(), plant_id, line_id FROM seen ORDER BY 2, 3
                    ON CONFLICT DO NOTHING)
                SELECT 1
                """).execute(columns).chain(() -> connection.preparedQuery("""
                INSERT INTO work_centers (tenant_id, plant_id, work_center_id, line_id)
                SELECT DISTINCT ON (plant_id, work_center_id) current_tenant(), plant_id, work_center_id,
                    line_id
                FROM unnest($1::text[], $2::text[], $3::text[]) AS u(plant_id, line_id, work_center_id)
                ORDER BY plant_id, work_center_id
                ON CONFLICT DO NOTHING
                """).execute(columns)).replaceWithVoid();
    }

    /**
     * The plants, cross-references, defect codes, cost rolls and unit factors that {@code records} refer to, their NCRs
     * and work orders, the rework-labor records joined to them and the labor rates those need.
     */
    public Uni<ReferenceData> forDefects(SqlConnection connection, List<DefectRecord> records) {
        String[] plants = Columns.distinct(records, DefectRecord::plant);
        String[] sources = records.stream().map(DefectRecord::source).toArray(String[]::new);
        String[] sourceParts = records.stream().map(DefectRecord::sourcePart).toArray(String[]::new);
        String[] sourceCodes = records.stream().map(DefectRecord::sourceDefectCode).toArray(String[]::new);

        Uni<Map<String, List<ReferenceData.PartXref>>> partsUni = connection.preparedQuery("""
                SELECT x.source, x.source_part, x.effective_from, x.part FROM part_xrefs x
                JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(source, source_part)) w
                  USING (source, source_part)
                """).execute(Tuple.of(sources, sourceParts)).map(rows -> {
            Map<String, List<ReferenceData.PartXref>> found = new HashMap<>();
            rows.forEach(row -> found
                    .computeIfAbsent(ReferenceData.key(row.getString("source"), row.getString("source_part")),
                            k -> new ArrayList<>())
                    .add(new ReferenceData.PartXref(row.getLocalDate("effective_from"), row.getString("part"))));
            return found;
        });
        Uni<Map<String, String>> codeXrefsUni = connection.preparedQuery("""
                SELECT x.source, x.source_code, x.defect_code FROM defect_code_xrefs x
                JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(source, source_code) ) w
                  USING (source, source_code)
                """).execute(Tuple.of(sources, sourceCodes)).map(rows -> {
            Map<String, String> found = new HashMap<>();
            rows.forEach(row -> found.put(ReferenceData.key(row.getString("source"), row.getString("source_code")),
                    row.getString("defect_code")));
            return found;
        });
        Uni<Map<String, ReferenceData.DefectCode>> codesUni = connection
                .query("SELECT code, description, coq_class FROM defect_codes").execute().map(rows -> {
                    Map<String, ReferenceData.DefectCode> found = new HashMap<>();
                    rows.forEach(
                            row -> found.put(row.getString("code"), new ReferenceData.DefectCode(row.getString("code"),
                                    row.getString("description"), row.getString("coq_class"))));
                    return found;
                });
        return closedPeriods(connection, plants).chain(closed -> Uni.combine().all()
                .unis(plants(connection, plants), partsUni, codeXrefsUni, codesUni, inputs.ncrs(connection, records),
                        inputs.workOrders(connection, records), inputs.labor(connection, records))
                .asTuple().chain(found -> {
                    String[] parts = found.getItem2().values().stream().flatMap(List::stream)
                            .map(ReferenceData.PartXref::part).distinct().toArray(String[]::new);
                    Map<Long, List<LaborRecord>> labor = found.getItem7();
                    String[] workCenters = labor.values().stream().flatMap(List::stream).map(LaborRecord::workCenter)
                            .distinct().toArray(String[]::new);
                    return Uni.combine().all()
                            .unis(inputs.costRolls(connection, plants, parts),
                                    inputs.laborRates(connection, plants, workCenters),
                                    uomConversions.factors(connection, parts))
                            .asTuple()
                            .map(more -> new ReferenceData(found.getItem1(), found.getItem2(), found.getItem3(),
                                    found.getItem4(), more.getItem1(), found.getItem5(), found.getItem6(), labor,
                                    more.getItem2(), Map.of(), closed, more.getItem3()));
                }));
    }

    /** What costing rework hours without a defect record needs: the plants, labor rates and lines of work centers. */
    public Uni<ReferenceData> forLabor(SqlConnection connection, List<LaborRecord> records) {
        String[] plants = Columns.distinct(records, LaborRecord::plant);
        String[] workCenters = Columns.distinct(records, LaborRecord::workCenter);
        Uni<Map<String, String>> linesUni = connection.preparedQuery("""
                SELECT plant_id, work_center_id, line_id FROM work_centers
                WHERE plant_id = ANY($1) AND work_center_id = ANY($2)
                """).execute(Tuple.of(plants, workCenters)).map(rows -> {
            Map<String, String> found = new HashMap<>();
            rows.forEach(row -> found.put(ReferenceData.key(row.getString("plant_id"), row.getString("work_center_id")),
                    row.getString("line_id")));
            return found;
        });
        return closedPeriods(connection, plants).chain(closed -> Uni.combine().all()
                .unis(plants(connection, plants), inputs.laborRates(connection, plants, workCenters), linesUni)
                .asTuple().map(found -> new ReferenceData(found.getItem1(), Map.of(), Map.of(), Map.of(), Map.of(),
                        Map.of(), Map.of(), Map.of(), found.getItem2(), found.getItem3(), closed)));
    }

    /** The plants, cost rolls and unit factors the confirmations refer to; their part is the ERP part already. */
    public Uni<ReferenceData> forConfirmations(SqlConnection connection, List<ConfirmationRecord> records) {
        String[] plants = Columns.distinct(records, ConfirmationRecord::plant);
        String[] parts = Columns.distinct(records, ConfirmationRecord::part);
        return closedPeriods(connection, plants).chain(closed -> Uni.combine().all()
                .unis(plants(connection, plants), inputs.costRolls(connection, plants, parts),
                        uomConversions.factors(connection, parts))
                .asTuple()
                .map(found -> new ReferenceData(found.getItem1(), Map.of(), Map.of(), Map.of(), found.getItem2())
                        .withClosedPeriods(closed).withUomFactors(found.getItem3())));
    }

    /** The plants and closed periods of the events {@code delta} takes out of the rollups, to book the reversals. */
    public Uni<ReferenceData> closedPeriods(SqlConnection connection, RollupDelta delta) {
        String[] plants = delta.changes().stream().map(c -> c.key().plant()).distinct().toArray(String[]::new);
        return closedPeriods(connection, plants)
                .chain(closed -> plants(connection, plants).map(found -> ReferenceData.closedPeriods(found, closed)));
    }

    /**
     * The closed periods of {@code plants}, read after taking each plant's period-close lock shared (V12): a close
     * holds it exclusively from the capture of its figures to its commit, so no event this transaction writes lands in
     * a period being closed. Plants are locked in name order.
     */
    private Uni<Map<String, Set<String>>> closedPeriods(SqlConnection connection, String[] plants) {
        return connection
                .preparedQuery(
                        """
                                SELECT count(pg_advisory_xact_lock_shared(hashtext('period-close'), hashtext(current_tenant() || '/' || p)))
                                FROM (SELECT DISTINCT p FROM unnest($1::text[]) AS u(p) ORDER BY p) s
                                """)
                .execute(Tuple.of((Object) plants))
                .chain(() -> connection
                        .preparedQuery("SELECT plant_id, period FROM closed_periods WHERE plant_id = ANY($1)")
                        .execute(Tuple.of((Object) plants)))
                .map(rows -> {
                    Map<String, Set<String>> closed = new HashMap<>();
                    rows.forEach(row -> closed.computeIfAbsent(row.getString("plant_id"), p -> new HashSet<>())
                            .add(row.getString("period")));
                    return closed;
                });
    }

    /** The currency, time zone and fiscal calendar of {@code plants}, by plant. */
    public Uni<Map<String, ReferenceData.Plant>> plants(SqlConnection connection, String[] plants) {
        return connection
                .preparedQuery(
                        "SELECT plant_id, currency, time_zone, fiscal_calendar FROM plants WHERE plant_id = ANY($1)")
                .execute(Tuple.of(plants)).map(rows -> {
                    Map<String, ReferenceData.Plant> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("plant_id"),
                            new ReferenceData.Plant(row.getString("currency"), ZoneId.of(row.getString("time_zone")),
                                    FiscalCalendar.parse(row.getString("fiscal_calendar")))));
                    return found;
                });
    }
}
