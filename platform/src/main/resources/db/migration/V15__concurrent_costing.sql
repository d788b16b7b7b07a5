-- Costing runs of one tenant now go on side by side (a bulk load's chunks and single events' batches): transactions
-- that add to the same weekly rollups must lock their rows in the same order, or two of them could deadlock. The
-- trigger adds its rows in key order; everything else is as in V14.
CREATE OR REPLACE FUNCTION keep_weekly_rollups() RETURNS trigger
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
        'ORDER BY 1, 2, 3, 4, 5 '
        'ON CONFLICT (tenant_id, plant_id, week_start, line_id, defect_code) '
        'DO UPDATE SET amount = w.amount + excluded.amount, events = w.events + excluded.events',
        CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
    RETURN NULL;
END
$$;
