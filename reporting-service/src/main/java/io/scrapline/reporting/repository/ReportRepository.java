package io.scrapline.reporting.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.Budgets;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder.NcrCount;
import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportBuilder.Threshold;
import io.scrapline.reporting.domain.ReportBuilder.WeekCost;
import io.scrapline.reporting.domain.ReportBuilder.YearSum;
import io.scrapline.reporting.domain.ReportFigures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the rollups costing keeps; a report never scans costed events. */
@ApplicationScoped
public class ReportRepository {

    public record Plant(String plant, String name, String currency, String timeZone, String fiscalCalendar) {
    }

    /** The tenant's reporting currency and, from its approved cost schema if any, FX policy and rounding. */
    public record TenantSettings(String reportingCurrency, String fxPolicy, String rounding) {
    }

    public Uni<Optional<Plant>> plant(SqlConnection connection, String plant) {
        return connection
                .preparedQuery(
                        "SELECT plant_id, name, currency, time_zone, fiscal_calendar FROM plants WHERE plant_id = $1")
                .execute(Tuple.of(plant))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPlant(rows.iterator().next())));
    }

    /** The rollups of a plant-period by shift. */
    public Uni<List<Sum>> sums(SqlConnection connection, String plant, String period) {
        return connection
                .preparedQuery(
                        """
                                SELECT r.line_id, r.work_center_id, r.defect_code, coalesce(c.description, r.defect_code) AS description,
                                    r.cost_type, r.coq_class, r.shift, sum(r.amount) AS amount, sum(r.quantity) AS quantity,
                                    sum(r.events) AS events, sum(r.recoverable_amount) AS recoverable,
                                    sum(r.exposure_amount) AS exposure
                                FROM cost_rollups r
                                LEFT JOIN defect_codes c ON c.tenant_id = r.tenant_id AND c.code = r.defect_code
                                WHERE r.plant_id = $1 AND r.period = $2
                                GROUP BY r.line_id, r.work_center_id, r.defect_code, c.description, r.cost_type, r.coq_class,
                                    r.shift
                                HAVING sum(r.events) <> 0
                                """)
                .execute(Tuple.of(plant, period)).map(ReportRepository::sums);
    }

    /**
     * Rows of sums in the rollups' grouping: line_id, work_center_id, defect_code, description, cost_type, coq_class,
     * shift, amount, quantity, events, recoverable and exposure.
     */
    static List<Sum> sums(RowSet<Row> rows) {
        List<Sum> sums = new ArrayList<>();
        for (Row row : rows) {
            sums.add(new Sum(row.getString("line_id"), row.getString("work_center_id"), row.getString("defect_code"),
                    row.getString("description"), row.getString("cost_type"), row.getString("coq_class"),
                    row.getBigDecimal("amount"), row.getBigDecimal("quantity"), row.getLong("events"),
                    row.getString("shift"), row.getBigDecimal("recoverable"), row.getBigDecimal("exposure")));
        }
        return sums;
    }

    /** The rollups of the periods of the fiscal year to date, by line, cost type and COQ class. */
    public Uni<List<YearSum>> yearToDate(SqlConnection connection, String plant, List<String> periods) {
        return connection.preparedQuery("""
                SELECT line_id, cost_type, coq_class, sum(amount), sum(events) FROM cost_rollups
                WHERE plant_id = $1 AND period = ANY($2::text[])
                GROUP BY line_id, cost_type, coq_class
                HAVING sum(events) <> 0
                """).execute(Tuple.of(plant, periods.toArray(String[]::new))).map(rows -> {
            List<YearSum> sums = new ArrayList<>();
            for (Row row : rows) {
                sums.add(new YearSum(row.getString(0), row.getString(1), row.getString(2), row.getBigDecimal(3),
                        row.getLong(4)));
            }
            return sums;
        });
    }

    /** The weekly rollups (V14__report_content.sql) of the weeks from Monday {@code first} to Monday {@code last}. */
    public Uni<List<WeekCost>> weekly(SqlConnection connection, String plant, LocalDate first, LocalDate last) {
        return connection.preparedQuery("""
                SELECT line_id, week_start, defect_code, sum(amount) FROM cost_rollups_weekly
                WHERE plant_id = $1 AND week_start BETWEEN $2 AND $3
                GROUP BY line_id, week_start, defect_code
                """).execute(Tuple.of(plant, first, last)).map(rows -> {
            List<WeekCost> costs = new ArrayList<>();
            for (Row row : rows) {
                costs.add(new WeekCost(row.getString(0), row.getLocalDate(1), row.getString(2), row.getBigDecimal(3)));
            }
            return costs;
        });
    }

    /**
     * The plant's NCRs by defect code and corrective-action status, each NCR at its latest version (the highest version
     * of its number in the plant, as costing reads it), with how many of them are open.
     */
    public Uni<List<NcrCount>> ncrCounts(SqlConnection connection, String plant) {
        return connection.preparedQuery("""
                SELECT defect_code, corrective_action_status, count(*), count(*) FILTER (WHERE status = 'open')
                FROM (SELECT DISTINCT ON (source_id) defect_code, corrective_action_status, status
                      FROM ncr_records WHERE plant_id = $1
                      ORDER BY source_id, version DESC, record_id DESC) latest
                WHERE defect_code IS NOT NULL
                GROUP BY defect_code, corrective_action_status
                """).execute(Tuple.of(plant)).map(rows -> {
            List<NcrCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new NcrCount(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3)));
            }
            return counts;
        });
    }

    /**
     * The period cost threshold of each defect code of the plant: the lowest of its enabled alert rules on cost per
     * period, the first at which an alert fires.
     */
    public Uni<List<Threshold>> thresholds(SqlConnection connection, String plant) {
        return connection
                .preparedQuery(
                        """
                                SELECT defect_code, min(threshold) FROM alert_rules
                                WHERE plant_id = $1 AND enabled AND defect_code IS NOT NULL AND metric = 'cost' AND time_window = 'period'
                                GROUP BY defect_code
                                """)
                .execute(Tuple.of(plant)).map(rows -> {
                    List<Threshold> thresholds = new ArrayList<>();
                    for (Row row : rows) {
                        thresholds.add(new Threshold(row.getString(0), row.getBigDecimal(1)));
                    }
                    return thresholds;
                });
    }

    /** The plant-period's planned and unplanned scrap by part and operation. */
    public Uni<List<Report.ScrapVariance>> scrapVariances(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT part, operation, planned_quantity, unplanned_quantity, variance_quantity, variance_value,
                    confirmations
                FROM scrap_variances WHERE plant_id = $1 AND period = $2 AND confirmations <> 0
                ORDER BY part, operation
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<Report.ScrapVariance> variances = new ArrayList<>();
            for (Row row : rows) {
                variances.add(new Report.ScrapVariance(row.getString(0), row.getString(1),
                        row.getBigDecimal(2).stripTrailingZeros(), row.getBigDecimal(3).stripTrailingZeros(),
                        row.getBigDecimal(4).stripTrailingZeros(), row.getBigDecimal(5), row.getLong(6)));
            }
            return variances;
        });
    }

    /** The plant-period's total cost by line. */
    public Uni<List<ReportFigures.LineTotal>> totalsByLine(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT line_id, sum(amount) FROM cost_rollups WHERE plant_id = $1 AND period = $2 GROUP BY line_id
                """).execute(Tuple.of(plant, period)).map(ReportRepository::lineTotals);
    }

    /** Rows of line and total cost. */
    static List<ReportFigures.LineTotal> lineTotals(RowSet<Row> rows) {
        List<ReportFigures.LineTotal> totals = new ArrayList<>();
        for (Row row : rows) {
            totals.add(new ReportFigures.LineTotal(row.getString(0), row.getBigDecimal(1)));
        }
        return totals;
    }

    /** Events of the plant-period still waiting in an open exception, by line. */
    public Uni<List<ReportFigures.LineUncosted>> uncostedByLine(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT line_id, count(*), sum(quantity) FROM costing_exceptions
                WHERE plant_id = $1 AND period = $2 AND status = 'open'
                GROUP BY line_id
                """).execute(Tuple.of(plant, period)).map(ReportRepository::lineUncosted);
    }

    /** Rows of line, events and quantity waiting in open exceptions. */
    static List<ReportFigures.LineUncosted> lineUncosted(RowSet<Row> rows) {
        List<ReportFigures.LineUncosted> uncosted = new ArrayList<>();
        for (Row row : rows) {
            uncosted.add(new ReportFigures.LineUncosted(row.getString(0), row.getLong(1), row.getBigDecimal(2)));
        }
        return uncosted;
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

    /** Every plant of the tenant, by id. */
    public Uni<List<Plant>> plants(SqlConnection connection) {
        return connection
                .query("SELECT plant_id, name, currency, time_zone, fiscal_calendar FROM plants ORDER BY plant_id")
                .execute().map(rows -> {
                    List<Plant> plants = new ArrayList<>();
                    for (Row row : rows) {
                        plants.add(toPlant(row));
                    }
                    return plants;
                });
    }

    /** Empty for a tenant that was never registered. */
    public Uni<Optional<TenantSettings>> tenantSettings(SqlConnection connection) {
        return connection.query("""
                SELECT t.reporting_currency, coalesce(s.fx_policy, 'average'), coalesce(s.rounding, 'half_up')
                FROM tenants t LEFT JOIN cost_schemas s ON s.tenant_id = t.tenant_id AND s.status = 'approved'
                """).execute().map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new TenantSettings(row.getString(0), row.getString(1), row.getString(2)));
        });
    }

    /** The period's rates of one kind into {@code currency}, by the currency they convert. */
    public Uni<Map<String, BigDecimal>> ratesInto(SqlConnection connection, String currency, String period,
            String kind) {
        return connection.preparedQuery("""
                SELECT from_currency, rate FROM fx_rates WHERE to_currency = $1 AND period = $2 AND kind = $3
                """).execute(Tuple.of(currency, period, kind)).map(rows -> {
            Map<String, BigDecimal> rates = new HashMap<>();
            for (Row row : rows) {
                rates.put(row.getString(0), row.getBigDecimal(1));
            }
            return rates;
        });
    }

    private static Plant toPlant(Row row) {
        return new Plant(row.getString("plant_id"), row.getString("name"), row.getString("currency"),
                row.getString("time_zone"), row.getString("fiscal_calendar"));
    }
}
