-- Scrap and rework budgets of a plant-period, against which a report shows its budget variance (contract.md,
-- "Reports"). A row with line_id '' budgets the whole plant; rows with a line budget that line only. The primary key
-- cannot hold a NULL, hence '' rather than NULL for "the whole plant".
CREATE TABLE budgets (
    tenant_id      text NOT NULL,
    plant_id       text NOT NULL,
    line_id        text NOT NULL DEFAULT '',
    period         text NOT NULL,
    scrap_budget   numeric NOT NULL CHECK (scrap_budget >= 0),
    rework_budget  numeric NOT NULL CHECK (rework_budget >= 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, plant_id, line_id, period),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CALL protect_tenant_table('budgets', '${app_role}');
