package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostedEvent;
import io.scrapline.costing.domain.CostedEventDetail;
import io.scrapline.costing.domain.CostedEventFilter;
import io.scrapline.costing.domain.CostedEventInputs;
import io.scrapline.costing.domain.UnitConversion;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads costed events for the API: a page of current events, or one event with what it was costed from. */
@ApplicationScoped
public class CostedEventRepository {

    private static final String COLUMNS = """
            event_id, source, source_id, record_version, plant_id, period, coalesce(event_period, period) AS event_period,
            line_id, work_center_id, shift, part,
            defect_code, coq_class, disposition, cost_type, quantity, unit_value, amount, currency, occurred_at,
            superseded, costed_at, schema_version, recoverable_amount, exposure_amount, ncr, work_order, scrap_action,
            scrap_account, labor_record_id IS NOT NULL AS without_defect_record, uom""";

    public Uni<List<CostedEvent>> list(SqlConnection connection, CostedEventFilter filter, int page, int size) {
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
                    List<CostedEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    /** The event {@code eventId}, with the inputs that replay it and the versions of its cost roll's records. */
    public Uni<Optional<CostedEventDetail>> find(SqlConnection connection, long eventId) {
        return connection.preparedQuery("SELECT " + COLUMNS + """
                , record_id, labor_record_id, ncr_record_id, work_order_record_id, cost_roll_effective_from,
                    cost_roll_record_ids, labor_rates, uom_conversion,
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
            Long[] costRoll = row.getArrayOfLongs("cost_roll_record_ids");
            CostedEventInputs inputs = new CostedEventInputs(eventId, row.getLong("record_id"),
                    row.getLong("labor_record_id"), row.getString("plant_id"), row.getString("line_id"),
                    row.getString("work_center_id"), row.getString("part"), row.getString("defect_code"),
                    row.getString("coq_class"), row.getString("period"), row.getString("event_period"),
                    row.getLong("ncr_record_id"), row.getLong("work_order_record_id"),
                    costRoll == null ? List.of() : List.of(costRoll), laborRates(row.getValue("labor_rates")),
                    row.getInteger("schema_version"), row.getBigDecimal("amount"),
                    row.getValue("uom_conversion") instanceof JsonObject conversion
                            ? UnitConversion.Factor.ofStored(conversion.getMap())
                            : null);
            return Optional.of(new CostedEventDetail(event(row), inputs, row.getLocalDate("cost_roll_effective_from"),
                    costRollLines(row.getValue("cost_roll_lines"))));
        });
    }

    /** The labor rates an event stored as it valued its hours, each as its explanation names it. */
    private static List<Map<String, Object>> laborRates(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<Map<String, Object>> rates = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            rates.add(array.getJsonObject(i).getMap());
        }
        return rates;
    }

    private static List<CostedEventDetail.CostRollRecord> costRollLines(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<CostedEventDetail.CostRollRecord> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject line = array.getJsonObject(i);
            lines.add(new CostedEventDetail.CostRollRecord(line.getString("operation"),
                    line.getString("effective_from"), line.getLong("record_id"), line.getInteger("version")));
        }
        return lines;
    }

    private static CostedEvent event(Row row) {
        return new CostedEvent(row.getLong("event_id"), row.getString("source"), row.getString("source_id"),
                row.getInteger("record_version"), row.getString("plant_id"), row.getString("period"),
                row.getString("event_period"), row.getString("line_id"), row.getString("work_center_id"),
                row.getString("shift"), row.getString("part"), row.getString("defect_code"), row.getString("coq_class"),
                row.getString("disposition"), row.getString("cost_type"), row.getBigDecimal("quantity"),
                row.getBigDecimal("unit_value"), row.getBigDecimal("amount"), row.getString("currency"),
                row.getOffsetDateTime("occurred_at"), row.getBoolean("superseded"), row.getOffsetDateTime("costed_at"),
                row.getInteger("schema_version"), row.getBigDecimal("recoverable_amount"),
                row.getBigDecimal("exposure_amount"), row.getString("ncr"), row.getString("work_order"),
                row.getString("scrap_action"), row.getString("scrap_account"), row.getBoolean("without_defect_record"),
                row.getString("uom"));
    }
}
