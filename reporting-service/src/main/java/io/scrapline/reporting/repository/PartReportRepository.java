package io.scrapline.reporting.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.PartSections;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the figures of the report's sections by part and by defect category from the rollups costing keeps. */
@ApplicationScoped
public class PartReportRepository {

    /** The part rollups (V28) of a plant-period. */
    public Uni<List<PartSections.PartSum>> parts(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT line_id, work_center_id, part, cost_type, amount, quantity, events FROM cost_rollups_by_part
                WHERE plant_id = $1 AND period = $2 AND (events <> 0 OR amount <> 0)
                """).execute(Tuple.of(plant, period)).map(PartReportRepository::partSums);
    }

    /** The category each defect code of the plant-period's rollups carries in the catalog now. */
    public Uni<List<PartSections.CodeCategory>> categories(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT c.code, c.category FROM defect_codes c
                WHERE EXISTS (SELECT 1 FROM cost_rollups r WHERE r.tenant_id = c.tenant_id AND r.defect_code = c.code
                              AND r.plant_id = $1 AND r.period = $2)
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<PartSections.CodeCategory> codes = new ArrayList<>();
            rows.forEach(row -> codes.add(new PartSections.CodeCategory(row.getString(0), row.getString(1))));
            return codes;
        });
    }

    /**
     * The current events booked in the plant-period that occurred from {@code from} until {@code until}, in the part
     * rollups' grouping: what a cut at {@code from} takes out of the period's cost by part.
     */
    public Uni<List<PartSections.PartSum>> eventsBetween(SqlConnection connection, String plant, String period,
            OffsetDateTime from, OffsetDateTime until) {
        return connection.preparedQuery("""
                SELECT line_id, work_center_id, part, cost_type, sum(amount), sum(quantity), count(*)
                FROM costed_events
                WHERE plant_id = $1 AND period = $2 AND NOT superseded AND occurred_at >= $3 AND occurred_at < $4
                GROUP BY line_id, work_center_id, part, cost_type
                """).execute(Tuple.of(plant, period, from, until)).map(PartReportRepository::partSums);
    }

    private static List<PartSections.PartSum> partSums(RowSet<Row> rows) {
        List<PartSections.PartSum> sums = new ArrayList<>();
        for (Row row : rows) {
            sums.add(new PartSections.PartSum(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getBigDecimal(4), row.getBigDecimal(5), row.getLong(6)));
        }
        return sums;
    }
}
