package io.scrapline.alert.repository;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.Breach;
import io.scrapline.alert.domain.CandidateRule;
import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.RuleWindow;
import io.scrapline.alert.domain.Touch;
import io.scrapline.alert.domain.WindowTarget;
import io.scrapline.platform.period.FiscalCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The evaluation's reads: which enabled rules a change reaches, and, over the current costed events, which window
 * instances of them are over a threshold (one statement per kind of window, for every rule of that kind at once) and
 * the largest events behind one.
 */
@ApplicationScoped
public class EvaluationRepository {

    /**
     * The enabled rules with thresholds of the plant {@code touch} names (else of every plant, of {@code plants} only
     * unless that is empty) whose scope its lines, work centers, shifts and codes reach: a rule's line (work center,
     * shift, code) must be one of them, its category that of one of the codes; an unknown set reaches every rule.
     */
    public Uni<List<CandidateRule>> candidates(SqlConnection connection, Touch touch, String[] plants) {
        return connection.preparedQuery("""
                SELECT r.rule_id, r.name, r.plant_id, p.name AS plant_name, p.currency, p.time_zone,
                    p.fiscal_calendar, r.line_id, r.work_center_id, r.defect_code, r.defect_category, r.shift,
                    r.metric, r.time_window, r.window_hours,
                    (SELECT coalesce(max(t.trailing_windows), 0) FROM alert_thresholds t
                     WHERE t.rule_id = r.rule_id) AS max_trailing
                FROM alert_rules r
                JOIN plants p ON p.plant_id = r.plant_id
                WHERE r.enabled AND ($1::text IS NULL OR r.plant_id = $1)
                  AND (cardinality($2::text[]) = 0 OR r.plant_id = ANY($2))
                  AND ($3::text[] IS NULL OR r.line_id IS NULL OR r.line_id = ANY($3))
                  AND ($4::text[] IS NULL OR r.work_center_id IS NULL OR r.work_center_id = ANY($4))
                  AND ($5::text[] IS NULL OR r.shift IS NULL OR r.shift = ANY($5))
                  AND ($6::text[] IS NULL OR r.defect_code IS NULL OR r.defect_code = ANY($6))
                  AND ($6::text[] IS NULL OR r.defect_category IS NULL
                       OR EXISTS (SELECT 1 FROM defect_codes d
                                  WHERE d.category = r.defect_category AND d.code = ANY($6)))
                  AND EXISTS (SELECT 1 FROM alert_thresholds t WHERE t.rule_id = r.rule_id)
                ORDER BY r.rule_id
                """).execute(Tuple.of(touch.plant(), plants, array(touch.lines()), array(touch.workCenters()),
                array(touch.shifts()), array(touch.codes()))).map(rows -> {
                    List<CandidateRule> rules = new ArrayList<>();
                    for (Row row : rows) {
                        rules.add(new CandidateRule(row.getString("rule_id"), row.getString("name"),
                                row.getString("plant_id"), row.getString("plant_name"), row.getString("currency"),
                                ZoneId.of(row.getString("time_zone")),
                                FiscalCalendar.parse(row.getString("fiscal_calendar")), row.getString("line_id"),
                                row.getString("work_center_id"), row.getString("defect_code"),
                                row.getString("defect_category"), row.getString("shift"),
                                Metric.valueOf(row.getString("metric").toUpperCase(Locale.ROOT)),
                                RuleWindow.ofStored(row.getString("time_window")), row.getInteger("window_hours"),
                                row.getInteger("max_trailing")));
                    }
                    return rules;
                });
    }

    /** The instances of the targets, all of one kind of window, that are over a threshold without an alert yet. */
    public Uni<List<Breach>> breaches(SqlConnection connection, RuleWindow window, List<WindowTarget> targets) {
        Map<String, WindowTarget> byRule = new HashMap<>();
        targets.forEach(target -> byRule.put(target.rule().ruleId(), target));
        return connection.preparedQuery(WindowSql.of(window).breaches()).execute(targetTuple(targets)).map(rows -> {
            List<Breach> breaches = new ArrayList<>();
            for (Row row : rows) {
                breaches.add(new Breach(byRule.get(row.getString("rule_id")),
                        Level.valueOf(row.getString("level").toUpperCase(Locale.ROOT)), row.getString("window_key"),
                        row.getBigDecimal("figure"), row.getOffsetDateTime("first_at").toInstant(),
                        row.getOffsetDateTime("last_at").toInstant(), row.getBigDecimal("value"),
                        row.getBigDecimal("factor"), row.getLong("windows"), row.getBigDecimal("total"),
                        List.of(row.getArrayOfStrings("audience_ids")), row.getString("escalation_policy_id")));
            }
            return breaches;
        });
    }

    /** The {@code limit} largest events of the instance {@code key} of the target, by the rule's metric. */
    public Uni<List<Event>> topEvents(SqlConnection connection, WindowTarget target, String key, int limit) {
        Tuple values = targetTuple(List.of(target)).addValue(key).addValue(limit);
        return connection.preparedQuery(WindowSql.of(target.rule().window()).topEvents()).execute(values).map(rows -> {
            List<Event> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new Event(row.getLong("event_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                        row.getString("part"), row.getString("defect_code"), row.getBigDecimal("quantity"),
                        row.getBigDecimal("amount"), row.getString("ncr")));
            }
            return events;
        });
    }

    private static Tuple targetTuple(List<WindowTarget> targets) {
        return Tuple.tuple().addValue(targets.stream().map(t -> t.rule().ruleId()).toArray(String[]::new))
                .addValue(targets.stream().map(t -> OffsetDateTime.ofInstant(t.rangeStart(), ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addValue(targets.stream().map(t -> OffsetDateTime.ofInstant(t.rangeEnd(), ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addValue(targets.stream().map(WindowTarget::period).toArray(String[]::new))
                .addValue(targets.stream().map(WindowTarget::lookbackPeriod).toArray(String[]::new))
                .addValue(targets.stream().map(WindowTarget::rollingKey).toArray(String[]::new));
    }

    private static String[] array(Set<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }
}
