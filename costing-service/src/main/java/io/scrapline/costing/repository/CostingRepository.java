package io.scrapline.costing.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.CostRollLine;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.OrderValuation;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.ReferenceData;
import io.scrapline.costing.domain.ReworkValuation;
import io.scrapline.costing.domain.RollupDelta;
import io.scrapline.costing.domain.ScrapVariance;
import io.scrapline.costing.domain.VarianceDelta;
import io.scrapline.costing.domain.VarianceOutcome;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads what costing needs and writes its results, a chunk of records at a time, with set-based SQL. */
@ApplicationScoped
public class CostingRepository {

    /**
     * The tenant's costing lock held alone: rework hours and confirmations are costed by one run at a time, apart from
     * the costing of defect records, which could otherwise value the same hours at the same moment.
     */
    public Uni<Void> lockTenant(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock(hashtext('costing:' || current_tenant()))").execute()
                .replaceWithVoid();
    }

    /**
     * The tenant's costing lock shared: defect records of different batches, and re-costing parts, are costed side by
     * side (the current-event index keeps one event per record version); rework hours and confirmations wait.
     */
    public Uni<Void> lockTenantShared(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock_shared(hashtext('costing:' || current_tenant()))")
                .execute().replaceWithVoid();
    }

    /**
     * The latest version of each record that has no current costed event: new records, those waiting in an open
     * exception and those whose event {@link #reopenStale} superseded, in record order after {@code afterRecordId}.
     */
    public Uni<List<DefectRecord>> uncosted(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                SELECT\s""" + DEFECT_COLUMNS + """
                FROM defect_records d
                WHERE d.record_id > $1
                  AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                                  AND e.record_id = d.record_id AND NOT e.superseded)
                  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                                  AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
                ORDER BY d.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit)).map(CostingRepository::defectRecords);
    }

    /**
     * As {@link #uncosted}, of one ingest batch only: a prompt costs the batch it names first, so that a small batch is
     * not kept waiting behind a large one landed earlier.
     */
    /** Whether ingest batch {@code batchId} has a defect record of a plant or line outside {@code scope}. */
    public Uni<Boolean> batchOutside(SqlConnection connection, UUID batchId, Scope scope) {
        return connection.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM defect_records
                               WHERE batch_id = $1 AND NOT ((cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                                                        AND (cardinality($3::text[]) = 0 OR line_id = ANY($3))))
                """).execute(Tuple.of(batchId, scope.plantArray(), scope.lineArray()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<List<DefectRecord>> uncostedInBatch(SqlConnection connection, UUID batchId, long afterRecordId,
            int limit) {
        return connection.preparedQuery("""
                SELECT\s""" + DEFECT_COLUMNS + """
                FROM defect_records d
                WHERE d.batch_id = $3 AND d.record_id > $1
                  AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                                  AND e.record_id = d.record_id AND NOT e.superseded)
                  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                                  AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
                ORDER BY d.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit, batchId)).map(CostingRepository::defectRecords);
    }

    /**
     * Those of {@code candidates} that still have no current costed event and no newer version, once the tenant's
     * costing lock is held: {@link #uncosted} found them before.
     */
    public Uni<List<DefectRecord>> stillUncosted(SqlConnection connection, List<DefectRecord> candidates) {
        return connection.preparedQuery("""
                SELECT d.record_id FROM defect_records d
                WHERE d.record_id = ANY($1)
                  AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                                  AND e.record_id = d.record_id AND NOT e.superseded)
                  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                                  AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
                """).execute(Tuple.of(candidates.stream().map(DefectRecord::recordId).toArray(Long[]::new)))
                .map(rows -> {
                    Set<Long> still = new HashSet<>();
                    rows.forEach(row -> still.add(row.getLong(0)));
                    return candidates.stream().filter(c -> still.contains(c.recordId())).toList();
                });
    }

    /** The defect record versions {@code recordIds} names, in record order. */
    public Uni<List<DefectRecord>> defectRecords(SqlConnection connection, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery("""
                SELECT\s""" + DEFECT_COLUMNS + """
                FROM defect_records d
                WHERE d.record_id = ANY($1)
                ORDER BY d.record_id
                """).execute(Tuple.of(recordIds.toArray(Long[]::new))).map(CostingRepository::defectRecords);
    }

    /**
     * The columns of a defect record; its {@code occurred_at} is null when costing cannot read it (see
     * {@link #READABLE_FROM}), and costing parks the record as an exception.
     */
    private static final String DEFECT_COLUMNS = """
            d.record_id, d.source, d.source_id, d.version, d.plant_id, d.line_id, d.work_center_id, d.part,
                d.defect_code, d.quantity, d.disposition,
                CASE WHEN d.occurred_at >= timestamptz '0001-01-02 00:00Z' AND d.occurred_at < timestamptz
                    '9999-01-01 00:00Z' THEN d.occurred_at END,
                d.shift, d.operation, d.customer_return, d.salvage_value, d.work_order, d.ncr
            """;

    /**
     * The times costing reads: {@code infinity}, {@code -infinity} and years before 1 or after 9998 (which old ingest
     * code stored for years like +300000 or -5000) fail in Java's date arithmetic or PostgreSQL's, so they read as null
     * and the record waits in an exception for a corrected version, without failing the chunk it is in.
     */
    private static final OffsetDateTime READABLE_FROM = OffsetDateTime.parse("0001-01-02T00:00:00Z");
    private static final OffsetDateTime READABLE_UNTIL = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    /** {@code at} if costing can read it, else null. */
    static Instant readable(OffsetDateTime at) {
        return at == null || at.isBefore(READABLE_FROM) || !at.isBefore(READABLE_UNTIL) ? null : at.toInstant();
    }

    /** The rows of a query selecting {@link #DEFECT_COLUMNS}, read by position (chunks of thousands of rows). */
    private static List<DefectRecord> defectRecords(RowSet<Row> rows) {
        List<DefectRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(new DefectRecord(row.getLong(0), row.getString(1), row.getString(2), row.getInteger(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                    row.getBigDecimal(9), row.getString(10), readable(row.getOffsetDateTime(11)), row.getString(12),
                    row.getString(13), row.getBoolean(14), row.getBigDecimal(15), row.getString(16),
                    row.getString(17)));
        }
        return records;
    }

    /**
     * The closed periods of {@code plants}, read after taking each plant's period-close lock shared (V12): a close
     * holds it exclusively from the capture of its figures to its commit, so no event this transaction writes lands in
     * a period being closed. Plants are locked in name order.
     */
    public Uni<Map<String, Set<String>>> closedPeriods(SqlConnection connection, String[] plants) {
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

    /** The plants and closed periods of the events {@code delta} takes out of the rollups, to book the reversals. */
    public Uni<ReferenceData> closedPeriods(SqlConnection connection, RollupDelta delta) {
        String[] plants = delta.changes().stream().map(c -> c.key().plant()).distinct().toArray(String[]::new);
        return closedPeriods(connection, plants)
                .chain(closed -> plants(connection, plants).map(found -> ReferenceData.closedPeriods(found, closed)));
    }

    /**
     * The plants, cross-references, defect codes and cost rolls that {@code records} refer to, their NCRs and work
     * orders, the rework-labor records joined to them and the labor rates those need.
     */
    public Uni<ReferenceData> referenceData(SqlConnection connection, List<DefectRecord> records) {
        String[] plants = distinct(records, DefectRecord::plant);
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
        return closedPeriods(connection, plants).chain(closed -> Uni
                .combine().all().unis(plants(connection, plants), partsUni, codeXrefsUni, codesUni,
                        ncrs(connection, records), workOrders(connection, records), labor(connection, records))
                .asTuple().chain(found -> {
                    String[] parts = found.getItem2().values().stream().flatMap(List::stream)
                            .map(ReferenceData.PartXref::part).distinct().toArray(String[]::new);
                    Map<Long, List<LaborRecord>> labor = found.getItem7();
                    String[] workCenters = labor.values().stream().flatMap(List::stream).map(LaborRecord::workCenter)
                            .distinct().toArray(String[]::new);
                    return Uni.combine().all()
                            .unis(costRolls(connection, plants, parts), laborRates(connection, plants, workCenters))
                            .asTuple()
                            .map(more -> new ReferenceData(found.getItem1(), found.getItem2(), found.getItem3(),
                                    found.getItem4(), more.getItem1(), found.getItem5(), found.getItem6(), labor,
                                    more.getItem2(), Map.of(), closed));
                }));
    }

    /** The record version a costed event values and exactly the inputs it was costed from. */
    public record Replay(DefectRecord record, LaborRecord laborRecord, ReferenceData reference) {
    }

    /**
     * Exactly the inputs {@code event} was costed from, to replay its arithmetic: the record version it values, its
     * plant, the mapping it got (part, defect code, cost-of-quality class), the standard-cost records, NCR and work
     * order versions it named, the labor records it values with the rates they were valued at, and the periods closed
     * between its own period and the one it is booked in. Later versions of any of them play no part.
     */
    public Uni<Replay> replay(SqlConnection connection, CostedEventRepository.Inputs event) {
        Uni<DefectRecord> recordUni = event.recordId() == null ? Uni.createFrom().nullItem()
                : defectRecords(connection, List.of(event.recordId())).map(found -> found.get(0));
        Uni<List<LaborRecord>> laborUni = connection.preparedQuery("""
                SELECT l.* FROM rework_labor_records l
                WHERE l.record_id = $2
                   OR l.record_id IN (SELECT c.labor_record_id FROM costed_labor c WHERE c.event_id = $1)
                ORDER BY l.performed_at, l.record_id
                """).execute(Tuple.of(event.eventId(), event.laborRecordId())).map(rows -> {
            List<LaborRecord> labor = new ArrayList<>();
            rows.forEach(row -> labor.add(laborRecord(row)));
            return labor;
        });
        Uni<Map<String, ReferenceData.DefectCode>> codeUni = connection
                .preparedQuery("SELECT code, description FROM defect_codes WHERE code = $1")
                .execute(Tuple.of(event.defectCode())).map(rows -> {
                    Map<String, ReferenceData.DefectCode> found = new HashMap<>();
                    rows.forEach(
                            row -> found.put(row.getString("code"), new ReferenceData.DefectCode(row.getString("code"),
                                    row.getString("description"), event.coqClass())));
                    return found;
                });
        Uni<List<CostRollLine>> costRollUni = connection.preparedQuery("""
                SELECT plant_id, part, operation, effective_from, material_cost, labor_cost, overhead_cost, milestone,
                    planned_scrap_rate, record_id, version
                FROM standard_cost_records WHERE record_id = ANY($1)
                ORDER BY operation
                """).execute(Tuple.of(event.costRollRecordIds().toArray(Long[]::new))).map(rows -> {
            List<CostRollLine> lines = new ArrayList<>();
            rows.forEach(row -> lines.add(costRollLine(row)));
            return lines;
        });
        Uni<ReferenceData.Ncr> ncrUni = connection
                .preparedQuery("SELECT record_id, source_id, disposition FROM ncr_records WHERE record_id = $1")
                .execute(Tuple.of(event.ncrRecordId()))
                .map(rows -> rows.size() == 0 ? null
                        : new ReferenceData.Ncr(rows.iterator().next().getLong("record_id"),
                                rows.iterator().next().getString("source_id"),
                                rows.iterator().next().getString("disposition")));
        Uni<ReferenceData.WorkOrder> orderUni = connection
                .preparedQuery("SELECT " + WORK_ORDER_COLUMNS + " FROM work_order_records o WHERE o.record_id = $1")
                .execute(Tuple.of(event.workOrderRecordId()))
                .map(rows -> rows.size() == 0 ? null : workOrder(rows.iterator().next()));
        String plant = event.plant();
        return Uni.combine().all().unis(recordUni, laborUni, plants(connection, new String[] { plant }), codeUni,
                costRollUni, ncrUni, orderUni).asTuple().map(found -> {
                    DefectRecord record = found.getItem1();
                    List<LaborRecord> labor = found.getItem2();
                    Map<String, ReferenceData.Plant> plants = found.getItem3();
                    LaborRecord laborRecord = event.laborRecordId() == null ? null
                            : labor.stream().filter(l -> l.recordId() == event.laborRecordId()).findFirst()
                                    .orElse(null);
                    Map<String, List<ReferenceData.PartXref>> partXrefs = new HashMap<>();
                    Map<String, String> codeXrefs = new HashMap<>();
                    Map<String, ReferenceData.Ncr> ncrs = new HashMap<>();
                    Map<String, ReferenceData.WorkOrder> orders = new HashMap<>();
                    Map<Long, List<LaborRecord>> linked = new HashMap<>();
                    if (record != null) {
                        partXrefs.put(ReferenceData.key(record.source(), record.sourcePart()),
                                List.of(new ReferenceData.PartXref(LocalDate.MIN, event.part())));
                        codeXrefs.put(ReferenceData.key(record.source(), record.sourceDefectCode()),
                                event.defectCode());
                        if (found.getItem6() != null) {
                            ncrs.put(ReferenceData.key(plant, record.ncr()), found.getItem6());
                        }
                        if (found.getItem7() != null) {
                            orders.put(ReferenceData.key(plant, record.workOrder()), found.getItem7());
                        }
                        linked.put(record.recordId(), labor);
                    }
                    ReferenceData reference = new ReferenceData(plants, partXrefs, codeXrefs, found.getItem4(),
                            Map.of(ReferenceData.key(plant, event.part()), found.getItem5()), ncrs, orders, linked,
                            ratesUsed(event, labor), Map.of(ReferenceData.key(plant, event.workCenter()), event.line()),
                            Map.of(plant,
                                    closedBetween(plants.get(plant).calendar(), event.eventPeriod(), event.period())));
                    return new Replay(record, laborRecord, reference);
                });
    }

    /** The labor rates the event's hours were valued at, under the work center or plant default they came from. */
    private static Map<String, List<ReworkValuation.Rate>> ratesUsed(CostedEventRepository.Inputs event,
            List<LaborRecord> labor) {
        Map<String, List<ReworkValuation.Rate>> rates = new HashMap<>();
        for (Map<String, Object> used : event.laborRates() == null ? List.<Map<String, Object>> of()
                : event.laborRates()) {
            Object effectiveFrom = used.get("rate_effective_from");
            if (effectiveFrom == null) {
                continue;
            }
            String workCenter = "plant_default".equals(used.get("rate_source")) ? ""
                    : labor.stream()
                            .filter(l -> String.valueOf(l.recordId())
                                    .equals(String.valueOf(used.get("labor_record_id"))))
                            .map(LaborRecord::workCenter).findFirst().orElse(event.workCenter());
            Object recordId = used.get("rate_record_id");
            rates.computeIfAbsent(ReferenceData.key(event.plant(), workCenter), k -> new ArrayList<>())
                    .add(new ReworkValuation.Rate(LocalDate.parse(effectiveFrom.toString()),
                            new BigDecimal(used.get("rate").toString()),
                            recordId == null ? null : Long.valueOf(recordId.toString())));
        }
        return rates;
    }

    /** The periods from {@code own} up to, not including, {@code booked}: those that were closed when it was costed. */
    private static Set<String> closedBetween(FiscalCalendar calendar, String own, String booked) {
        Set<String> closed = new HashSet<>();
        for (String period = own; !period.equals(booked)
                && closed.size() < 120; period = calendar.period(calendar.range(period).last().plusDays(1))) {
            closed.add(period);
        }
        return closed;
    }

    /** What costing rework hours without a defect record needs: the plants, labor rates and lines of work centers. */
    public Uni<ReferenceData> laborReferenceData(SqlConnection connection, List<LaborRecord> records) {
        String[] plants = distinct(records, LaborRecord::plant);
        String[] workCenters = distinct(records, LaborRecord::workCenter);
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
                .unis(plants(connection, plants), laborRates(connection, plants, workCenters), linesUni).asTuple()
                .map(found -> new ReferenceData(found.getItem1(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                        Map.of(), Map.of(), found.getItem2(), found.getItem3(), closed)));
    }

    private Uni<Map<String, ReferenceData.Plant>> plants(SqlConnection connection, String[] plants) {
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

    private Uni<Map<String, List<CostRollLine>>> costRolls(SqlConnection connection, String[] plants, String[] parts) {
        return connection.preparedQuery("""
                SELECT DISTINCT ON (plant_id, part, operation, effective_from)
                    plant_id, part, operation, effective_from, material_cost, labor_cost, overhead_cost, milestone,
                    planned_scrap_rate, record_id, version
                FROM standard_cost_records
                WHERE plant_id = ANY($1) AND part = ANY($2)
                ORDER BY plant_id, part, operation, effective_from, version DESC
                """).execute(Tuple.of(plants, parts)).map(rows -> {
            Map<String, List<CostRollLine>> found = new HashMap<>();
            rows.forEach(
                    row -> found.computeIfAbsent(ReferenceData.key(row.getString("plant_id"), row.getString("part")),
                            k -> new ArrayList<>()).add(costRollLine(row)));
            return found;
        });
    }

    private static CostRollLine costRollLine(Row row) {
        return new CostRollLine(row.getString("operation"), row.getLocalDate("effective_from"),
                row.getBigDecimal("material_cost"), row.getBigDecimal("labor_cost"), row.getBigDecimal("overhead_cost"),
                row.getBoolean("milestone"), row.getBigDecimal("planned_scrap_rate"), row.getLong("record_id"),
                row.getInteger("version"));
    }

    /** The latest version of each NCR the records name, by plant and NCR number. */
    private Uni<Map<String, ReferenceData.Ncr>> ncrs(SqlConnection connection, List<DefectRecord> records) {
        List<DefectRecord> named = records.stream().filter(r -> r.ncr() != null).toList();
        if (named.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("""
                SELECT DISTINCT ON (n.plant_id, n.source_id) n.record_id, n.plant_id, n.source_id, n.disposition
                FROM ncr_records n
                JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(plant_id, source_id)) w
                  USING (plant_id, source_id)
                ORDER BY n.plant_id, n.source_id, n.version DESC, n.record_id DESC
                """).execute(Tuple.of(named.stream().map(DefectRecord::plant).toArray(String[]::new),
                named.stream().map(DefectRecord::ncr).toArray(String[]::new))).map(rows -> {
                    Map<String, ReferenceData.Ncr> found = new HashMap<>();
                    rows.forEach(
                            row -> found.put(ReferenceData.key(row.getString("plant_id"), row.getString("source_id")),
                                    new ReferenceData.Ncr(row.getLong("record_id"), row.getString("source_id"),
                                            row.getString("disposition"))));
                    return found;
                });
    }

    /** The latest version of each work order the records name, by plant and work order. */
    private Uni<Map<String, ReferenceData.WorkOrder>> workOrders(SqlConnection connection, List<DefectRecord> records) {
        List<DefectRecord> named = records.stream().filter(r -> r.workOrder() != null).toList();
        if (named.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("""
                SELECT DISTINCT ON (o.plant_id, o.work_order)\s""" + WORK_ORDER_COLUMNS + """
                 FROM work_order_records o
                JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS w(plant_id, work_order)) w
                  USING (plant_id, work_order)
                ORDER BY o.plant_id, o.work_order, o.version DESC
                """).execute(Tuple.of(named.stream().map(DefectRecord::plant).toArray(String[]::new),
                named.stream().map(DefectRecord::workOrder).toArray(String[]::new))).map(rows -> {
                    Map<String, ReferenceData.WorkOrder> found = new HashMap<>();
                    rows.forEach(row -> found.put(
                            ReferenceData.key(row.getString("plant_id"), row.getString("work_order")), workOrder(row)));
                    return found;
                });
    }

    private static final String WORK_ORDER_COLUMNS = """
            o.record_id, o.plant_id, o.work_order, o.costing_method, o.closed_on, o.wip_total,
            o.estimated_wip_remaining, o.scrap_cost_posted, o.moved_to_inventory, o.completed_quantity,
            o.scrapped_quantity, o.remaining_quantity, o.scrap_action, o.scrap_account""";

    private static ReferenceData.WorkOrder workOrder(Row row) {
        return new ReferenceData.WorkOrder(row.getLong("record_id"), row.getString("work_order"),
                row.getString("costing_method"), row.getLocalDate("closed_on"),
                new OrderValuation.OrderFigures(row.getBigDecimal("wip_total"),
                        row.getBigDecimal("estimated_wip_remaining"), row.getBigDecimal("scrap_cost_posted"),
                        row.getBigDecimal("moved_to_inventory"), row.getBigDecimal("completed_quantity"),
                        row.getBigDecimal("scrapped_quantity"), row.getBigDecimal("remaining_quantity")),
                row.getString("scrap_action"), row.getString("scrap_account"));
    }

    /**
     * The latest versions of the rework-labor records joined to the records (by {@code rework_labor_defects}, the one
     * definition of the join), per defect record id, in the order the work was performed.
     */
    private Uni<Map<Long, List<LaborRecord>>> labor(SqlConnection connection, List<DefectRecord> records) {
        Tuple keys = Tuple.tuple();
        addText(keys, records, DefectRecord::plant, DefectRecord::sourceId, DefectRecord::ncr, DefectRecord::workOrder,
                DefectRecord::operation);
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
                    .add(laborRecord(row)));
            return found;
        });
    }

    /** Every version of the rates of the work centers and of the plants' defaults (work center {@code ""}). */
    private Uni<Map<String, List<ReworkValuation.Rate>>> laborRates(SqlConnection connection, String[] plants,
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

    private static LaborRecord laborRecord(Row row) {
        return new LaborRecord(row.getLong("record_id"), row.getString("source"), row.getString("source_id"),
                row.getInteger("version"), row.getString("plant_id"), row.getString("work_center_id"),
                row.getBigDecimal("hours"), readable(row.getOffsetDateTime("performed_at")), row.getString("ncr"),
                row.getString("defect_source_id"), row.getString("work_order"), row.getString("operation"),
                row.getBigDecimal("labor_rate"), row.getBigDecimal("material_cost"));
    }

    /**
     * Supersedes the current events whose inputs changed since they were costed, taking them out of the rollups through
     * {@code delta}, so that the records they value are costed again: events whose NCR has a newer version (its
     * disposition overrides the event's), rework events to which rework hours arrived, and events valuing hours of a
     * labor record that has a newer version.
     *
     * @return how many events were superseded
     */
    public Uni<Integer> reopenStale(SqlConnection connection, RollupDelta delta) {
        // The NCR version an event names is the one ncrs() loads: per plant and number, the highest version.
        return connection.query("""
                WITH latest AS (
                    SELECT DISTINCT ON (n.plant_id, n.source_id) n.plant_id, n.source_id, n.record_id
                    FROM ncr_records n
                    WHERE EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = n.tenant_id
                                  AND e.plant_id = n.plant_id AND e.ncr = n.source_id AND NOT e.superseded)
                    ORDER BY n.plant_id, n.source_id, n.version DESC, n.record_id DESC)
                UPDATE costed_events e SET superseded = true
                FROM latest n
                WHERE NOT e.superseded AND e.plant_id = n.plant_id AND e.ncr = n.source_id
                  AND n.record_id IS DISTINCT FROM e.ncr_record_id
                RETURNING\s""" + SUPERSEDED).execute().invoke(rows -> subtract(rows, delta)).chain(ncrs -> connection
                .query("""
                        WITH fresh AS (
                            SELECT l.record_id FROM rework_labor_records l
                            WHERE NOT EXISTS (SELECT 1 FROM rework_labor_records n WHERE n.tenant_id = l.tenant_id
                                              AND n.source = l.source AND n.source_id = l.source_id
                                              AND n.version > l.version)
                              AND NOT EXISTS (SELECT 1 FROM costed_labor c JOIN costed_events e USING (tenant_id, event_id)
                                              WHERE c.labor_record_id = l.record_id AND NOT e.superseded))
                        UPDATE costed_events e SET superseded = true
                        FROM rework_labor_defects(ARRAY(SELECT record_id FROM fresh)) m
                        WHERE NOT e.superseded AND e.record_id = m.defect_record_id
                        RETURNING\s"""
                        + SUPERSEDED)
                .execute().invoke(rows -> subtract(rows, delta)).chain(labor -> connection.query("""
                        UPDATE costed_events e SET superseded = true
                        WHERE NOT e.superseded
                          AND EXISTS (SELECT 1 FROM costed_labor c
                                      JOIN rework_labor_records l ON l.tenant_id = c.tenant_id
                                           AND l.record_id = c.labor_record_id
                                      JOIN rework_labor_records n ON n.tenant_id = l.tenant_id AND n.source = l.source
                                           AND n.source_id = l.source_id AND n.version > l.version
                                      WHERE c.tenant_id = e.tenant_id AND c.event_id = e.event_id)
                        RETURNING\s""" + SUPERSEDED).execute().invoke(rows -> subtract(rows, delta))
                        .map(versions -> ncrs.rowCount() + labor.rowCount() + versions.rowCount())));
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
                RETURNING\s""" + SUPERSEDED).execute(keys).invoke(rows -> subtract(rows, delta))
                .chain(() -> connection.preparedQuery("""
                        UPDATE costing_exceptions x SET status = 'closed', closed_at = now(),
                            detail = x.detail || ' (superseded by a newer version)'
                        FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                        WHERE x.source = u.source AND x.source_id = u.source_id AND x.record_id <> u.record_id
                          AND x.status = 'open'
                        """).execute(keys)).replaceWithVoid();
    }

    /**
     * Inserts the costed events of a chunk, all costed with schema {@code schemaVersion} (null: the defaults), and
     * links each rework event to the labor records it values. Hours those records carried until now as rework without a
     * defect record are taken out of that, through {@code delta}, and their exceptions closed. A record that has a
     * current event already (another run costed it since this one looked) is left as it is.
     *
     * @return the costed events inserted
     */
    public Uni<List<Outcome.Costed>> insertCosted(SqlConnection connection, List<Outcome.Costed> costed,
            Integer schemaVersion, RollupDelta delta) {
        if (costed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(costed.stream().map(c -> c.record().recordId()).toArray(Long[]::new));
        columns.addValue(costed.stream().map(c -> c.record().version()).toArray(Integer[]::new));
        addText(columns, costed, c -> c.record().source(), c -> c.record().sourceId(), c -> c.record().plant(),
                Outcome.Costed::period, c -> c.record().line(), c -> c.record().workCenter(), c -> shift(c.record()),
                Outcome.Costed::part, Outcome.Costed::defectCode, Outcome.Costed::coqClass, Outcome.Costed::costType,
                Outcome.Costed::costType, c -> c.record().quantity().toPlainString(),
                c -> c.unitValue().toPlainString(), c -> c.amount().toPlainString(), Outcome.Costed::currency,
                c -> c.record().occurredAt().toString(), c -> c.record().ncr());
        addProvenance(columns, costed, Outcome.Costed::provenance);
        addText(columns, costed, c -> c.recoverable().toPlainString(), c -> c.exposure().toPlainString(),
                Outcome.Costed::eventPeriod);
        columns.addValue(schemaVersion);
        return connection.preparedQuery("""
                INSERT INTO costed_events (tenant_id, record_id, record_version, source, source_id, plant_id, period,
                    line_id, work_center_id, shift, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at, ncr, ncr_record_id, work_order, work_order_record_id,
                    scrap_action, scrap_account, cost_roll_effective_from, cost_roll_record_ids, labor_rates,
                    recoverable_amount, exposure_amount, event_period, schema_version)
                SELECT current_tenant(), u.record_id, u.version, u.source, u.source_id, u.plant_id, u.period, u.line_id,
                    u.work_center_id, u.shift, u.part, u.defect_code, u.coq_class, u.disposition, u.cost_type,
                    u.quantity, u.unit_value, u.amount, u.currency, u.occurred_at, u.ncr, u.ncr_record_id,
                    u.work_order, u.work_order_record_id, u.scrap_action, u.scrap_account, u.cost_roll_effective_from,
                    u.cost_roll_record_ids::bigint[], u.labor_rates, u.recoverable_amount, u.exposure_amount,
                    u.event_period, $32::int
                FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                    $15::text[]::numeric[], $16::text[]::numeric[], $17::text[]::numeric[], $18::text[],
                    $19::text[]::timestamptz[], $20::text[], $21::text[]::bigint[], $22::text[],
                    $23::text[]::bigint[], $24::text[], $25::text[], $26::text[]::date[], $27::text[],
                    $28::text[]::jsonb[], $29::text[]::numeric[], $30::text[]::numeric[], $31::text[])
                    AS u(record_id, version, source, source_id, plant_id, period, line_id, work_center_id, shift,
                         part, defect_code, coq_class, disposition, cost_type, quantity, unit_value, amount, currency,
                         occurred_at, ncr, ncr_record_id, work_order, work_order_record_id, scrap_action,
                         scrap_account, cost_roll_effective_from, cost_roll_record_ids, labor_rates,
                         recoverable_amount, exposure_amount, event_period)
                ON CONFLICT (tenant_id, record_id) WHERE NOT superseded AND record_id IS NOT NULL DO NOTHING
                RETURNING event_id, record_id
                """).execute(columns).chain(rows -> {
            Map<Long, Long> events = new HashMap<>();
            rows.forEach(row -> events.put(row.getLong("record_id"), row.getLong("event_id")));
            List<Outcome.Costed> inserted = costed.stream().filter(c -> events.containsKey(c.record().recordId()))
                    .toList();
            List<Long> labor = new ArrayList<>();
            List<Long> eventIds = new ArrayList<>();
            inserted.forEach(c -> c.provenance().laborRecordIds().forEach(id -> {
                labor.add(id);
                eventIds.add(events.get(c.record().recordId()));
            }));
            return absorbLabor(connection, labor, eventIds, delta).chain(() -> link(connection, labor, eventIds))
                    .replaceWith(inserted);
        });
    }

    /**
     * Re-costs events in place: each of {@code eventIds} takes the figures and inputs of its re-cost {@code costed}
     * (same order), costed with schema {@code schemaVersion}, and what it had before goes to costed_event_revisions
     * under job {@code jobId}; an event superseded meanwhile is left out, revision and all. Returns the events revised.
     * The event keeps its id and its links to labor records; unless its mapping or period changes, no indexed column
     * does, so its new row version stays on its page and no index is touched.
     */
    public Uni<Set<Long>> revise(SqlConnection connection, List<Long> eventIds, List<Outcome.Costed> costed,
            Integer schemaVersion, long jobId) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(eventIds.toArray(Long[]::new));
        addText(columns, costed, Outcome.Costed::period, Outcome.Costed::eventPeriod, Outcome.Costed::part,
                Outcome.Costed::defectCode, Outcome.Costed::coqClass, Outcome.Costed::costType,
                c -> c.unitValue().toPlainString(), c -> c.amount().toPlainString(),
                c -> c.recoverable().toPlainString(), c -> c.exposure().toPlainString());
        addProvenance(columns, costed, Outcome.Costed::provenance);
        columns.addValue(schemaVersion);
        columns.addValue(jobId);
        return connection.preparedQuery("""
                WITH revised AS (
                    UPDATE costed_events e
                    SET period = u.period, event_period = u.event_period, part = u.part,
                        defect_code = u.defect_code, coq_class = u.coq_class, disposition = u.cost_type,
                        cost_type = u.cost_type, unit_value = u.unit_value, amount = u.amount,
                        recoverable_amount = u.recoverable_amount, exposure_amount = u.exposure_amount,
                        ncr_record_id = u.ncr_record_id, work_order = u.work_order,
                        work_order_record_id = u.work_order_record_id, scrap_action = u.scrap_action,
                        scrap_account = u.scrap_account, cost_roll_effective_from = u.cost_roll_effective_from,
                        cost_roll_record_ids = u.cost_roll_record_ids::bigint[], labor_rates = u.labor_rates,
                        schema_version = $20::int, costed_at = now()
                    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                        $7::text[], $8::text[]::numeric[], $9::text[]::numeric[], $10::text[]::numeric[],
                        $11::text[]::numeric[], $12::text[]::bigint[], $13::text[], $14::text[]::bigint[],
                        $15::text[], $16::text[], $17::text[]::date[], $18::text[], $19::text[]::jsonb[])
                        AS u(event_id, period, event_period, part, defect_code, coq_class, cost_type, unit_value,
                             amount, recoverable_amount, exposure_amount, ncr_record_id, work_order,
                             work_order_record_id, scrap_action, scrap_account, cost_roll_effective_from,
                             cost_roll_record_ids, labor_rates)
                    WHERE e.tenant_id = current_tenant() AND e.event_id = u.event_id AND NOT e.superseded
                    RETURNING e.event_id),
                -- Read in the statement's snapshot: the figures the revised events had before.
                kept AS (
                    INSERT INTO costed_event_revisions (tenant_id, event_id, job_id, period, unit_value, amount,
                        recoverable_amount, exposure_amount, schema_version, cost_roll_record_ids, costed_at)
                    SELECT c.tenant_id, c.event_id, $21, c.period, c.unit_value, c.amount, c.recoverable_amount,
                        c.exposure_amount, c.schema_version, c.cost_roll_record_ids, c.costed_at
                    FROM costed_events c
                    WHERE c.tenant_id = current_tenant() AND c.event_id = ANY($1)
                      AND c.event_id IN (SELECT event_id FROM revised))
                SELECT event_id FROM revised
                """).execute(columns).map(rows -> {
            Set<Long> revised = new HashSet<>();
            rows.forEach(row -> revised.add(row.getLong(0)));
            return revised;
        });
    }

    /** Inserts the costed events of rework hours without a defect record and links each to its labor record. */
    public Uni<Void> insertLaborCosted(SqlConnection connection, List<LaborOutcome.Costed> costed,
            Integer schemaVersion) {
        if (costed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(costed.stream().map(c -> c.record().recordId()).toArray(Long[]::new));
        columns.addValue(costed.stream().map(c -> c.record().version()).toArray(Integer[]::new));
        addText(columns, costed, c -> c.record().source(), c -> c.record().sourceId(), c -> c.record().plant(),
                LaborOutcome.Costed::period, LaborOutcome.Costed::line, c -> c.record().workCenter(),
                c -> c.amount().toPlainString(), LaborOutcome.Costed::currency,
                c -> c.record().performedAt().toString());
        addProvenance(columns, costed, LaborOutcome.Costed::provenance);
        columns.addValue(schemaVersion);
        // No units and no part: the hours are in the labor record, the defect code is none.
        return connection.preparedQuery("""
                INSERT INTO costed_events (tenant_id, labor_record_id, record_version, source, source_id, plant_id,
                    period, line_id, work_center_id, amount, currency, occurred_at, ncr_record_id, work_order,
                    work_order_record_id, scrap_action, scrap_account, cost_roll_effective_from, labor_rates,
                    schema_version, quantity, shift, part, defect_code, coq_class, disposition, cost_type, unit_value)
                SELECT current_tenant(), u.labor_record_id, u.version, u.source, u.source_id, u.plant_id, u.period,
                    u.line_id, u.work_center_id, u.amount, u.currency, u.occurred_at, u.ncr_record_id, u.work_order,
                    u.work_order_record_id, u.scrap_action, u.scrap_account, u.cost_roll_effective_from,
                    u.labor_rates, $20::int, 0, '', '', '', 'internal_failure', 'rework', 'rework', 0
                FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[]::numeric[], $10::text[], $11::text[]::timestamptz[],
                    $12::text[]::bigint[], $13::text[], $14::text[]::bigint[], $15::text[], $16::text[],
                    $17::text[]::date[], $18::text[], $19::text[]::jsonb[])
                    AS u(labor_record_id, version, source, source_id, plant_id, period, line_id, work_center_id,
                         amount, currency, occurred_at, ncr_record_id, work_order, work_order_record_id,
                         scrap_action, scrap_account, cost_roll_effective_from, cost_roll_record_ids, labor_rates)
                RETURNING event_id, labor_record_id
                """).execute(columns).chain(rows -> {
            List<Long> labor = new ArrayList<>();
            List<Long> eventIds = new ArrayList<>();
            rows.forEach(row -> {
                labor.add(row.getLong("labor_record_id"));
                eventIds.add(row.getLong("event_id"));
            });
            return link(connection, labor, eventIds);
        });
    }

    /**
     * The latest versions of rework-labor records after {@code afterRecordId} that no current event values yet, with
     * whether their hours belong to a defect record (then that record's costing values them).
     */
    public Uni<List<PendingLabor>> pendingLabor(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                WITH fresh AS (
                    SELECT l.* FROM rework_labor_records l
                    WHERE l.record_id > $1
                      AND NOT EXISTS (SELECT 1 FROM rework_labor_records n WHERE n.tenant_id = l.tenant_id
                                      AND n.source = l.source AND n.source_id = l.source_id AND n.version > l.version)
                      AND NOT EXISTS (SELECT 1 FROM costed_labor c JOIN costed_events e USING (tenant_id, event_id)
                                      WHERE c.labor_record_id = l.record_id AND NOT e.superseded)
                    ORDER BY l.record_id
                    LIMIT $2)
                SELECT f.*, m.defect_record_id IS NOT NULL AS matched
                FROM fresh f
                LEFT JOIN rework_labor_defects(ARRAY(SELECT record_id FROM fresh)) m ON m.labor_record_id = f.record_id
                ORDER BY f.record_id
                """).execute(Tuple.of(afterRecordId, limit)).map(rows -> {
            List<PendingLabor> pending = new ArrayList<>();
            rows.forEach(row -> pending.add(new PendingLabor(laborRecord(row), row.getBoolean("matched"))));
            return pending;
        });
    }

    /** A rework-labor record no current event values, and whether its hours belong to a defect record. */
    public record PendingLabor(LaborRecord record, boolean matched) {
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
        // An exception closed once reopens when a re-cost (a new NCR disposition) fails again.
        return connection.preparedQuery("""
                INSERT INTO costing_exceptions (tenant_id, record_id, source, source_id, plant_id, period, quantity,
                    reason, detail, line_id)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[]::numeric[], $7::text[], $8::text[], $9::text[]) AS u
                ON CONFLICT (tenant_id, record_id) DO UPDATE SET reason = excluded.reason, detail = excluded.detail,
                    period = excluded.period, status = 'open', closed_at = NULL
                """).execute(columns).replaceWithVoid();
    }

    /** Opens (or refreshes) an exception for each labor record without a defect record that could not be costed. */
    public Uni<Void> openLaborExceptions(SqlConnection connection, List<LaborOutcome.Uncostable> uncostable) {
        if (uncostable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(uncostable.stream().map(u -> u.record().recordId()).toArray(Long[]::new));
        addText(columns, uncostable, u -> u.record().source(), u -> u.record().sourceId(), u -> u.record().plant(),
                LaborOutcome.Uncostable::period, u -> u.record().hours().toPlainString(),
                LaborOutcome.Uncostable::reason, LaborOutcome.Uncostable::detail, LaborOutcome.Uncostable::line);
        return connection.preparedQuery("""
                INSERT INTO costing_exceptions (tenant_id, labor_record_id, source, source_id, plant_id, period,
                    quantity, reason, detail, line_id)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[]::numeric[], $7::text[], $8::text[], $9::text[]) AS u
                ON CONFLICT (tenant_id, labor_record_id) DO UPDATE SET reason = excluded.reason,
                    detail = excluded.detail, status = 'open', closed_at = NULL
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

    /** Closes the exceptions of labor records that are now costed, on their own or with their defect record. */
    public Uni<Void> closeLaborExceptions(SqlConnection connection, List<Long> laborRecordIds) {
        if (laborRecordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costing_exceptions SET status = 'closed', closed_at = now()
                WHERE labor_record_id = ANY($1) AND status = 'open'
                """).execute(Tuple.of(laborRecordIds.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Adds the chunk's changes to the rollups and weekly rollups, in the same transaction as the events they sum. */
    public Uni<Void> applyRollups(SqlConnection connection, RollupDelta delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<RollupDelta.Change> changes = delta.changes();
        Tuple columns = Tuple.tuple();
        addText(columns, changes, c -> c.key().plant(), c -> c.key().period(), c -> c.key().line(),
                c -> c.key().workCenter(), c -> c.key().defectCode(), c -> c.key().shift(), c -> c.key().costType(),
                c -> c.key().coqClass(), c -> c.amount().toPlainString(), c -> c.recoverable().toPlainString(),
                c -> c.exposure().toPlainString(), c -> c.quantity().toPlainString());
        columns.addValue(changes.stream().map(RollupDelta.Change::events).toArray(Long[]::new));
        Uni<Void> rollups = connection.preparedQuery("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, recoverable_amount, exposure_amount, quantity, events)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[], $8::text[], $9::text[]::numeric[], $10::text[]::numeric[],
                    $11::text[]::numeric[], $12::text[]::numeric[], $13::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type,
                    coq_class)
                DO UPDATE SET amount = cost_rollups.amount + excluded.amount,
                    recoverable_amount = cost_rollups.recoverable_amount + excluded.recoverable_amount,
                    exposure_amount = cost_rollups.exposure_amount + excluded.exposure_amount,
                    quantity = cost_rollups.quantity + excluded.quantity,
                    events = cost_rollups.events + excluded.events
                """).execute(columns).replaceWithVoid();
        // Sent together (the client pipelines them): rollup rows stay locked only until the commit right after.
        return Uni.combine().all().unis(rollups, applyWeeks(connection, delta.weeks())).discardItems();
    }

    /**
     * Adds the chunk's changes to the weekly rollups of the trend, last in the transaction, in key order: concurrent
     * runs wait for each other's rows only for the moment to their commit, and never deadlock.
     */
    private Uni<Void> applyWeeks(SqlConnection connection, Collection<RollupDelta.WeekChange> weeks) {
        if (weeks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        addText(columns, weeks, w -> w.week().plant(), w -> w.week().weekStart().toString(), w -> w.week().line(),
                w -> w.week().defectCode(), w -> w.amount().toPlainString());
        columns.addValue(weeks.stream().map(RollupDelta.WeekChange::events).toArray(Long[]::new));
        return connection.preparedQuery("""
                INSERT INTO cost_rollups_weekly AS w (tenant_id, plant_id, week_start, line_id, defect_code, amount,
                    events)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[]::date[], $3::text[], $4::text[],
                    $5::text[]::numeric[], $6::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, week_start, line_id, defect_code)
                DO UPDATE SET amount = w.amount + excluded.amount, events = w.events + excluded.events
                """).execute(columns).replaceWithVoid();
    }

    private Uni<Void> link(SqlConnection connection, List<Long> labor, List<Long> eventIds) {
        if (labor.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                INSERT INTO costed_labor (tenant_id, labor_record_id, event_id)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::bigint[]) AS u
                """).execute(Tuple.of(labor.toArray(Long[]::new), eventIds.toArray(Long[]::new))).replaceWithVoid();
    }

    /**
     * Supersedes the other current events that valued the hours of {@code labor} until now (their own event as rework
     * without a defect record, or another defect record's event), so that no hours are costed twice, and closes those
     * labor records' exceptions. A defect record whose event goes is costed again without them.
     */
    private Uni<Void> absorbLabor(SqlConnection connection, List<Long> labor, List<Long> eventIds, RollupDelta delta) {
        if (labor.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costed_events e SET superseded = true
                FROM costed_labor c
                WHERE c.tenant_id = e.tenant_id AND c.event_id = e.event_id AND c.labor_record_id = ANY($1)
                  AND NOT e.superseded AND e.event_id <> ALL($2)
                RETURNING\s""" + SUPERSEDED)
                .execute(Tuple.of(labor.toArray(Long[]::new), eventIds.toArray(Long[]::new)))
                .invoke(rows -> subtract(rows, delta)).chain(() -> closeLaborExceptions(connection, labor));
    }

    /** Supersedes the current events {@code eventIds}, taking them out of the rollups through {@code delta}. */
    public Uni<Void> supersede(SqlConnection connection, List<Long> eventIds, RollupDelta delta) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costed_events e SET superseded = true
                WHERE e.event_id = ANY($1) AND NOT e.superseded
                RETURNING\s""" + SUPERSEDED).execute(Tuple.of(eventIds.toArray(Long[]::new)))
                .invoke(rows -> subtract(rows, delta)).replaceWithVoid();
    }

    /** What a superseded event takes out of the rollups, with the week it occurred in. */
    static final String SUPERSEDED = """
            e.plant_id, e.period, e.line_id, e.work_center_id, e.defect_code, e.shift, e.cost_type, e.coq_class,
            e.amount, e.recoverable_amount, e.exposure_amount, e.quantity,
            (SELECT date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date FROM plants p
             WHERE p.tenant_id = e.tenant_id AND p.plant_id = e.plant_id) AS week_start""";

    static void subtract(RowSet<Row> rows, RollupDelta delta) {
        rows.forEach(row -> delta.add(rollupKey(row), row.getLocalDate("week_start"),
                row.getBigDecimal("amount").negate(), row.getBigDecimal("recoverable_amount").negate(),
                row.getBigDecimal("exposure_amount").negate(), row.getBigDecimal("quantity").negate(), -1));
    }

    /**
     * Eight columns: the NCR version, the work order and its version, its scrap action and account, the cost roll's
     * effective date and standard-cost records (as a PostgreSQL array literal), the labor rates.
     */
    private static <T> void addProvenance(Tuple columns, Collection<T> items, Function<T, Outcome.Provenance> of) {
        // The events of a part share a handful of cost rolls (the same list): each written out once.
        Map<List<Map<String, Object>>, String> costRolls = new IdentityHashMap<>();
        addText(columns, items, item -> text(of.apply(item).ncrRecordId()), item -> of.apply(item).workOrder(),
                item -> text(of.apply(item).workOrderRecordId()), item -> of.apply(item).scrapAction(),
                item -> of.apply(item).scrapAccount(), item -> text(of.apply(item).costRollEffectiveFrom()),
                item -> of.apply(item).costRollLines() == null ? null
                        : costRolls.computeIfAbsent(of.apply(item).costRollLines(),
                                CostingRepository::costRollRecordIds),
                item -> json(of.apply(item).laborRates()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String costRollRecordIds(List<Map<String, Object>> lines) {
        return lines.stream().map(line -> String.valueOf(line.get("record_id")))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String json(List<Map<String, Object>> values) {
        return values == null ? null : new JsonArray(new ArrayList<>(values)).encode();
    }

    /**
     * The latest versions of confirmations after {@code afterRecordId} that are not valued yet: new ones and those
     * waiting for their cost roll.
     */
    public Uni<List<ConfirmationRecord>> pendingConfirmations(SqlConnection connection, long afterRecordId, int limit) {
        return connection.preparedQuery("""
                SELECT c.record_id, c.source, c.source_id, c.version, c.plant_id, c.work_order, c.part, c.operation,
                    c.yield_quantity, c.scrap_quantity, c.confirmed_at
                FROM confirmation_records c
                WHERE c.record_id > $1
                  AND NOT EXISTS (SELECT 1 FROM costed_confirmations k WHERE k.tenant_id = c.tenant_id
                                  AND k.record_id = c.record_id AND k.reason IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM confirmation_records n WHERE n.tenant_id = c.tenant_id
                                  AND n.source = c.source AND n.source_id = c.source_id AND n.version > c.version)
                ORDER BY c.record_id
                LIMIT $2
                """).execute(Tuple.of(afterRecordId, limit)).map(rows -> {
            List<ConfirmationRecord> records = new ArrayList<>();
            rows.forEach(row -> records.add(new ConfirmationRecord(row.getLong("record_id"), row.getString("source"),
                    row.getString("source_id"), row.getInteger("version"), row.getString("plant_id"),
                    row.getString("work_order"), row.getString("part"), row.getString("operation"),
                    row.getBigDecimal("yield_quantity"), row.getBigDecimal("scrap_quantity"),
                    readable(row.getOffsetDateTime("confirmed_at")))));
            return records;
        });
    }

    /** The plants and cost rolls the confirmations refer to; their part is the ERP part already. */
    public Uni<ReferenceData> confirmationReferenceData(SqlConnection connection, List<ConfirmationRecord> records) {
        String[] plants = distinct(records, ConfirmationRecord::plant);
        return closedPeriods(connection, plants).chain(closed -> Uni.combine().all()
                .unis(plants(connection, plants),
                        costRolls(connection, plants, distinct(records, ConfirmationRecord::part)))
                .asTuple()
                .map(found -> new ReferenceData(found.getItem1(), Map.of(), Map.of(), Map.of(), found.getItem2())
                        .withClosedPeriods(closed)));
    }

    /**
     * Marks the valued rows of earlier versions of {@code records} superseded and takes them out of the scrap variances
     * through {@code delta}.
     */
    public Uni<Void> supersedeEarlierConfirmations(SqlConnection connection, List<ConfirmationRecord> records,
            VarianceDelta delta) {
        List<ConfirmationRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costed_confirmations k SET superseded = true
                FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(source, source_id, record_id)
                WHERE k.source = u.source AND k.source_id = u.source_id AND k.record_id <> u.record_id
                  AND NOT k.superseded
                RETURNING k.plant_id, k.period, k.part, k.operation, k.planned_quantity, k.unplanned_quantity,
                    k.variance_quantity, k.variance_value, k.reason
                """)
                .execute(Tuple.of(updates.stream().map(ConfirmationRecord::source).toArray(String[]::new),
                        updates.stream().map(ConfirmationRecord::sourceId).toArray(String[]::new),
                        updates.stream().map(ConfirmationRecord::recordId).toArray(Long[]::new)))
                .invoke(rows -> rows.forEach(row -> {
                    if (row.getString("reason") == null) {
                        delta.add(
                                new VarianceDelta.Key(row.getString("plant_id"), row.getString("period"),
                                        row.getString("part"), row.getString("operation")),
                                row.getBigDecimal("planned_quantity").negate(),
                                row.getBigDecimal("unplanned_quantity").negate(),
                                row.getBigDecimal("variance_quantity").negate(),
                                row.getBigDecimal("variance_value").negate(), -1);
                    }
                })).replaceWithVoid();
    }

    /**
     * Stores what costing made of each confirmation: valued, or the reason it waits (replacing the reason it waited for
     * before).
     */
    public Uni<Void> upsertConfirmations(SqlConnection connection, List<VarianceOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple();
        columns.addValue(outcomes.stream().map(o -> o.record().recordId()).toArray(Long[]::new));
        columns.addValue(outcomes.stream().map(o -> o.record().version()).toArray(Integer[]::new));
        addText(columns, outcomes, o -> o.record().source(), o -> o.record().sourceId(), o -> o.record().plant(),
                VarianceOutcome::period, o -> o.record().part(), o -> o.record().operation(),
                o -> valued(o, r -> r.plannedQuantity()), o -> valued(o, r -> r.unplannedQuantity()),
                o -> valued(o, r -> r.varianceQuantity()), o -> valued(o, r -> r.value()),
                o -> o instanceof VarianceOutcome.Valued v ? v.currency() : null,
                o -> o instanceof VarianceOutcome.Valued v ? new JsonObject(v.explanation()).encode() : null,
                o -> o instanceof VarianceOutcome.Unvalued u ? u.reason() : null,
                o -> o instanceof VarianceOutcome.Unvalued u ? u.detail() : null);
        return connection.preparedQuery("""
                INSERT INTO costed_confirmations (tenant_id, record_id, record_version, source, source_id, plant_id,
                    period, part, operation, planned_quantity, unplanned_quantity, variance_quantity, variance_value,
                    currency, explanation, reason, detail)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[], $8::text[], $9::text[]::numeric[], $10::text[]::numeric[],
                    $11::text[]::numeric[], $12::text[]::numeric[], $13::text[], $14::text[]::jsonb[], $15::text[],
                    $16::text[]) AS u
                ON CONFLICT (tenant_id, record_id) DO UPDATE SET period = excluded.period,
                    planned_quantity = excluded.planned_quantity, unplanned_quantity = excluded.unplanned_quantity,
                    variance_quantity = excluded.variance_quantity, variance_value = excluded.variance_value,
                    currency = excluded.currency, explanation = excluded.explanation, reason = excluded.reason,
                    detail = excluded.detail, costed_at = now()
                """).execute(columns).replaceWithVoid();
    }

    /** Adds the chunk's changes to the scrap variances, in the same transaction as the confirmations they sum. */
    public Uni<Void> applyVariances(SqlConnection connection, VarianceDelta delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<VarianceDelta.Change> changes = delta.changes();
        Tuple columns = Tuple.tuple();
        addText(columns, changes, c -> c.key().plant(), c -> c.key().period(), c -> c.key().part(),
                c -> c.key().operation(), c -> c.planned().toPlainString(), c -> c.unplanned().toPlainString(),
                c -> c.variance().toPlainString(), c -> c.value().toPlainString());
        columns.addValue(changes.stream().map(VarianceDelta.Change::confirmations).toArray(Long[]::new));
        return connection.preparedQuery("""
                INSERT INTO scrap_variances (tenant_id, plant_id, period, part, operation, planned_quantity,
                    unplanned_quantity, variance_quantity, variance_value, confirmations)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                    $5::text[]::numeric[], $6::text[]::numeric[], $7::text[]::numeric[], $8::text[]::numeric[],
                    $9::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, period, part, operation)
                DO UPDATE SET planned_quantity = scrap_variances.planned_quantity + excluded.planned_quantity,
                    unplanned_quantity = scrap_variances.unplanned_quantity + excluded.unplanned_quantity,
                    variance_quantity = scrap_variances.variance_quantity + excluded.variance_quantity,
                    variance_value = scrap_variances.variance_value + excluded.variance_value,
                    confirmations = scrap_variances.confirmations + excluded.confirmations
                """).execute(columns).replaceWithVoid();
    }

    private static String valued(VarianceOutcome outcome, Function<ScrapVariance.Result, BigDecimal> figure) {
        return outcome instanceof VarianceOutcome.Valued v ? figure.apply(v.result()).toPlainString() : null;
    }

    /**
     * Registers the lines and work centers the records name (contract.md: "registered when first seen"), in key order:
     * runs registering the same new ones side by side wait for each other instead of deadlocking.
     */
    public Uni<Void> registerLines(SqlConnection connection, List<DefectRecord> records) {
        Tuple columns = Tuple.tuple();
        addText(columns, records, DefectRecord::plant, DefectRecord::line, DefectRecord::workCenter);
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

    public static RollupDelta.Key rollupKey(Outcome.Costed costed) {
        return new RollupDelta.Key(costed.record().plant(), costed.period(), costed.record().line(),
                costed.record().workCenter(), costed.defectCode(), shift(costed.record()), costed.costType(),
                costed.coqClass());
    }

    /** Rework without a defect record: no defect code and no shift, internal failure like all rework. */
    public static RollupDelta.Key rollupKey(LaborOutcome.Costed costed) {
        return new RollupDelta.Key(costed.record().plant(), costed.period(), costed.line(),
                costed.record().workCenter(), LaborOutcome.NO_DEFECT_CODE, "", "rework", "internal_failure");
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
