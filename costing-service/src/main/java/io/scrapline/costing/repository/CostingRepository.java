package io.scrapline.costing.repository;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostRollLine;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads what costing needs and writes its results, a chunk of records at a time, with set-based SQL. */
@ApplicationScoped
public class CostingRepository {

    /** Serializes costing runs of one tenant, so two prompts never cost the same record twice. */
    public Uni<Void> lockTenant(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock(hashtext('costing:' || current_tenant()))").execute()
                .replaceWithVoid();
    }

    /**
     * The latest version of each record that has no costed event: new records and those waiting in an open exception,
     * in record order after {@code afterRecordId}.
     */
    public Uni<List<DefectRecord>> uncosted(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                SELECT d.record_id, d.source, d.source_id, d.version, d.plant_id, d.line_id, d.work_center_id,
                    d.part, d.defect_code, d.quantity, d.disposition, d.occurred_at, d.shift, d.operation,
                    d.customer_return, d.salvage_value
                FROM defect_records d
                WHERE d.record_id > $1
                  AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                                  AND e.record_id = d.record_id)
                  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                                  AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
                ORDER BY d.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit)).map(rows -> {
            List<DefectRecord> records = new ArrayList<>();
            for (Row row : rows) {
                records.add(new DefectRecord(row.getLong("record_id"), row.getString("source"),
                        row.getString("source_id"), row.getInteger("version"), row.getString("plant_id"),
                        row.getString("line_id"), row.getString("work_center_id"), row.getString("part"),
                        row.getString("defect_code"), row.getBigDecimal("quantity"), row.getString("disposition"),
                        row.getOffsetDateTime("occurred_at").toInstant(), row.getString("shift"),
                        row.getString("operation"), row.getBoolean("customer_return"),
                        row.getBigDecimal("salvage_value")));
            }
            return records;
        });
    }

    /** The plants, cross-references, defect codes and cost rolls that {@code records} refer to. */
    public Uni<ReferenceData> referenceData(SqlConnection connection, List<DefectRecord> records) {
        String[] plants = distinct(records, DefectRecord::plant);
        String[] sources = records.stream().map(DefectRecord::source).toArray(String[]::new);
        String[] sourceParts = records.stream().map(DefectRecord::sourcePart).toArray(String[]::new);
        String[] sourceCodes = records.stream().map(DefectRecord::sourceDefectCode).toArray(String[]::new);

        Uni<Map<String, ReferenceData.Plant>> plantsUni = connection
                .preparedQuery(
                        "SELECT plant_id, currency, time_zone, fiscal_calendar FROM plants WHERE plant_id = ANY($1)")
                .execute(Tuple.of(plants)).map(rows -> {
                    Map<String, ReferenceData.Plant> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("plant_id"),
                            new ReferenceData.Plant(row.getString("currency"), ZoneId.of(row.getString("time_zone")),
                                    FiscalCalendar.parse(row.getString("fiscal_calendar")))));
                    return found;
                });
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
        return Uni.combine().all().unis(plantsUni, partsUni, codeXrefsUni, codesUni).asTuple().chain(found -> {
            String[] parts = found.getItem2().values().stream().flatMap(List::stream).map(ReferenceData.PartXref::part)
                    .distinct().toArray(String[]::new);
            return costRolls(connection, plants, parts).map(rolls -> new ReferenceData(found.getItem1(),
                    found.getItem2(), found.getItem3(), found.getItem4(), rolls));
        });
    }

    private Uni<Map<String, List<CostRollLine>>> costRolls(SqlConnection connection, String[] plants, String[] parts) {
        return connection.preparedQuery("""
                SELECT DISTINCT ON (plant_id, part, operation, effective_from)
                    plant_id, part, operation, effective_from, material_cost, labor_cost, overhead_cost, milestone
                FROM standard_cost_records
                WHERE plant_id = ANY($1) AND part = ANY($2)
                ORDER BY plant_id, part, operation, effective_from, version DESC
                """).execute(Tuple.of(plants, parts)).map(rows -> {
            Map<String, List<CostRollLine>> found = new HashMap<>();
            rows.forEach(row -> found
                    .computeIfAbsent(ReferenceData.key(row.getString("plant_id"), row.getString("part")),
                            k -> new ArrayList<>())
                    .add(new CostRollLine(row.getString("operation"), row.getLocalDate("effective_from"),
                            row.getBigDecimal("material_cost"), row.getBigDecimal("labor_cost"),
                            row.getBigDecimal("overhead_cost"), row.getBoolean("milestone"))));
            return found;
        });
    }

    /**
     * Marks the costed events of earlier versions of {@code records} superseded and closes their exceptions; takes the
     * superseded events out of the rollups through {@code delta}.
     */
    public Uni<Void> supersedeEarlierVersions(SqlConnection connection, List<DefectRecord> records, RollupDelta delta) {
        List<DefectRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple keys = Tuple.of(updates.stream().map(DefectRecord::source).toArray(String[]::new),
                updates.stream().map(DefectRecord::sourceId).toArray(String[]::new),
                updates.stream().map(DefectRecord::recordId).toArray(Long[]::new));
        return connection.preparedQuery("""
                UPDATE costed_events e SET superseded = true
                FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                WHERE e.source = u.source AND e.source_id = u.source_id AND e.record_id <> u.record_id
                  AND NOT e.superseded
                RETURNING e.plant_id, e.period, e.line_id, e.work_center_id, e.defect_code, e.shift, e.cost_type,
                    e.coq_class, e.amount, e.quantity
                """).execute(keys).invoke(rows -> rows.forEach(row -> delta.add(rollupKey(row),
                row.getBigDecimal("amount").negate(), row.getBigDecimal("quantity").negate(), -1)))
                .chain(() -> connection.preparedQuery("""
                        UPDATE costing_exceptions x SET status = 'closed', closed_at = now(),
                            detail = x.detail || ' (superseded by a newer version)'
                        FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                        WHERE x.source = u.source AND x.source_id = u.source_id AND x.record_id <> u.record_id
                          AND x.status = 'open'
                        """).execute(keys)).replaceWithVoid();
    }

    /** Inserts the costed events of a chunk, all costed with schema {@code schemaVersion} (null: the defaults). */
    public Uni<Void> insertCosted(SqlConnection connection, List<Outcome.Costed> costed, Integer schemaVersion) {
        if (costed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(costed.stream().map(c -> c.record().recordId()).toArray(Long[]::new));
        columns.addValue(costed.stream().map(c -> c.record().version()).toArray(Integer[]::new));
        addText(columns, costed, c -> c.record().source(), c -> c.record().sourceId(), c -> c.record().plant(),
                Outcome.Costed::period, c -> c.record().line(), c -> c.record().workCenter(), c -> shift(c.record()),
                Outcome.Costed::part, Outcome.Costed::defectCode, Outcome.Costed::coqClass,
                c -> c.record().disposition(), Outcome.Costed::costType, c -> c.record().quantity().toPlainString(),
                c -> c.unitValue().toPlainString(), c -> c.amount().toPlainString(), Outcome.Costed::currency,
                c -> c.record().occurredAt().toString(), c -> new JsonObject(c.explanation()).encode());
        columns.addValue(schemaVersion);
        return connection
                .preparedQuery(
                        """
                                INSERT INTO costed_events (tenant_id, record_id, record_version, source, source_id, plant_id, period,
                                    line_id, work_center_id, shift, part, defect_code, coq_class, disposition, cost_type, quantity,
                                    unit_value, amount, currency, occurred_at, explanation, schema_version)
                                SELECT current_tenant(), u.*, $21::int FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[],
                                    $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                                    $13::text[], $14::text[], $15::text[]::numeric[], $16::text[]::numeric[], $17::text[]::numeric[], $18::text[],
                                    $19::text[]::timestamptz[], $20::text[]::jsonb[]) AS u
                                """)
                .execute(columns).replaceWithVoid();
    }

    /** Opens (or refreshes the reason of) an exception for each record that could not be costed. */
    public Uni<Void> openExceptions(SqlConnection connection, List<Outcome.Uncostable> uncostable) {
        if (uncostable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(uncostable.stream().map(u -> u.record().recordId()).toArray(Long[]::new));
        addText(columns, uncostable, u -> u.record().source(), u -> u.record().sourceId(), u -> u.record().plant(),
                Outcome.Uncostable::period, u -> u.record().quantity().toPlainString(), Outcome.Uncostable::reason,
                Outcome.Uncostable::detail, u -> u.record().line());
        return connection.preparedQuery("""
                INSERT INTO costing_exceptions (tenant_id, record_id, source, source_id, plant_id, period, quantity,
                    reason, detail, line_id)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[]::numeric[], $7::text[], $8::text[], $9::text[]) AS u
                ON CONFLICT (tenant_id, record_id) DO UPDATE SET reason = excluded.reason, detail = excluded.detail
                """).execute(columns).replaceWithVoid();
    }

    public Uni<Void> closeExceptions(SqlConnection connection, List<Outcome.Costed> costed) {
        if (costed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costing_exceptions SET status = 'closed', closed_at = now()
                WHERE record_id = ANY($1) AND status = 'open'
                """).execute(Tuple.of(costed.stream().map(c -> c.record().recordId()).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Adds the chunk's changes to the rollups, in the same transaction as the events they sum. */
    public Uni<Void> applyRollups(SqlConnection connection, RollupDelta delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<RollupDelta.Change> changes = delta.changes();
        Tuple columns = Tuple.tuple();
        addText(columns, changes, c -> c.key().plant(), c -> c.key().period(), c -> c.key().line(),
                c -> c.key().workCenter(), c -> c.key().defectCode(), c -> c.key().shift(), c -> c.key().costType(),
                c -> c.key().coqClass(), c -> c.amount().toPlainString(), c -> c.quantity().toPlainString());
        columns.addValue(changes.stream().map(RollupDelta.Change::events).toArray(Long[]::new));
        return connection
                .preparedQuery(
                        """
                                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                                    cost_type, coq_class, amount, quantity, events)
                                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                    $6::text[], $7::text[], $8::text[], $9::text[]::numeric[], $10::text[]::numeric[], $11::bigint[]) AS u
                                ON CONFLICT (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type,
                                    coq_class)
                                DO UPDATE SET amount = cost_rollups.amount + excluded.amount,
                                    quantity = cost_rollups.quantity + excluded.quantity,
                                    events = cost_rollups.events + excluded.events
                                """)
                .execute(columns).replaceWithVoid();
    }

    /** Registers the lines and work centers the records name (contract.md: "registered when first seen"). */
    public Uni<Void> registerLines(SqlConnection connection, List<DefectRecord> records) {
        Tuple columns = Tuple.tuple();
        addText(columns, records, DefectRecord::plant, DefectRecord::line, DefectRecord::workCenter);
        return connection.preparedQuery("""
                WITH seen AS (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[])
                              AS u(plant_id, line_id, work_center_id)),
                lines_added AS (
                    INSERT INTO lines (tenant_id, plant_id, line_id)
                    SELECT DISTINCT current_tenant(), plant_id, line_id FROM seen
                    ON CONFLICT DO NOTHING)
                SELECT 1
                """).execute(columns).chain(() -> connection.preparedQuery("""
                INSERT INTO work_centers (tenant_id, plant_id, work_center_id, line_id)
                SELECT DISTINCT ON (plant_id, work_center_id) current_tenant(), plant_id, work_center_id,
                    line_id
                FROM unnest($1::text[], $2::text[], $3::text[]) AS u(plant_id, line_id, work_center_id)
                ON CONFLICT DO NOTHING
                """).execute(columns)).replaceWithVoid();
    }

    public static RollupDelta.Key rollupKey(Outcome.Costed costed) {
        return new RollupDelta.Key(costed.record().plant(), costed.period(), costed.record().line(),
                costed.record().workCenter(), costed.defectCode(), shift(costed.record()), costed.costType(),
                costed.coqClass());
    }

    private static RollupDelta.Key rollupKey(Row row) {
        return new RollupDelta.Key(row.getString("plant_id"), row.getString("period"), row.getString("line_id"),
                row.getString("work_center_id"), row.getString("defect_code"), row.getString("shift"),
                row.getString("cost_type"), row.getString("coq_class"));
    }

    private static String shift(DefectRecord record) {
        return record.shift() == null ? "" : record.shift();
    }

    private static <T> String[] distinct(List<T> items, Function<T, String> field) {
        return items.stream().map(field).distinct().toArray(String[]::new);
    }

    @SafeVarargs
    private static <T> void addText(Tuple columns, Collection<T> items, Function<T, String>... fields) {
        for (Function<T, String> field : fields) {
            columns.addValue(items.stream().map(field).toArray(String[]::new));
        }
    }
}
