-- What the report's 13-week trend of the top defect codes reads (contract.md "Reports"): the cost of each defect code
-- on each line by week, kept by costing as it keeps cost_rollups, in the same transaction and with the same amounts.
-- week_start is the Monday of the ISO week (Monday to Sunday) in which the event occurred (costed_events.occurred_at)
-- in the plant's time zone, whatever period the event is booked in. Rework hours without a defect record have the
-- defect code '', as in cost_rollups. A re-costed event takes its amount and its count out of the week and puts the
-- new amount in, as it does in cost_rollups.
CREATE TABLE cost_rollups_weekly (
    tenant_id    text NOT NULL,
    plant_id     text NOT NULL,
    week_start   date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
    line_id      text NOT NULL,
    defect_code  text NOT NULL,
    amount       numeric NOT NULL,
    events       bigint NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, week_start, line_id, defect_code),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CALL protect_tenant_table('cost_rollups_weekly', '${app_role}');

-- The weeks of the events costed so far, once, so that the trend has its history from the start.
INSERT INTO cost_rollups_weekly (tenant_id, plant_id, week_start, line_id, defect_code, amount, events)
SELECT e.tenant_id, e.plant_id, date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date, e.line_id,
    e.defect_code, sum(e.amount), count(*)
FROM costed_events e
JOIN plants p ON p.tenant_id = e.tenant_id AND p.plant_id = e.plant_id
WHERE NOT e.superseded
GROUP BY 1, 2, 3, 4, 5;

-- From here on the database keeps the weekly rollup as costing writes costed events: a statement-level trigger adds
-- the events a statement made current and takes out those it superseded or removed, grouped by week, once per
-- statement however many events it wrote — in costing's own transaction, so the weeks never disagree with the events.
CREATE FUNCTION keep_weekly_rollups() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    added text := 'SELECT tenant_id, plant_id, occurred_at, line_id, defect_code, amount, 1 AS events '
        'FROM new_events WHERE NOT superseded';
    removed text := 'SELECT tenant_id, plant_id, occurred_at, line_id, defect_code, -amount, -1 '
        'FROM old_events WHERE NOT superseded';
BEGIN
    EXECUTE format('INSERT INTO cost_rollups_weekly AS w (tenant_id, plant_id, week_start, line_id, defect_code, '
        'amount, events) '
        'SELECT d.tenant_id, d.plant_id, date_trunc(''week'', d.occurred_at AT TIME ZONE p.time_zone)::date, '
        'd.line_id, d.defect_code, sum(d.amount), sum(d.events) '
        'FROM (%s) d JOIN plants p ON p.tenant_id = d.tenant_id AND p.plant_id = d.plant_id '
        'GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.events) <> 0 OR sum(d.amount) <> 0 '
        'ON CONFLICT (tenant_id, plant_id, week_start, line_id, defect_code) '
        'DO UPDATE SET amount = w.amount + excluded.amount, events = w.events + excluded.events',
        CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
    RETURN NULL;
END
$$;

CREATE TRIGGER costed_events_weekly_insert AFTER INSERT ON costed_events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION keep_weekly_rollups();
CREATE TRIGGER costed_events_weekly_update AFTER UPDATE ON costed_events
    REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION keep_weekly_rollups();
CREATE TRIGGER costed_events_weekly_delete AFTER DELETE ON costed_events
    REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION keep_weekly_rollups();
