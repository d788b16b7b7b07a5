package io.scrapline.alert.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.domain.LoggedAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rules and the alert log. */
@ApplicationScoped
public class AlertRepository {

    /**
     * A rule whose metric is over its threshold in a period that has no alert yet: the plant's name, time zone and
     * fiscal calendar place the period, the rule's audience hears of it, and {@code recipients} are its members' email
     * addresses, for the log.
     */
    public record Breach(String ruleId, String plant, String plantName, String timeZone, String fiscalCalendar,
            String period, String defectCode, BigDecimal value, BigDecimal threshold, String currency, String audience,
            List<String> recipients) {
    }

    /** Which of the rule's references are missing: {@code plant}, {@code audience}. */
    public Uni<List<String>> missingReferences(SqlConnection connection, AlertInputs.Rule rule) {
        return connection.preparedQuery("""
                SELECT NOT EXISTS (SELECT 1 FROM plants WHERE plant_id = $1),
                       NOT EXISTS (SELECT 1 FROM audiences WHERE audience_id = $2)
                """).execute(Tuple.of(rule.plant(), rule.audience())).map(rows -> {
            Row row = rows.iterator().next();
            List<String> missing = new ArrayList<>();
            if (row.getBoolean(0)) {
                missing.add("plant");
            }
            if (row.getBoolean(1)) {
                missing.add("audience");
            }
            return missing;
        });
    }

    /**
     * Stores the rule unless it exists and watches a plant outside {@code plants} (every plant when empty): a token of
     * one plant does not take over another plant's rule. Whether it was stored.
     */
    public Uni<Boolean> upsertRule(SqlConnection connection, String rule, AlertInputs.Rule request, String[] plants) {
        return connection.preparedQuery("""
                INSERT INTO alert_rules (tenant_id, rule_id, plant_id, defect_code, metric, time_window, threshold,
                    audience_id, enabled)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (tenant_id, rule_id) DO UPDATE SET plant_id = excluded.plant_id,
                    defect_code = excluded.defect_code, metric = excluded.metric, time_window = excluded.time_window,
                    threshold = excluded.threshold, audience_id = excluded.audience_id, enabled = excluded.enabled,
                    updated_at = now()
                WHERE cardinality($9::text[]) = 0 OR alert_rules.plant_id = ANY($9)
                """).execute(Tuple.tuple().addValue(rule).addValue(request.plant()).addValue(request.defectCode())
                .addValue(request.metric()).addValue(request.window()).addValue(request.threshold())
                .addValue(request.audience()).addValue(request.enabled() == null || request.enabled()).addValue(plants))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Rules over their threshold with no alert for the period yet; narrowed to a plant, period and codes when given (a
     * prompt), or every rule (the sweep); of {@code plants} only unless that is empty.
     */
    public Uni<List<Breach>> breaches(SqlConnection connection, String plant, String period, List<String> codes,
            String[] plants) {
        return connection.preparedQuery("""
                SELECT r.rule_id, r.plant_id, p.name AS plant_name, p.time_zone, p.fiscal_calendar, c.period,
                    r.defect_code, sum(c.amount) AS value, r.threshold, p.currency, r.audience_id, a.members
                FROM alert_rules r
                JOIN cost_rollups c ON c.tenant_id = r.tenant_id AND c.plant_id = r.plant_id
                    AND c.defect_code = r.defect_code
                JOIN plants p ON p.tenant_id = r.tenant_id AND p.plant_id = r.plant_id
                JOIN audiences a ON a.tenant_id = r.tenant_id AND a.audience_id = r.audience_id
                WHERE r.enabled AND ($1::text IS NULL OR r.plant_id = $1) AND ($2::text IS NULL OR c.period = $2)
                  AND ($3::text[] IS NULL OR r.defect_code = ANY($3))
                  AND (cardinality($4::text[]) = 0 OR r.plant_id = ANY($4))
                  AND NOT EXISTS (SELECT 1 FROM alert_log l WHERE l.tenant_id = r.tenant_id
                                  AND l.rule_id = r.rule_id AND l.period = c.period)
                GROUP BY r.rule_id, r.plant_id, p.name, p.time_zone, p.fiscal_calendar, c.period, r.defect_code,
                    r.threshold, p.currency, r.audience_id, a.members
                HAVING sum(c.amount) > r.threshold
                """).execute(Tuple.of(plant, period, codes == null ? null : codes.toArray(String[]::new), plants))
                .map(rows -> {
                    List<Breach> breaches = new ArrayList<>();
                    rows.forEach(row -> breaches.add(breach(row, (JsonArray) row.getValue("members"))));
                    return breaches;
                });
    }

    /** Logs the alert unless the rule already has one for the period; the id only if this call logged it. */
    public Uni<Optional<Long>> log(SqlConnection connection, Breach breach) {
        return connection.preparedQuery("""
                INSERT INTO alert_log (tenant_id, rule_id, plant_id, period, defect_code, value, threshold, currency,
                    recipients, status)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, 'pending')
                ON CONFLICT (tenant_id, rule_id, period) DO NOTHING
                RETURNING alert_id
                """)
                .execute(Tuple.tuple().addValue(breach.ruleId()).addValue(breach.plant()).addValue(breach.period())
                        .addValue(breach.defectCode()).addValue(breach.value()).addValue(breach.threshold())
                        .addValue(breach.currency()).addValue(breach.recipients().toArray(String[]::new)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /** The alerts of {@code plants} (every plant when empty), newest first. */
    public Uni<List<LoggedAlert>> list(SqlConnection connection, String status, String[] plants) {
        return connection.preparedQuery("""
                SELECT alert_id, rule_id, plant_id, period, defect_code, value, threshold, currency, recipients,
                    status, attempts, last_error, created_at, sent_at
                FROM alert_log WHERE ($1::text IS NULL OR status = $1)
                  AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                ORDER BY alert_id DESC LIMIT 500
                """).execute(Tuple.of(status, plants)).map(rows -> {
            List<LoggedAlert> alerts = new ArrayList<>();
            rows.forEach(row -> alerts.add(logged(row)));
            return alerts;
        });
    }

    /** The alert, if it is one of {@code plants} (every plant when empty). */
    public Uni<Optional<LoggedAlert>> find(SqlConnection connection, long alertId, String[] plants) {
        return connection.preparedQuery("""
                SELECT alert_id, rule_id, plant_id, period, defect_code, value, threshold, currency, recipients,
                    status, attempts, last_error, created_at, sent_at
                FROM alert_log WHERE alert_id = $1 AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                """).execute(Tuple.of(alertId, plants))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(logged(rows.iterator().next())));
    }

    private static LoggedAlert logged(Row row) {
        return new LoggedAlert(row.getLong("alert_id"), row.getString("rule_id"), row.getString("plant_id"),
                row.getString("period"), row.getString("defect_code"), row.getBigDecimal("value"),
                row.getBigDecimal("threshold"), row.getString("currency"), List.of(row.getArrayOfStrings("recipients")),
                row.getString("status"), row.getInteger("attempts"), row.getString("last_error"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("sent_at"));
    }

    /** Whether an alert of {@code plants} (every plant when empty) was there to acknowledge. */
    public Uni<Boolean> acknowledge(SqlConnection connection, long alertId, String[] plants) {
        return connection.preparedQuery("""
                UPDATE alert_log SET status = 'acknowledged'
                WHERE alert_id = $1 AND (cardinality($2::text[]) = 0 OR plant_id = ANY($2))
                """).execute(Tuple.of(alertId, plants)).map(rows -> rows.rowCount() > 0);
    }

    private static Breach breach(Row row, JsonArray members) {
        List<String> recipients = new ArrayList<>();
        members.forEach(member -> {
            String email = ((JsonObject) member).getString("email");
            if (email != null) {
                recipients.add(email);
            }
        });
        return new Breach(row.getString("rule_id"), row.getString("plant_id"), row.getString("plant_name"),
                row.getString("time_zone"), row.getString("fiscal_calendar"), row.getString("period"),
                row.getString("defect_code"), row.getBigDecimal("value"), row.getBigDecimal("threshold"),
                row.getString("currency"), row.getString("audience_id"), recipients);
    }
}
