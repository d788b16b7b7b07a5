package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostedEventInputs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads costed events and exceptions for the API. */
@ApplicationScoped
public class CostedEventRepository {

    /**
     * Filters of the costed-events list; null means any. {@code plants} and {@code lines} are the token's scope; empty
     * means every plant or line.
     */
    public record Filter(String plant, String period, String line, String defectCode, String part, List<String> plants,
            List<String> lines) {
    }

    private static final String COLUMNS = """
            event_id, source, source_id, record_version, plant_id, period, coalesce(event_period, period) AS event_period,
            line_id, work_center_id, shift, part,
            defect_code, coq_class, disposition, cost_type, quantity, unit_value, amount, currency, occurred_at,
            superseded, costed_at, schema_version, recoverable_amount, exposure_amount, ncr, work_order, scrap_action,
            scrap_account, labor_record_id IS NOT NULL AS without_defect_record""";

    public Uni<List<Map<String, Object>>> list(SqlConnection connection, Filter filter, int page, int size) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM costed_events "
                + "WHERE NOT superseded AND ($1::text IS NULL OR plant_id = $1) AND ($2::text IS NULL OR period = $2) "
                + "AND ($3::text IS NULL OR line_id = $3) AND ($4::text IS NULL OR defect_code = $4) "
                + "AND ($5::text IS NULL OR part = $5) AND (cardinality($6::text[]) = 0 OR line_id = ANY($6)) "
                + "AND (cardinality($7::text[]) = 0 OR plant_id = ANY($7)) ORDER BY event_id LIMIT $8 OFFSET $9")
                .execute(Tuple.tuple().addValue(filter.plant()).addValue(filter.period()).addValue(filter.line())
                        .addValue(filter.defectCode()).addValue(filter.part())
                        .addValue(filter.lines().toArray(String[]::new))
                        .addValue(filter.plants().toArray(String[]::new)).addValue(size).addValue((long) page * size))
                .map(rows -> {
                    List<Map<String, Object>> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    /** An event as the API shows it, without its explanation, and the inputs that replay it. */
    public record Found(Map<String, Object> event, CostedEventInputs inputs) {
    }

    public Uni<Optional<Found>> find(SqlConnection connection, long eventId) {
        return connection.preparedQuery("SELECT " + COLUMNS + """
                , record_id, labor_record_id, ncr_record_id, work_order_record_id, cost_roll_effective_from,
                    cost_roll_record_ids, labor_rates,
                    (SELECT jsonb_agg(jsonb_build_object('operation', s.operation, 'effective_from', s.effective_from,
                                                         'record_id', s.record_id, 'version', s.version)
                                      ORDER BY s.operation)
                     FROM standard_cost_records s WHERE s.record_id = ANY(e.cost_roll_record_ids)) AS cost_roll_lines
                FROM costed_events e WHERE event_id = $1
                """).execute(Tuple.of(eventId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            Map<String, Object> event = event(row);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("schema_version", row.getInteger("schema_version"));
            provenance.put("ncr_record_id", row.getLong("ncr_record_id"));
            provenance.put("work_order_record_id", row.getLong("work_order_record_id"));
            provenance.put("cost_roll_effective_from", row.getLocalDate("cost_roll_effective_from"));
            provenance.put("cost_roll_lines", json(row.getValue("cost_roll_lines")));
            List<Map<String, Object>> laborRates = json(row.getValue("labor_rates"));
            provenance.put("labor_rates", laborRates);
            event.put("provenance", provenance);
            Long[] costRoll = row.getArrayOfLongs("cost_roll_record_ids");
            return Optional.of(new Found(event,
                    new CostedEventInputs(eventId, row.getLong("record_id"), row.getLong("labor_record_id"),
                            row.getString("plant_id"), row.getString("line_id"), row.getString("work_center_id"),
                            row.getString("part"), row.getString("defect_code"), row.getString("coq_class"),
                            row.getString("period"), row.getString("event_period"), row.getLong("ncr_record_id"),
                            row.getLong("work_order_record_id"), costRoll == null ? List.of() : List.of(costRoll),
                            laborRates, row.getInteger("schema_version"), row.getBigDecimal("amount"))));
        });
    }

    /**
     * Exceptions, newest last; {@code plants} and {@code lines} are the token's scope, empty for every plant and every
     * line.
     */
    public Uni<List<Map<String, Object>>> exceptions(SqlConnection connection, String plant, String period,
            String status, List<String> plants, List<String> lines) {
        return connection.preparedQuery("""
                SELECT exception_id, source, source_id, plant_id, period, quantity, reason, detail, status, created_at,
                    closed_at
                FROM costing_exceptions
                WHERE ($1::text IS NULL OR plant_id = $1) AND ($2::text IS NULL OR period = $2)
                  AND ($3::text IS NULL OR status = $3)
                  AND (cardinality($4::text[]) = 0 OR plant_id = ANY($4))
                  AND (cardinality($5::text[]) = 0 OR line_id = ANY($5))
                ORDER BY exception_id LIMIT 1000
                """)
                .execute(Tuple.of(plant, period, status, plants.toArray(String[]::new), lines.toArray(String[]::new)))
                .map(rows -> {
                    List<Map<String, Object>> found = new ArrayList<>();
                    for (Row row : rows) {
                        Map<String, Object> exception = new LinkedHashMap<>();
                        exception.put("id", row.getLong("exception_id"));
                        exception.put("source", row.getString("source"));
                        exception.put("source_id", row.getString("source_id"));
                        exception.put("plant", row.getString("plant_id"));
                        exception.put("period", row.getString("period"));
                        exception.put("quantity", row.getBigDecimal("quantity"));
                        exception.put("reason", row.getString("reason"));
                        exception.put("detail", row.getString("detail"));
                        exception.put("status", row.getString("status"));
                        exception.put("created_at", row.getOffsetDateTime("created_at"));
                        exception.put("closed_at", row.getOffsetDateTime("closed_at"));
                        found.add(exception);
                    }
                    return found;
                });
    }

    private static List<Map<String, Object>> json(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(array.getJsonObject(i).getMap());
        }
        return items;
    }

    private static Map<String, Object> event(Row row) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", row.getLong("event_id"));
        event.put("source", row.getString("source"));
        event.put("source_id", row.getString("source_id"));
        event.put("record_version", row.getInteger("record_version"));
        event.put("plant", row.getString("plant_id"));
        event.put("period", row.getString("period"));
        event.put("event_period", row.getString("event_period"));
        event.put("line", row.getString("line_id"));
        event.put("work_center", row.getString("work_center_id"));
        event.put("shift", row.getString("shift"));
        event.put("part", row.getString("part"));
        event.put("defect_code", row.getString("defect_code"));
        event.put("coq_class", row.getString("coq_class"));
        event.put("disposition", row.getString("disposition"));
        event.put("cost_type", row.getString("cost_type"));
        event.put("quantity", row.getBigDecimal("quantity").stripTrailingZeros().toPlainString());
        event.put("unit_value", row.getBigDecimal("unit_value"));
        event.put("amount", row.getBigDecimal("amount"));
        event.put("currency", row.getString("currency"));
        event.put("occurred_at", row.getOffsetDateTime("occurred_at"));
        event.put("superseded", row.getBoolean("superseded"));
        event.put("costed_at", row.getOffsetDateTime("costed_at"));
        event.put("schema_version", row.getInteger("schema_version"));
        event.put("recoverable_amount", row.getBigDecimal("recoverable_amount"));
        event.put("exposure_amount", row.getBigDecimal("exposure_amount"));
        event.put("ncr", row.getString("ncr"));
        event.put("work_order", row.getString("work_order"));
        event.put("scrap_action", row.getString("scrap_action"));
        event.put("scrap_account", row.getString("scrap_account"));
        event.put("rework_without_defect_record", row.getBoolean("without_defect_record"));
        return event;
    }
}
