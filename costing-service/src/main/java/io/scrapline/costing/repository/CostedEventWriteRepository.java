package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.RollupDelta;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes costed events: inserts them with the labor records they value, revises them in place when re-costed, and
 * supersedes them when a newer version of their record or of an input arrives. What a superseded event took out of the
 * rollups goes into the caller's {@link RollupDelta}.
 */
@ApplicationScoped
public class CostedEventWriteRepository {

    /** What a superseded event takes out of the rollups, with the week it occurred in. */
    private static final String SUPERSEDED = """
            e.plant_id, e.period, e.line_id, e.work_center_id, e.defect_code, e.shift, e.cost_type, e.coq_class,
            e.part, e.amount, e.recoverable_amount, e.exposure_amount, e.quantity,
            (SELECT date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date FROM plants p
             WHERE p.tenant_id = e.tenant_id AND p.plant_id = e.plant_id) AS week_start""";

    /**
     * Inserts the costed events of a chunk, all costed with schema {@code schemaVersion} (null: the defaults), and
     * links each rework event to the labor records it values; the other current events that valued those hours until
     * now are superseded, through {@code delta}. A record that has a current event already (another run costed it since
     * this one looked) is left as it is.
     *
     * @return the costed events inserted
     */
    public Uni<List<Outcome.Costed>> insertCosted(SqlConnection connection, List<Outcome.Costed> costed,
            Integer schemaVersion, RollupDelta delta) {
        if (costed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple columns = Columns.recordVersions(costed, c -> c.record().recordId(), c -> c.record().version());
        Columns.addText(columns, costed, c -> c.record().source(), c -> c.record().sourceId(), c -> c.record().plant(),
                Outcome.Costed::period, c -> c.record().line(), c -> c.record().workCenter(),
                c -> c.rollupKey().shift(), Outcome.Costed::part, Outcome.Costed::defectCode, Outcome.Costed::coqClass,
                Outcome.Costed::costType, Outcome.Costed::costType, c -> c.record().quantity().toPlainString(),
                c -> c.unitValue().toPlainString(), c -> c.amount().toPlainString(), Outcome.Costed::currency,
                c -> c.record().occurredAt().toString(), c -> c.record().ncr());
        addProvenance(columns, costed, Outcome.Costed::provenance);
        Columns.addText(columns, costed, c -> c.recoverable().toPlainString(), c -> c.exposure().toPlainString(),
                Outcome.Costed::eventPeriod);
        columns.addValue(schemaVersion);
        Columns.addText(columns, costed, c -> c.record().uom(), c -> uomConversion(c.provenance()));
        return connection.preparedQuery("""
                INSERT INTO costed_events (tenant_id, record_id, record_version, source, source_id, plant_id, period,
                    line_id, work_center_id, shift, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at, ncr, ncr_record_id, work_order, work_order_record_id,
                    scrap_action, scrap_account, cost_roll_effective_from, cost_roll_record_ids, labor_rates,
                    recoverable_amount, exposure_amount, event_period, schema_version, uom, uom_conversion)
                SELECT current_tenant(), u.record_id, u.version, u.source, u.source_id, u.plant_id, u.period, u.line_id,
                    u.work_center_id, u.shift, u.part, u.defect_code, u.coq_class, u.disposition, u.cost_type,
                    u.quantity, u.unit_value, u.amount, u.currency, u.occurred_at, u.ncr, u.ncr_record_id,
                    u.work_order, u.work_order_record_id, u.scrap_action, u.scrap_account, u.cost_roll_effective_from,
                    u.cost_roll_record_ids::bigint[], u.labor_rates, u.recoverable_amount, u.exposure_amount,
                    u.event_period, $32::int, u.uom, u.uom_conversion
                FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                    $15::text[]::numeric[], $16::text[]::numeric[], $17::text[]::numeric[], $18::text[],
                    $19::text[]::timestamptz[], $20::text[], $21::text[]::bigint[], $22::text[],
                    $23::text[]::bigint[], $24::text[], $25::text[], $26::text[]::date[], $27::text[],
                    $28::text[]::jsonb[], $29::text[]::numeric[], $30::text[]::numeric[], $31::text[], $33::text[],
                    $34::text[]::jsonb[])
                    AS u(record_id, version, source, source_id, plant_id, period, line_id, work_center_id, shift,
                         part, defect_code, coq_class, disposition, cost_type, quantity, unit_value, amount, currency,
                         occurred_at, ncr, ncr_record_id, work_order, work_order_record_id, scrap_action,
                         scrap_account, cost_roll_effective_from, cost_roll_record_ids, labor_rates,
                         recoverable_amount, exposure_amount, event_period, uom, uom_conversion)
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

    /** Inserts the costed events of rework hours without a defect record and links each to its labor record. */
    public Uni<Void> insertLaborCosted(SqlConnection connection, List<LaborOutcome.Costed> costed,
            Integer schemaVersion) {
        if (costed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Columns.recordVersions(costed, c -> c.record().recordId(), c -> c.record().version());
        Columns.addText(columns, costed, c -> c.record().source(), c -> c.record().sourceId(), c -> c.record().plant(),
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
        Tuple columns = Tuple.of(eventIds.toArray(Long[]::new));
        Columns.addText(columns, costed, Outcome.Costed::period, Outcome.Costed::eventPeriod, Outcome.Costed::part,
                Outcome.Costed::defectCode, Outcome.Costed::coqClass, Outcome.Costed::costType,
                c -> c.unitValue().toPlainString(), c -> c.amount().toPlainString(),
                c -> c.recoverable().toPlainString(), c -> c.exposure().toPlainString());
        addProvenance(columns, costed, Outcome.Costed::provenance);
        columns.addValue(schemaVersion);
        columns.addValue(jobId);
        Columns.addText(columns, costed, c -> uomConversion(c.provenance()));
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
                        schema_version = $20::int, uom_conversion = u.uom_conversion, costed_at = now()
                    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                        $7::text[], $8::text[]::numeric[], $9::text[]::numeric[], $10::text[]::numeric[],
                        $11::text[]::numeric[], $12::text[]::bigint[], $13::text[], $14::text[]::bigint[],
                        $15::text[], $16::text[], $17::text[]::date[], $18::text[], $19::text[]::jsonb[],
                        $22::text[]::jsonb[])
                        AS u(event_id, period, event_period, part, defect_code, coq_class, cost_type, unit_value,
                             amount, recoverable_amount, exposure_amount, ncr_record_id, work_order,
                             work_order_record_id, scrap_action, scrap_account, cost_roll_effective_from,
                             cost_roll_record_ids, labor_rates, uom_conversion)
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

    /**
     * Supersedes the current events whose inputs changed since they were costed, taking them out of the rollups through
     * {@code delta}, so that the records they value are costed again: events whose NCR has a newer version (its
     * disposition overrides the event's), rework events to which rework hours arrived, and events valuing hours of a
     * labor record that has a newer version.
     *
     * @return how many events were superseded
     */
    public Uni<Integer> reopenStale(SqlConnection connection, RollupDelta delta) {
        // The NCR version an event names is the one costing loads: per plant and number, the highest version.
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
     * Marks the costed events of earlier versions of {@code records} superseded, taking them out of the rollups through
     * {@code delta}.
     */
    public Uni<Void> supersedeEarlierVersions(SqlConnection connection, List<DefectRecord> records, RollupDelta delta) {
        List<DefectRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery("UPDATE costed_events e SET superseded = true " + Columns.earlierVersionsOf("e")
                        + "AND NOT e.superseded RETURNING " + SUPERSEDED)
                .execute(Columns.versionKeys(updates, DefectRecord::source, DefectRecord::sourceId,
                        DefectRecord::recordId))
                .invoke(rows -> subtract(rows, delta)).replaceWithVoid();
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

    /**
     * Supersedes the other current events that valued the hours of {@code labor} until now (their own event as rework
     * without a defect record, or another defect record's event), so that no hours are costed twice. A defect record
     * whose event goes is costed again without them.
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
                .invoke(rows -> subtract(rows, delta)).replaceWithVoid();
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

    /** Takes the events a statement returned as {@link #SUPERSEDED} out of the rollups. */
    private static void subtract(RowSet<Row> rows, RollupDelta delta) {
        rows.forEach(row -> delta.add(
                new RollupDelta.Key(row.getString("plant_id"), row.getString("period"), row.getString("line_id"),
                        row.getString("work_center_id"), row.getString("defect_code"), row.getString("shift"),
                        row.getString("cost_type"), row.getString("coq_class")),
                row.getString("part"), row.getLocalDate("week_start"), row.getBigDecimal("amount").negate(),
                row.getBigDecimal("recoverable_amount").negate(), row.getBigDecimal("exposure_amount").negate(),
                row.getBigDecimal("quantity").negate(), -1));
    }

    /**
     * Eight columns: the NCR version, the work order and its version, its scrap action and account, the cost roll's
     * effective date and standard-cost records (as a PostgreSQL array literal), the labor rates.
     */
    private static <T> void addProvenance(Tuple columns, Collection<T> items, Function<T, Outcome.Provenance> of) {
        // The events of a part share a handful of cost rolls (the same list): each written out once.
        Map<List<Map<String, Object>>, String> costRolls = new IdentityHashMap<>();
        Columns.addText(columns, items, item -> text(of.apply(item).ncrRecordId()), item -> of.apply(item).workOrder(),
                item -> text(of.apply(item).workOrderRecordId()), item -> of.apply(item).scrapAction(),
                item -> of.apply(item).scrapAccount(), item -> text(of.apply(item).costRollEffectiveFrom()),
                item -> of.apply(item).costRollLines() == null ? null
                        : costRolls.computeIfAbsent(of.apply(item).costRollLines(),
                                CostedEventWriteRepository::costRollRecordIds),
                item -> json(of.apply(item).laborRates()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String costRollRecordIds(List<Map<String, Object>> lines) {
        return lines.stream().map(line -> String.valueOf(line.get("record_id")))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The unit factor the event's quantity was converted with, as JSON, or null. */
    private static String uomConversion(Outcome.Provenance provenance) {
        return provenance.uomConversion() == null ? null : new JsonObject(provenance.uomConversion().stored()).encode();
    }

    private static String json(List<Map<String, Object>> values) {
        return values == null ? null : new JsonArray(new ArrayList<>(values)).encode();
    }
}
