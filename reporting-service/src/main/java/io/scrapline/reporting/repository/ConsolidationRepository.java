package io.scrapline.reporting.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The totals of many plants of one period in two statements, whatever the number of plants: the stored version of each
 * closed plant-period, the rollups of each open one. A plant's report reads a dozen aggregates; a consolidation needs
 * only the totals and the cost-of-quality classes.
 */
@ApplicationScoped
public class ConsolidationRepository {

    private static final BigDecimal NO_THRESHOLD = BigDecimal.ONE;

    private final ObjectMapper json;

    public ConsolidationRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Each plant's report of the period with its totals and cost-of-quality classes only, in the order of
     * {@code plants}: the latest stored version of a closed period, else the figures of the rollups.
     */
    public Uni<List<Report>> totals(SqlConnection connection, List<ReportRepository.Plant> plants, String period,
            String view) {
        String[] ids = plants.stream().map(ReportRepository.Plant::plant).toArray(String[]::new);
        return stored(connection, ids, period).chain(stored -> rollups(connection, ids, period).map(rollups -> {
            List<Report> reports = new ArrayList<>();
            for (ReportRepository.Plant plant : plants) {
                Row closed = stored.get(plant.plant());
                reports.add(closed != null ? closedReport(plant, period, view, closed)
                        : ReportBuilder.build(plant.plant(), plant.name(), period, plant.currency(), view,
                                rollups.getOrDefault(plant.plant(), List.of()), 0, BigDecimal.ZERO, BigDecimal.ZERO,
                                NO_THRESHOLD, null));
            }
            return reports;
        }));
    }

    /** The latest stored version of each closed plant-period: version, totals and classes as JSON. */
    private Uni<Map<String, Row>> stored(SqlConnection connection, String[] plants, String period) {
        return connection.preparedQuery("""
                SELECT DISTINCT ON (plant_id) plant_id, version, (report->'totals')::text, (report->'coq')::text
                FROM report_snapshots
                WHERE period = $1 AND plant_id = ANY($2::text[])
                ORDER BY plant_id, version DESC
                """).execute(Tuple.of(period, plants)).map(rows -> {
            Map<String, Row> stored = new HashMap<>();
            for (Row row : rows) {
                stored.put(row.getString(0), row);
            }
            return stored;
        });
    }

    /**
     * The open plant-periods' rollups by cost type and class. A rollup row is one group of a plant's report (its key is
     * the report's grouping), so the rows a report counts are those with events, and the totals built from these sums
     * are the plant report's.
     */
    private Uni<Map<String, List<ReportBuilder.Sum>>> rollups(SqlConnection connection, String[] plants,
            String period) {
        return connection.preparedQuery("""
                SELECT plant_id, cost_type, coq_class, sum(amount), sum(quantity), sum(events)
                FROM cost_rollups
                WHERE period = $1 AND plant_id = ANY($2::text[]) AND events <> 0
                GROUP BY plant_id, cost_type, coq_class
                """).execute(Tuple.of(period, plants)).map(rows -> {
            Map<String, List<ReportBuilder.Sum>> sums = new HashMap<>();
            for (Row row : rows) {
                sums.computeIfAbsent(row.getString(0), plant -> new ArrayList<>())
                        .add(new ReportBuilder.Sum("", "", "", null, row.getString(1), row.getString(2),
                                row.getBigDecimal(3), row.getBigDecimal(4), row.getLong(5), "", null, null));
            }
            return sums;
        });
    }

    private Report closedReport(ReportRepository.Plant plant, String period, String view, Row stored) {
        try {
            Report.Totals totals = json.readValue(stored.getString(2), Report.Totals.class);
            String coq = stored.getString(3);
            return Report
                    .summary(plant.plant(), plant.name(), period, plant.currency(), view, totals,
                            coq == null ? List.of() : List.of(json.readValue(coq, Report.CoqCost[].class)))
                    .closed(stored.getInteger(1), view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the stored report of " + plant.plant() + " for " + period + " has totals that are not JSON", e);
        }
    }
}
