package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostRollLine;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.ReworkValuation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ingest records, besides a record itself, that costing values it with: cost rolls and labor rates, and the NCRs,
 * work orders and rework hours a defect record names, each in its latest version.
 */
@ApplicationScoped
public class CostInputRepository {

    /** The latest version of each standard-cost record of {@code parts}, as their cost rolls by plant and part. */
    public Uni<Map<String, List<CostRollLine>>> costRolls(SqlConnection connection, String[] plants, String[] parts) {
        return connection.preparedQuery("""
                SELECT DISTINCT ON (plant_id, part, operation, effective_from)
                    plant_id, part, operation, effective_from, material_cost, labor_cost, overhead_cost, milestone,
                    planned_scrap_rate, record_id, version, uom
                FROM standard_cost_records
                WHERE plant_id = ANY($1) AND part = ANY($2)
                ORDER BY plant_id, part, operation, effective_from, version DESC
                """).execute(Tuple.of(plants, parts)).map(rows -> {
            Map<String, List<CostRollLine>> found = new HashMap<>();
            rows.forEach(
                    row -> found.computeIfAbsent(ReferenceData.key(row.getString("plant_id"), row.getString("part")),
                            k -> new ArrayList<>()).add(RecordRows.costRollLine(row)));
            return found;
        });
    }

    /** Every version of the rates of the work centers and of the plants' defaults (work center {@code ""}). */
    public Uni<Map<String, List<ReworkValuation.Rate>>> laborRates(SqlConnection connection, String[] plants,
            String[] workCenters) {
        if (workCenters.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        String[] withDefault = Stream.concat(Stream.of(""), Stream.of(workCenters)).toArray(String[]::new);
        return connection.preparedQuery("""
                SELECT DISTINCT ON (plant_id, work_center_id, effective_from)
                    plant_id, work_center_id, effective_from, rate, record_id
                FROM labor_rate_records
                WHERE plant_id = ANY($1) AND work_center_id = ANY($2)
                ORDER BY plant_id, work_center_id, effective_from, version DESC
                """).execute(Tuple.of(plants, withDefault)).map(rows -> {
            Map<String, List<ReworkValuation.Rate>> found = new HashMap<>();
            rows.forEach(row -> found
                    .computeIfAbsent(ReferenceData.key(row.getString("plant_id"), row.getString("work_center_id")),
                            k -> new ArrayList<>())
                    .add(new ReworkValuation.Rate(row.getLocalDate("effective_from"), row.getBigDecimal("rate"),
                            row.getLong("record_id"))));
            return found;
        });
    }

    /** The latest version of each NCR the records name, by plant and NCR number. */
    public Uni<Map<String, ReferenceData.Ncr>> ncrs(SqlConnection connection, List<DefectRecord> records) {
        return latestNamed(connection, records, DefectRecord::ncr, """
                SELECT DISTINCT ON (n.plant_id, n.source_id) n.record_id, n.plant_id, n.source_id, n.disposition
                FROM ncr_records n
                JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(plant_id, source_id)) w
                  USING (plant_id, source_id)
                ORDER BY n.plant_id, n.source_id, n.version DESC, n.record_id DESC
                """, "source_id", row -> new ReferenceData.Ncr(row.getLong("record_id"), row.getString("source_id"),
                row.getString("disposition")));
    }

    /** The latest version of each work order the records name, by plant and work order. */
    public Uni<Map<String, ReferenceData.WorkOrder>> workOrders(SqlConnection connection, List<DefectRecord> records) {
        return latestNamed(connection, records, DefectRecord::workOrder,
                "SELECT DISTINCT ON (o.plant_id, o.work_order) " + RecordRows.WORK_ORDER_COLUMNS + """
                         FROM work_order_records o
                        JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(plant_id, work_order)) w
                          USING (plant_id, work_order)
                        ORDER BY o.plant_id, o.work_order, o.version DESC
                        """, "work_order", RecordRows::workOrder);
    }

    /**
     * What {@code query} reads of the records' plant ($1) and the number each names ({@code name}, $2, none when null),
     * by plant and the number in column {@code nameColumn}.
     */
    private static <V> Uni<Map<String, V>> latestNamed(SqlConnection connection, List<DefectRecord> records,
            Function<DefectRecord, String> name, String query, String nameColumn, Function<Row, V> read) {
        List<DefectRecord> named = records.stream().filter(r -> name.apply(r) != null).toList();
        if (named.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(query)
                .execute(Tuple.of(named.stream().map(DefectRecord::plant).toArray(String[]::new),
                        named.stream().map(name).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, V> found = new HashMap<>();
                    rows.forEach(row -> found.put(
                            ReferenceData.key(row.getString("plant_id"), row.getString(nameColumn)), read.apply(row)));
                    return found;
                });
    }

    /**
     * The latest versions of the rework-labor records joined to the records (by {@code rework_labor_defects}, the one
     * definition of the join), per defect record id, in the order the work was performed.
     */
    public Uni<Map<Long, List<LaborRecord>>> labor(SqlConnection connection, List<DefectRecord> records) {
        Tuple keys = Columns.addText(Tuple.tuple(), records, DefectRecord::plant, DefectRecord::sourceId,
                DefectRecord::ncr, DefectRecord::workOrder, DefectRecord::operation);
        keys.addValue(records.stream().map(DefectRecord::recordId).toArray(Long[]::new));
        return connection.preparedQuery("""
                WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                              AS k(plant_id, source_id, ncr, work_order, operation)),
                matches AS (
                    SELECT l.* FROM rework_labor_records l
                    JOIN keys k ON l.plant_id = k.plant_id AND l.defect_source_id = k.source_id
                    UNION
                    SELECT l.* FROM rework_labor_records l JOIN keys k ON l.plant_id = k.plant_id AND l.ncr = k.ncr
                    UNION
                    SELECT l.* FROM rework_labor_records l
                    JOIN keys k ON l.plant_id = k.plant_id AND l.work_order = k.work_order
                         AND l.operation = k.operation),
                candidates AS (
                    SELECT l.record_id FROM matches l
                    WHERE NOT EXISTS (SELECT 1 FROM rework_labor_records n WHERE n.tenant_id = l.tenant_id
                                      AND n.source = l.source AND n.source_id = l.source_id AND n.version > l.version))
                SELECT m.defect_record_id, l.record_id, l.source, l.source_id, l.version, l.plant_id, l.work_center_id,
                    l.hours, l.performed_at, l.ncr, l.defect_source_id, l.work_order, l.operation, l.labor_rate,
                    l.material_cost
                FROM rework_labor_defects(ARRAY(SELECT record_id FROM candidates)) m
                JOIN rework_labor_records l ON l.record_id = m.labor_record_id
                WHERE m.defect_record_id = ANY($6)
                ORDER BY l.performed_at, l.record_id
                """).execute(keys).map(rows -> {
            Map<Long, List<LaborRecord>> found = new HashMap<>();
            rows.forEach(row -> found.computeIfAbsent(row.getLong("defect_record_id"), k -> new ArrayList<>())
                    .add(RecordRows.laborRecord(row)));
            return found;
        });
    }
}
