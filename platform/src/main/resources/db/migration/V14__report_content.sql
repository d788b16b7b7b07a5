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
