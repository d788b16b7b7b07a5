package io.scrapline.alert.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.OpenedAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The alert log: one row per alert, its sending and its acknowledgement. */
@ApplicationScoped
public class AlertLogRepository {

    /** The id, time and recipients of a row just written. */
    public record Opened(long alertId, Instant at, List<String> recipients) {
    }

    private static final String COLUMNS = """
            alert_id, rule_id, rule_name, level, plant_id, line_id, work_center_id, shift, period, defect_code,
            defect_category, metric, window_kind, window_key, window_label, window_start, window_end, value, threshold,
            threshold_basis, currency, recipients, audience_ids, escalation_policy_id, top_events, status, attempts,
            last_error, created_at, sent_at""";

    /**
     * Writes the alert unless the rule has one of that level for the window instance (the unique key decides between
     * evaluations running at once); its recipients are the email addresses of the level's audiences' members, each once
     * in the audiences' order. Only the call that wrote the row gets it back.
     */
    public Uni<Optional<Opened>> open(SqlConnection connection, OpenedAlert alert) {
        JsonArray events = new JsonArray();
        alert.topEvents()
                .forEach(e -> events.add(new JsonObject().put("event_id", e.eventId())
                        .put("occurred_at", e.occurredAt().toString()).put("part", e.part())
                        .put("defect_code", e.defectCode()).put("quantity", e.quantity().toPlainString())
                        .put("amount", e.amount().toPlainString()).put("ncr", e.ncr())));
        Tuple values = Tuple.tuple().addValue(alert.ruleId()).addValue(alert.ruleName()).addValue(alert.level().code())
                .addValue(alert.plant()).addValue(alert.line()).addValue(alert.workCenter()).addValue(alert.shift())
                .addValue(alert.period()).addValue(alert.defectCode()).addValue(alert.defectCategory())
                .addValue(alert.metric().code()).addValue(alert.window().kind().code()).addValue(alert.windowKey())
                .addValue(alert.window().label()).addValue(alert.window().start().toOffsetDateTime())
                .addValue(alert.window().end().toOffsetDateTime()).addValue(alert.figure()).addValue(alert.threshold())
                .addValue(alert.thresholdBasis()).addValue(alert.currency())
                .addValue(alert.audienceIds().toArray(String[]::new)).addValue(alert.escalationPolicyId())
                .addValue(events);
        return connection.preparedQuery("""
                INSERT INTO alert_log (tenant_id, rule_id, rule_name, level, plant_id, line_id, work_center_id, shift,
                    period, defect_code, defect_category, metric, window_kind, window_key, window_label, window_start,
                    window_end, value, threshold, threshold_basis, currency, audience_ids, escalation_policy_id,
                    top_events, recipients, status)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                    $18, $19, $20, $21, $22, $23,
                    coalesce((SELECT array_agg(r.email ORDER BY r.first) FROM (
                        SELECT m.member ->> 'email' AS email, min(a.ord * 100000 + m.pos) AS first
                        FROM unnest($21::text[]) WITH ORDINALITY AS a(audience_id, ord)
                        JOIN audiences x ON x.audience_id = a.audience_id
                        CROSS JOIN LATERAL jsonb_array_elements(x.members) WITH ORDINALITY AS m(member, pos)
                        WHERE m.member ->> 'email' IS NOT NULL
                        GROUP BY 1) r), '{}'),
                    'pending')
                ON CONFLICT (tenant_id, rule_id, window_key, level) DO NOTHING
                RETURNING alert_id, created_at, recipients
                """).execute(values).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Opened(row.getLong(0), row.getOffsetDateTime(1).toInstant(),
                    List.of(row.getArrayOfStrings(2))));
        });
    }

    /**
     * The alerts of {@code plants} (every plant when empty) and, when {@code lines} is not empty, of those lines only
     * (an alert of a whole plant has none), newest first.
     */
    public Uni<List<LoggedAlert>> list(SqlConnection connection, String status, String[] plants, String[] lines) {
        return connection.preparedQuery("SELECT " + COLUMNS + """

                FROM alert_log WHERE ($1::text IS NULL OR status = $1)
                  AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                  AND (cardinality($3::text[]) = 0 OR line_id = ANY($3))
                ORDER BY alert_id DESC LIMIT 500
                """).execute(Tuple.of(status, plants, lines)).map(AlertLogRepository::alerts);
    }

    /** The alert, if it is one of {@code plants} (every plant when empty). */
    public Uni<Optional<LoggedAlert>> find(SqlConnection connection, long alertId, String[] plants) {
        return connection.preparedQuery("SELECT " + COLUMNS + """

                FROM alert_log WHERE alert_id = $1 AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                """).execute(Tuple.of(alertId, plants)).map(rows -> alerts(rows).stream().findFirst());
    }

    /** Whether an alert of {@code plants} (every plant when empty) was there to acknowledge. */
    public Uni<Boolean> acknowledge(SqlConnection connection, long alertId, String[] plants) {
        return connection.preparedQuery("""
                UPDATE alert_log SET status = 'acknowledged'
                WHERE alert_id = $1 AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                """).execute(Tuple.of(alertId, plants)).map(rows -> rows.rowCount() > 0);
    }

    private static List<LoggedAlert> alerts(Iterable<Row> rows) {
        List<LoggedAlert> alerts = new ArrayList<>();
        for (Row row : rows) {
            List<Event> events = new ArrayList<>();
            ((JsonArray) row.getValue("top_events")).forEach(value -> {
                JsonObject e = (JsonObject) value;
                events.add(new Event(e.getLong("event_id"), Instant.parse(e.getString("occurred_at")),
                        e.getString("part"), e.getString("defect_code"), new BigDecimal(e.getString("quantity")),
                        new BigDecimal(e.getString("amount")), e.getString("ncr")));
            });
            alerts.add(new LoggedAlert(row.getLong("alert_id"), row.getString("rule_id"), row.getString("rule_name"),
                    Level.valueOf(row.getString("level").toUpperCase(Locale.ROOT)), row.getString("plant_id"),
                    row.getString("line_id"), row.getString("work_center_id"), row.getString("shift"),
                    row.getString("period"), row.getString("defect_code"), row.getString("defect_category"),
                    Metric.valueOf(row.getString("metric").toUpperCase(Locale.ROOT)), row.getString("window_kind"),
                    row.getString("window_key"), row.getString("window_label"), row.getOffsetDateTime("window_start"),
                    row.getOffsetDateTime("window_end"), row.getBigDecimal("value"), row.getBigDecimal("threshold"),
                    row.getString("threshold_basis"), row.getString("currency"),
                    List.of(row.getArrayOfStrings("recipients")), List.of(row.getArrayOfStrings("audience_ids")),
                    row.getString("escalation_policy_id"), events, row.getString("status"), row.getInteger("attempts"),
                    row.getString("last_error"), row.getOffsetDateTime("created_at"),
                    row.getOffsetDateTime("sent_at")));
        }
        return alerts;
    }
}
