package io.scrapline.reporting.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a report cut at a day or a week reads beyond the rollups: the plant's current costed events of a range of time,
 * in the rollups' grouping, through the index on when they occurred (V22__distributions.sql).
 */
@ApplicationScoped
public class ReportCutRepository {

    private static final String SUMS = """
            SELECT e.line_id, e.work_center_id, e.defect_code, coalesce(c.description, e.defect_code) AS description,
                e.cost_type, e.coq_class, e.shift, sum(e.amount) AS amount, sum(e.quantity) AS quantity,
                count(*) AS events, sum(e.recoverable_amount) AS recoverable, sum(e.exposure_amount) AS exposure
            FROM costed_events e
            LEFT JOIN defect_codes c ON c.tenant_id = e.tenant_id AND c.code = e.defect_code
            WHERE e.plant_id = $1 AND NOT e.superseded AND e.occurred_at >= $2 AND e.occurred_at < $3
              AND ($4::text IS NULL OR e.period = $4)
            GROUP BY e.line_id, e.work_center_id, e.defect_code, c.description, e.cost_type, e.coq_class, e.shift
            """;

    /**
     * The current events booked in the plant-period that occurred from {@code from} until {@code until}: what a cut at
     * {@code from} takes out of the period's figures.
     */
    public Uni<List<Sum>> periodEvents(SqlConnection connection, String plant, String period, OffsetDateTime from,
            OffsetDateTime until) {
        return sums(connection, plant, period, from, until);
    }

    /** The plant's current events that occurred from {@code from} until {@code until}, of any period. */
    public Uni<List<Sum>> events(SqlConnection connection, String plant, OffsetDateTime from, OffsetDateTime until) {
        return sums(connection, plant, null, from, until);
    }

    /**
     * Records of the plant that occurred (a rework booking: was performed) from {@code from} until {@code until} and
     * wait in an open exception, by line.
     */
    public Uni<List<ReportFigures.LineUncosted>> uncosted(SqlConnection connection, String plant, OffsetDateTime from,
            OffsetDateTime until) {
        return connection.preparedQuery("""
                SELECT x.line_id, count(*), sum(x.quantity) FROM costing_exceptions x
                LEFT JOIN defect_records d ON d.tenant_id = x.tenant_id AND d.record_id = x.record_id
                LEFT JOIN rework_labor_records l ON l.tenant_id = x.tenant_id AND l.record_id = x.labor_record_id
                WHERE x.plant_id = $1 AND x.status = 'open'
                  AND coalesce(d.occurred_at, l.performed_at) >= $2 AND coalesce(d.occurred_at, l.performed_at) < $3
                GROUP BY x.line_id
                """).execute(Tuple.of(plant, from, until)).map(ReportRepository::lineUncosted);
    }

    /** The plant's cost of the week from Monday {@code week}, by line, from the weekly rollups. */
    public Uni<List<ReportFigures.LineTotal>> weekTotals(SqlConnection connection, String plant, LocalDate week) {
        return connection.preparedQuery("""
                SELECT line_id, sum(amount) FROM cost_rollups_weekly WHERE plant_id = $1 AND week_start = $2
                GROUP BY line_id
                """).execute(Tuple.of(plant, week)).map(ReportRepository::lineTotals);
    }

    private static Uni<List<Sum>> sums(SqlConnection connection, String plant, String period, OffsetDateTime from,
            OffsetDateTime until) {
        return connection.preparedQuery(SUMS).execute(Tuple.of(plant, from, until, period)).map(ReportRepository::sums);
    }
}
