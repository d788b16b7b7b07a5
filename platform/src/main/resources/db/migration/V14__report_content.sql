-- What the report's 13-week trend of the top defect codes reads (contract.md "Reports"): the cost of each defect code
-- on each line by week, kept by costing as it keeps cost_rollups, in the same transaction and with the same amounts.
-- week_start is the Monday of the ISO week (Monday to Sunday) of the date that gives the event its period: the work
-- order's close date when known, else the event's date, in the plant's time zone (cost-model.md §9). Rework hours
-- without a defect record have the defect code '', as in cost_rollups. A re-costed event moves its amount and its
-- count out of the week it was in and into its new one, so the weeks of an event's period sum to its amounts there.
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

