-- Issue 14, items 2, 5 and 6: the owners' approvals of a cost schema, the rollup of cost by part, and the parallel
-- runs of a manually compiled report against Scrapline's figures.

-- Each owner's approval of a cost-schema version (cost-model.md §10): the version becomes approved with one approval
-- of every role the deployment requires (scrapline.costing.schema-approval-roles). One person approves a version once,
-- under one role, even when the token carries several.
CREATE TABLE cost_schema_approvals (
    tenant_id    text NOT NULL,
    version      integer NOT NULL,
    role         text NOT NULL,
    approved_by  text NOT NULL,
    approved_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version, role),
    UNIQUE (tenant_id, version, approved_by),
    FOREIGN KEY (tenant_id, version) REFERENCES cost_schemas
);
CALL protect_tenant_table('cost_schema_approvals', '${app_role}');

-- Cost by part within line and work center, kept by costing beside cost_rollups and cost_rollups_weekly, in the same
-- transaction and with the same amounts, booked in the same period. Rework hours without a defect record have the
-- part '' (none), as their costed events do.
CREATE TABLE cost_rollups_by_part (
    tenant_id       text NOT NULL,
    plant_id        text NOT NULL,
    period          text NOT NULL,
    line_id         text NOT NULL,
    work_center_id  text NOT NULL,
    part            text NOT NULL,
    cost_type       text NOT NULL,
    amount          numeric NOT NULL,
    quantity        numeric(18, 6) NOT NULL,
    events          bigint NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, period, line_id, work_center_id, part, cost_type),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CALL protect_tenant_table('cost_rollups_by_part', '${app_role}');

-- The current events costed so far, once, so that the part figures of open periods start complete.
SET LOCAL app.bypass_tenant = 'on';
INSERT INTO cost_rollups_by_part (tenant_id, plant_id, period, line_id, work_center_id, part, cost_type, amount,
    quantity, events)
SELECT tenant_id, plant_id, period, line_id, work_center_id, part, cost_type, sum(amount), sum(quantity), count(*)
FROM costed_events
WHERE NOT superseded
GROUP BY 1, 2, 3, 4, 5, 6, 7;
RESET app.bypass_tenant;

-- A parallel run: the manually compiled report of a plant-period as uploaded (its rows, normalized), and the last
-- comparison with Scrapline's costed events. A re-run compares the same rows again with the events as they are then.
CREATE TABLE parallel_runs (
    tenant_id    text NOT NULL,
    run_id       bigint GENERATED ALWAYS AS IDENTITY,
    plant_id     text NOT NULL,
    period       text NOT NULL,
    file_name    text,
    file_format  text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
    uploaded_by  text NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    manual_rows  jsonb NOT NULL,
    result       jsonb NOT NULL,
    compared_at  timestamptz NOT NULL DEFAULT now(),
    compared_by  text NOT NULL,
    comparisons  integer NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, run_id),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CREATE INDEX parallel_runs_by_period ON parallel_runs (tenant_id, plant_id, period);
CALL protect_tenant_table('parallel_runs', '${app_role}');
