package io.scrapline.reporting.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.BudgetEntry;
import io.scrapline.reporting.domain.Budgets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Budgets by plant, line and period: a whole list per statement. */
@ApplicationScoped
public class BudgetRepository {

    /** The fiscal calendar setting of each of the named plants that the tenant has. */
    public Uni<Map<String, String>> calendars(SqlConnection connection, List<String> plants) {
        return connection.preparedQuery("SELECT plant_id, fiscal_calendar FROM plants WHERE plant_id = ANY($1)")
                .execute(Tuple.of(plants.toArray(String[]::new))).map(rows -> {
                    Map<String, String> calendars = new HashMap<>();
                    for (Row row : rows) {
                        calendars.put(row.getString(0), row.getString(1));
                    }
                    return calendars;
                });
    }

    /** Stores checked budgets; {@code line} is already {@link Budgets#WHOLE_PLANT} for a plant-level row. */
    public Uni<Void> upsert(SqlConnection connection, List<BudgetEntry> budgets) {
        return connection.preparedQuery("""
                INSERT INTO budgets (tenant_id, plant_id, line_id, period, scrap_budget, rework_budget)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]::numeric[],
                    $5::text[]::numeric[]) AS u
                ON CONFLICT (tenant_id, plant_id, line_id, period)
                DO UPDATE SET scrap_budget = excluded.scrap_budget, rework_budget = excluded.rework_budget,
                    updated_at = now()
                """)
                .execute(Tuple.of(budgets.stream().map(BudgetEntry::plant).toArray(String[]::new),
                        budgets.stream().map(BudgetEntry::line).toArray(String[]::new),
                        budgets.stream().map(BudgetEntry::period).toArray(String[]::new),
                        budgets.stream().map(b -> b.scrapBudget().strip()).toArray(String[]::new),
                        budgets.stream().map(b -> b.reworkBudget().strip()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Budgets of the plants (empty: every plant) and the period (null: every period). */
    public Uni<List<BudgetEntry.Stored>> list(SqlConnection connection, List<String> plants, String period) {
        return connection.preparedQuery("""
                SELECT plant_id, nullif(line_id, '') AS line_id, period, scrap_budget, rework_budget, updated_at
                FROM budgets
                WHERE (cardinality($1::text[]) = 0 OR plant_id = ANY($1)) AND ($2::text IS NULL OR period = $2)
                ORDER BY plant_id, period, budgets.line_id -- the stored '': the whole plant first
                """).execute(Tuple.of(plants.toArray(String[]::new), period)).map(rows -> {
            List<BudgetEntry.Stored> budgets = new ArrayList<>();
            for (Row row : rows) {
                budgets.add(new BudgetEntry.Stored(row.getString("plant_id"), row.getString("line_id"),
                        row.getString("period"), row.getBigDecimal("scrap_budget"), row.getBigDecimal("rework_budget"),
                        row.getOffsetDateTime("updated_at")));
            }
            return budgets;
        });
    }
}
