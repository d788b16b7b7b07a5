package io.scrapline.costing.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.ExceptionEntry;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Costing's exceptions: the record versions that wait for data, opened with the reason when a record cannot be costed
 * and closed when it is costed or superseded by a newer version, and listed for the API.
 */
@ApplicationScoped
public class ExceptionRepository {

    /**
     * Opens (or refreshes the reason of) an exception for each record that could not be costed, with what it is worth
     * at standard cost where {@code estimate} can tell (null where not).
     */
    public Uni<Void> open(SqlConnection connection, List<Outcome.Uncostable> uncostable,
            Function<Outcome.Uncostable, BigDecimal> estimate) {
        // An exception closed once reopens when a re-cost (a new NCR disposition) fails again.
        return open(connection, "record_id", "period = excluded.period,", uncostable, u -> u.record().recordId(),
                u -> u.record().source(), u -> u.record().sourceId(), u -> u.record().plant(),
                Outcome.Uncostable::period, u -> u.record().quantity().toPlainString(), Outcome.Uncostable::reason,
                Outcome.Uncostable::detail, u -> u.record().line(), u -> plain(estimate.apply(u)));
    }

    /** Opens (or refreshes) an exception for each labor record without a defect record that could not be costed. */
    public Uni<Void> openLabor(SqlConnection connection, List<LaborOutcome.Uncostable> uncostable) {
        return open(connection, "labor_record_id", "", uncostable, u -> u.record().recordId(), u -> u.record().source(),
                u -> u.record().sourceId(), u -> u.record().plant(), LaborOutcome.Uncostable::period,
                u -> u.record().hours().toPlainString(), LaborOutcome.Uncostable::reason,
                LaborOutcome.Uncostable::detail, LaborOutcome.Uncostable::line, u -> null);
    }

    /**
     * Opens an exception per item, under its record id in column {@code key}, with its source, source id, plant,
     * period, quantity, reason, detail, line and estimated amount ({@code fields}); one there is already is opened
     * again with the new reason, detail and estimate, and {@code alsoSet}.
     */
    @SafeVarargs
    private <T> Uni<Void> open(SqlConnection connection, String key, String alsoSet, List<T> items,
            Function<T, Long> recordId, Function<T, String>... fields) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Columns.addText(Tuple.of(items.stream().map(recordId).toArray(Long[]::new)), items, fields);
        return connection.preparedQuery("""
                INSERT INTO costing_exceptions (tenant_id, %1$s, source, source_id, plant_id, period, quantity,
                    reason, detail, line_id, estimated_amount)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[]::numeric[], $7::text[], $8::text[], $9::text[], $10::text[]::numeric[]) AS u
                ON CONFLICT (tenant_id, %1$s) DO UPDATE SET reason = excluded.reason, detail = excluded.detail,
                    estimated_amount = excluded.estimated_amount, %2$s status = 'open', closed_at = NULL
                """.formatted(key, alsoSet)).execute(columns).replaceWithVoid();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** Closes the exceptions of records that are now costed. */
    public Uni<Void> close(SqlConnection connection, List<Outcome.Costed> costed) {
        return close(connection, "record_id", costed.stream().map(c -> c.record().recordId()).toList());
    }

    /** Closes the exceptions of labor records that are now costed, on their own or with their defect record. */
    public Uni<Void> closeLabor(SqlConnection connection, List<Long> laborRecordIds) {
        return close(connection, "labor_record_id", laborRecordIds);
    }

    private Uni<Void> close(SqlConnection connection, String key, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE costing_exceptions SET status = 'closed', closed_at = now()
                WHERE %s = ANY($1) AND status = 'open'
                """.formatted(key)).execute(Tuple.of(recordIds.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Closes the open exceptions of earlier versions of {@code records}: a newer version stands in for them. */
    public Uni<Void> closeEarlierVersions(SqlConnection connection, List<DefectRecord> records) {
        List<DefectRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery("""
                        UPDATE costing_exceptions x SET status = 'closed', closed_at = now(),
                            detail = x.detail || ' (superseded by a newer version)'
                        """ + Columns.earlierVersionsOf("x") + "AND x.status = 'open'").execute(Columns
                        .versionKeys(updates, DefectRecord::source, DefectRecord::sourceId, DefectRecord::recordId))
                .replaceWithVoid();
    }

    /**
     * Exceptions, oldest first, at most 1,000; then, unless only closed ones are asked for, the work orders and
     * operations whose MES scrap disagrees with the ERP's confirmations (V27's {@code scrap_quantity_checks}), at most
     * 1,000 more. {@code plants} and {@code lines} are the caller's scope, empty for every plant and every line; the
     * mismatches name no line, so a caller limited to lines sees none.
     */
    public Uni<List<ExceptionEntry>> list(SqlConnection connection, String plant, String period, String status,
            List<String> plants, List<String> lines) {
        return connection.preparedQuery("""
                (SELECT exception_id, source, source_id, plant_id, period, quantity, reason, detail, status,
                    created_at, closed_at, estimated_amount
                 FROM costing_exceptions
                 WHERE ($1::text IS NULL OR plant_id = $1) AND ($2::text IS NULL OR period = $2)
                   AND ($3::text IS NULL OR status = $3)
                   AND (cardinality($4::text[]) = 0 OR plant_id = ANY($4))
                   AND (cardinality($5::text[]) = 0 OR line_id = ANY($5))
                 ORDER BY exception_id LIMIT 1000)
                UNION ALL
                (SELECT NULL::bigint, $6::text, q.work_order || ' ' || q.operation, q.plant_id, q.period,
                    q.mes_quantity, $7::text,
                    format('%s: work order %s operation %s (part %s): MES scrap %s%s in %s events, ERP confirmed %s%s '
                        || 'in %s confirmations', q.kind, q.work_order, q.operation, q.part, trim_scale(q.mes_quantity),
                        coalesce(' ' || q.mes_uom, ''), q.mes_events, trim_scale(q.erp_quantity),
                        coalesce(' ' || q.erp_uom, ''), q.confirmations),
                    'open', NULL::timestamptz, NULL::timestamptz, NULL::numeric
                 FROM scrap_quantity_checks($1, $2) q
                 WHERE q.kind <> 'matched' AND ($3::text IS NULL OR $3 = 'open')
                   AND (cardinality($4::text[]) = 0 OR q.plant_id = ANY($4)) AND cardinality($5::text[]) = 0
                 ORDER BY q.plant_id, q.period, q.work_order, q.operation LIMIT 1000)
                """)
                .execute(Tuple.of(plant, period, status, plants.toArray(String[]::new), lines.toArray(String[]::new))
                        .addString(ExceptionEntry.MES_AGAINST_ERP).addString(ExceptionEntry.SCRAP_QUANTITY_MISMATCH))
                .map(rows -> {
                    List<ExceptionEntry> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new ExceptionEntry(row.getLong("exception_id"), row.getString("source"),
                                row.getString("source_id"), row.getString("plant_id"), row.getString("period"),
                                row.getBigDecimal("quantity"), row.getString("reason"), row.getString("detail"),
                                row.getString("status"), row.getOffsetDateTime("created_at"),
                                row.getOffsetDateTime("closed_at"), row.getBigDecimal("estimated_amount")));
                    }
                    return found;
                });
    }
}
