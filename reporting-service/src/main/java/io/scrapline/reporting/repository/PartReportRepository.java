package io.scrapline.reporting.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.PartSections;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<PartSections.PartSum> sums = new ArrayList<>();
            for (Row row : rows) {
                sums.add(new PartSections.PartSum(row.getString(0), row.getString(1), row.getString(2),
                        row.getString(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getLong(6)));
            }
            return sums;
        });
    }

    /**
     * The plant-period's cost by line and the category its defect code carries in the catalog now; rework without a
     * defect record (code '') has none.
     */
    public Uni<List<PartSections.CategorySum>> categories(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT r.line_id, c.category, sum(r.amount), sum(r.events)
                FROM cost_rollups r
                LEFT JOIN defect_codes c ON c.tenant_id = r.tenant_id AND c.code = r.defect_code
                WHERE r.plant_id = $1 AND r.period = $2
                GROUP BY r.line_id, c.category
                HAVING sum(r.events) <> 0 OR sum(r.amount) <> 0
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<PartSections.CategorySum> sums = new ArrayList<>();
            for (Row row : rows) {
                sums.add(new PartSections.CategorySum(row.getString(0), row.getString(1), row.getBigDecimal(2),
                        row.getLong(3)));
            }
            return sums;
        });
    }
}
