package io.scrapline.alert.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.DigestRow;
import io.scrapline.alert.domain.UnmappedValue;
import io.scrapline.alert.domain.WaitingFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Costing's open exceptions (costing-service writes them), as the notices of unmapped source values read them: what
 * waits on a value, and the digest of every open exception. An unmapped value is the defect record's part number or
 * defect code, as the source sent it.
 */
@ApplicationScoped
public class ParkedExceptionRepository {

    /** The source value an exception of an unmapped part or defect code waits on; {@code x} and {@code d} joined. */
    static final String VALUE = "CASE x.reason WHEN 'unmapped_part' THEN d.part ELSE d.defect_code END";

    /** What waits on one value, plant by plant, and when its first open event was parked. */
    public record Waiting(List<WaitingFigures> figures, Instant firstParked) {

        public boolean none() {
            return figures.isEmpty();
        }
    }

    public Uni<Waiting> waiting(SqlConnection connection, UnmappedValue value) {
        return connection.preparedQuery("""
                SELECT x.plant_id, p.name, p.currency, count(*) AS events, sum(x.quantity) AS quantity,
                    sum(x.estimated_amount) AS estimated, count(x.estimated_amount) AS estimated_events,
                    min(x.created_at) AS first_parked
                FROM costing_exceptions x
                JOIN defect_records d ON d.tenant_id = x.tenant_id AND d.record_id = x.record_id
                JOIN plants p ON p.tenant_id = x.tenant_id AND p.plant_id = x.plant_id
                WHERE x.status = 'open' AND x.reason = $1 AND x.source = $2 AND %s = $3
                GROUP BY x.plant_id, p.name, p.currency
                ORDER BY x.plant_id
                """.formatted(VALUE)).execute(Tuple.of(value.reason(), value.source(), value.value())).map(rows -> {
            List<WaitingFigures> figures = new ArrayList<>();
            Instant first = null;
            for (Row row : rows) {
                figures.add(figures(row, false));
                Instant parked = row.getOffsetDateTime("first_parked").toInstant();
                first = first == null || parked.isBefore(first) ? parked : first;
            }
            return new Waiting(figures, first);
        });
    }

    /**
     * Every open exception of the tenant, a line per plant, reason, source and (for an unmapped part or defect code)
     * source value, by plant and, within a plant, those worth the most at standard cost first, then the largest
     * quantity.
     */
    public Uni<List<DigestRow>> digest(SqlConnection connection) {
        return connection.query("""
                SELECT x.plant_id, p.name, p.currency, x.reason, x.source,
                    CASE WHEN x.reason IN ('unmapped_part', 'unmapped_defect_code') THEN %s END AS value,
                    x.labor_record_id IS NOT NULL AS hours, count(*) AS events, sum(x.quantity) AS quantity,
                    sum(x.estimated_amount) AS estimated, count(x.estimated_amount) AS estimated_events
                FROM costing_exceptions x
                LEFT JOIN defect_records d ON d.tenant_id = x.tenant_id AND d.record_id = x.record_id
                JOIN plants p ON p.tenant_id = x.tenant_id AND p.plant_id = x.plant_id
                WHERE x.status = 'open'
                GROUP BY x.plant_id, p.name, p.currency, x.reason, x.source, value, hours
                ORDER BY x.plant_id, estimated DESC NULLS LAST, quantity DESC, events DESC, x.reason, x.source, value
                """.formatted(VALUE)).execute().map(rows -> {
            List<DigestRow> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(new DigestRow(row.getString("reason"), row.getString("source"), row.getString("value"),
                        figures(row, row.getBoolean("hours"))));
            }
            return lines;
        });
    }

    private static WaitingFigures figures(Row row, boolean hours) {
        BigDecimal estimated = row.getBigDecimal("estimated");
        return new WaitingFigures(row.getString("plant_id"), row.getString("name"), row.getString("currency"),
                row.getLong("events"), row.getBigDecimal("quantity"), estimated, row.getLong("estimated_events"),
                hours);
    }
}
