package io.scrapline.alert.repository;

import io.scrapline.alert.domain.RuleWindow;

/**
 * The SQL of each kind of window, over the costed events {@code e} of a candidate rule {@code c} (its target joined to
 * its rule and plant): the instance key of an event, which events a target covers, and which ones its trailing windows
 * cover (within twice as many windows back as the average asks for) and their order, latest first (by position in the
 * trailing select: 1 the figure, 2 the window). Windows of time read the events by when they occurred; the period to
 * date by the period they are booked in.
 */
enum WindowSql {

    SHIFT("'shift/' || to_char(e.occurred_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD') || '/' || e.shift",
            "e.shift <> '' AND e.occurred_at >= c.range_start AND e.occurred_at < c.range_end",
            "'shift/' || to_char(e.occurred_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD') || '/' || e.shift",
            "e.shift <> '' AND e.occurred_at >= c.first_at - th.trailing_windows * interval '2 days'"
                    + " AND e.occurred_at < c.first_at",
            "min(e.occurred_at) DESC"),

    DAY("'day/' || to_char(e.occurred_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD')",
            "e.occurred_at >= c.range_start AND e.occurred_at < c.range_end",
            "to_char(e.occurred_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD')",
            "e.occurred_at >= c.first_at - th.trailing_windows * interval '2 days' AND e.occurred_at < c.first_at",
            "2 DESC"),

    WEEK("'week/' || to_char(date_trunc('week', e.occurred_at AT TIME ZONE c.time_zone), 'YYYY-MM-DD')",
            "e.occurred_at >= c.range_start AND e.occurred_at < c.range_end",
            "to_char(date_trunc('week', e.occurred_at AT TIME ZONE c.time_zone), 'YYYY-MM-DD')",
            "e.occurred_at >= c.first_at - th.trailing_windows * interval '14 days' AND e.occurred_at < c.first_at",
            "2 DESC"),

    PERIOD("'period/' || e.period", "e.period = c.period", "e.period",
            "e.period >= c.lookback_period AND e.period < c.period", "2 DESC"),

    /** Trailing windows are the N-hour stretches before the current one, numbered back from it. */
    ROLLING("c.rolling_key", "e.occurred_at >= c.range_start AND e.occurred_at < c.range_end",
            "floor(extract(epoch FROM c.range_start - e.occurred_at) / (c.window_hours * 3600))",
            "e.occurred_at >= c.range_start - th.trailing_windows * 2 * c.window_hours * interval '1 hour'"
                    + " AND e.occurred_at < c.range_start",
            "2 ASC");

    /** The targets of the rules, with each rule's scope and plant: the candidates {@code c}. */
    static final String CANDIDATES = """
            WITH target AS (
                SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[],
                    $6::text[]) AS t(rule_id, range_start, range_end, period, lookback_period, rolling_key)
            ), candidate AS (
                SELECT r.rule_id, r.plant_id, r.line_id, r.work_center_id, r.defect_code, r.defect_category, r.shift,
                    r.metric, r.window_hours, p.time_zone, t.range_start, t.range_end, t.period, t.lookback_period,
                    t.rolling_key
                FROM target t
                JOIN alert_rules r ON r.rule_id = t.rule_id AND r.enabled
                JOIN plants p ON p.plant_id = r.plant_id
            )""";

    /** The events of the rule's scope, current ones only. */
    static final String SCOPE = """
            e.plant_id = c.plant_id AND NOT e.superseded
                  AND (c.line_id IS NULL OR e.line_id = c.line_id)
                  AND (c.work_center_id IS NULL OR e.work_center_id = c.work_center_id)
                  AND (c.defect_code IS NULL OR e.defect_code = c.defect_code)
                  AND (c.defect_category IS NULL
                       OR e.defect_code IN (SELECT d.code FROM defect_codes d WHERE d.category = c.defect_category))
                  AND (c.shift IS NULL OR e.shift = c.shift)""";

    /** An event's contribution to the rule's metric. */
    static final String METRIC = "CASE c.metric WHEN 'cost' THEN e.amount WHEN 'quantity' THEN e.quantity ELSE 1 END";

    final String key;
    final String range;
    final String trailingKey;
    final String trailingRange;
    final String trailingOrder;

    WindowSql(String key, String range, String trailingKey, String trailingRange, String trailingOrder) {
        this.key = key;
        this.range = range;
        this.trailingKey = trailingKey;
        this.trailingRange = trailingRange;
        this.trailingOrder = trailingOrder;
    }

    static WindowSql of(RuleWindow window) {
        return switch (window) {
            case SHIFT -> SHIFT;
            case DAY -> DAY;
            case WEEK_TO_DATE -> WEEK;
            case PERIOD_TO_DATE -> PERIOD;
            case ROLLING_HOURS -> ROLLING;
        };
    }

    /**
     * Each instance of the targets over a threshold that has no alert of its level yet, one row per instance and level:
     * absolute thresholds compare the figure with their value; relative ones with factor times the average of the
     * trailing windows of the same scope that had events (none: never over).
     */
    String breaches() {
        return CANDIDATES + """
                , instance AS (
                    SELECT c.*, i.window_key, i.figure, i.first_at, i.last_at
                    FROM candidate c
                    CROSS JOIN LATERAL (
                        SELECT %1$s AS window_key, sum(%2$s) AS figure, min(e.occurred_at) AS first_at,
                            max(e.occurred_at) AS last_at
                        FROM costed_events e
                        WHERE %3$s AND %4$s
                        GROUP BY 1
                    ) i
                )
                SELECT c.rule_id, th.level, c.window_key, c.figure, c.first_at, c.last_at, th.value, th.factor,
                    tr.windows, tr.total, th.audience_ids, th.escalation_policy_id
                FROM instance c
                JOIN alert_thresholds th ON th.rule_id = c.rule_id
                CROSS JOIN LATERAL (
                    SELECT count(*) AS windows, coalesce(sum(w.figure), 0) AS total
                    FROM (
                        SELECT sum(%2$s) AS figure, %6$s AS trailing_key
                        FROM costed_events e
                        WHERE th.factor IS NOT NULL AND %3$s AND %5$s
                        GROUP BY 2
                        ORDER BY %7$s
                        LIMIT th.trailing_windows
                    ) w
                ) tr
                WHERE ((th.value IS NOT NULL AND c.figure > th.value)
                       OR (th.factor IS NOT NULL AND tr.windows > 0 AND c.figure * tr.windows > th.factor * tr.total))
                  AND NOT EXISTS (SELECT 1 FROM alert_log l WHERE l.rule_id = c.rule_id
                                  AND l.window_key = c.window_key AND l.level = th.level)
                ORDER BY c.rule_id, c.window_key, th.level DESC
                """.formatted(key, METRIC, SCOPE, range, trailingRange, trailingKey, trailingOrder);
    }

    /** The largest events of one instance ({@code $7}) of the target, by the rule's metric, at most {@code $8}. */
    String topEvents() {
        return CANDIDATES + """
                SELECT e.event_id, e.occurred_at, e.part, e.defect_code, e.quantity, e.amount, e.ncr
                FROM candidate c
                JOIN costed_events e ON %1$s AND %2$s AND %3$s = $7
                ORDER BY CASE c.metric WHEN 'quantity' THEN e.quantity ELSE e.amount END DESC, e.event_id
                LIMIT $8
                """.formatted(SCOPE, range, key);
    }
}
