package io.scrapline.reporting.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.Budgets;
import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the rollups costing keeps; a report never scans costed events. */
@ApplicationScoped
public class ReportRepository {

    public record Plant(String plant, String name, String currency, String fiscalCalendar) {
    }

    public record Uncosted(long events, BigDecimal quantity) {
    }

    public Uni<Optional<Plant>> plant(SqlConnection connection, String plant) {
        return connection
                .preparedQuery("SELECT plant_id, name, currency, fiscal_calendar FROM plants WHERE plant_id = $1")
                .execute(Tuple.of(plant))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPlant(rows.iterator().next())));
    }

    /** The rollups of a plant-period summed over shifts; {@code lines} empty means every line. */
    public Uni<List<Sum>> sums(SqlConnection connection, String plant, String period, List<String> lines) {
        return connection
                .preparedQuery(
                        """
                                SELECT r.line_id, r.work_center_id, r.defect_code, coalesce(c.description, r.defect_code) AS description,
                                    r.cost_type, r.coq_class, sum(r.amount) AS amount, sum(r.quantity) AS quantity,
                                    sum(r.events) AS events
                                FROM cost_rollups r
                                LEFT JOIN defect_codes c ON c.tenant_id = r.tenant_id AND c.code = r.defect_code
                                WHERE r.plant_id = $1 AND r.period = $2 AND (cardinality($3::text[]) = 0 OR r.line_id = ANY($3))
                                GROUP BY r.line_id, r.work_center_id, r.defect_code, c.description, r.cost_type, r.coq_class
                                HAVING sum(r.events) <> 0
                                """)
                .execute(Tuple.of(plant, period, lines.toArray(String[]::new))).map(rows -> {
                    List<Sum> sums = new ArrayList<>();
                    for (Row row : rows) {
                        sums.add(new Sum(row.getString("line_id"), row.getString("work_center_id"),
                                row.getString("defect_code"), row.getString("description"), row.getString("cost_type"),
                                row.getString("coq_class"), row.getBigDecimal("amount"), row.getBigDecimal("quantity"),
                                row.getLong("events")));
                    }
                    return sums;
                });
    }

    public Uni<BigDecimal> total(SqlConnection connection, String plant, String period, List<String> lines) {
        return connection.preparedQuery("""
                SELECT coalesce(sum(amount), 0) FROM cost_rollups
                WHERE plant_id = $1 AND period = $2 AND (cardinality($3::text[]) = 0 OR line_id = ANY($3))
                """).execute(Tuple.of(plant, period, lines.toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getBigDecimal(0));
    }

    /** Events of the period still waiting in an open exception; {@code lines} empty means every line. */
    public Uni<Uncosted> uncosted(SqlConnection connection, String plant, String period, List<String> lines) {
        return connection.preparedQuery("""
                SELECT count(*), coalesce(sum(quantity), 0) FROM costing_exceptions
                WHERE plant_id = $1 AND period = $2 AND status = 'open'
                  AND (cardinality($3::text[]) = 0 OR line_id = ANY($3))
                """).execute(Tuple.of(plant, period, lines.toArray(String[]::new))).map(rows -> {
            Row row = rows.iterator().next();
            return new Uncosted(row.getLong(0), row.getBigDecimal(1));
        });
    }

    /** Every budget of the plant-period; {@link Budgets#budget} picks what a report compares with. */
    public Uni<List<Budgets.Row>> budgets(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT line_id, scrap_budget, rework_budget FROM budgets WHERE plant_id = $1 AND period = $2
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<Budgets.Row> budgets = new ArrayList<>();
            for (Row row : rows) {
                budgets.add(new Budgets.Row(row.getString(0), row.getBigDecimal(1), row.getBigDecimal(2)));
            }
            return budgets;
        });
    }

    /** The "vital few" share of the tenant's approved cost schema, if one is approved. */
    public Uni<Optional<BigDecimal>> vitalFewThreshold(SqlConnection connection) {
        return connection.query("SELECT vital_few_threshold FROM cost_schemas WHERE status = 'approved'").execute().map(
                rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBigDecimal(0)));
    }

    private static Plant toPlant(Row row) {
        return new Plant(row.getString("plant_id"), row.getString("name"), row.getString("currency"),
                row.getString("fiscal_calendar"));
    }
}
