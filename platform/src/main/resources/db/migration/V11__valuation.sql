-- Valuation beyond scrap at standard cost (cost-model.md §6-§10): rework from labor hours, dispositions with their
-- recoverable and exposed amounts, order-level costing and the provenance of every input an event used.

-- Rework hours that no defect record covers are still costed, as rework without a defect record (cost-model.md §7):
-- such an event values a rework-labor record version instead of a defect record version, exactly one of the two.
ALTER TABLE costed_events ALTER COLUMN record_id DROP NOT NULL;
ALTER TABLE costed_events ADD COLUMN labor_record_id bigint;
ALTER TABLE costed_events ADD CONSTRAINT costed_events_values_one_record
    CHECK ((record_id IS NULL) <> (labor_record_id IS NULL));
ALTER TABLE costed_events ADD FOREIGN KEY (tenant_id, labor_record_id) REFERENCES rework_labor_records;
-- A record version is costed again when an NCR or rework hours arrive for it: its earlier event stays, superseded,
-- so only one current event per record version is unique.
ALTER TABLE costed_events DROP CONSTRAINT costed_events_tenant_id_record_id_key;
CREATE UNIQUE INDEX costed_events_current_record ON costed_events (tenant_id, record_id)
    WHERE NOT superseded AND record_id IS NOT NULL;
CREATE UNIQUE INDEX costed_events_current_labor ON costed_events (tenant_id, labor_record_id)
    WHERE NOT superseded AND labor_record_id IS NOT NULL;

ALTER TABLE costing_exceptions ALTER COLUMN record_id DROP NOT NULL;
ALTER TABLE costing_exceptions ADD COLUMN labor_record_id bigint;
ALTER TABLE costing_exceptions ADD CONSTRAINT costing_exceptions_one_record
    CHECK ((record_id IS NULL) <> (labor_record_id IS NULL));
ALTER TABLE costing_exceptions ADD FOREIGN KEY (tenant_id, labor_record_id) REFERENCES rework_labor_records;
ALTER TABLE costing_exceptions ADD UNIQUE (tenant_id, labor_record_id);

-- What an event was costed from, so explain can show it and a change of its inputs can be noticed:
-- the NCR version whose disposition applied (cost-model.md §8), the work order's scrap action and account (§6, for
-- reconciliation with the general ledger), the cost-roll lines and the labor rates used (§10). A return to vendor
-- carries the supplier recovery expected; a quarantine costs nothing yet and carries the scrap value at risk.
ALTER TABLE costed_events
    ADD COLUMN ncr text,
    ADD COLUMN ncr_record_id bigint,
    ADD COLUMN work_order text,
    ADD COLUMN scrap_action text,
    ADD COLUMN scrap_account text,
    ADD COLUMN recoverable_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN exposure_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN cost_roll_effective_from date,
    ADD COLUMN cost_roll_lines jsonb,
    ADD COLUMN labor_rates jsonb;
CREATE INDEX costed_events_by_ncr ON costed_events (tenant_id, plant_id, ncr) WHERE NOT superseded AND ncr IS NOT NULL;

ALTER TABLE cost_rollups
    ADD COLUMN recoverable_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN exposure_amount numeric NOT NULL DEFAULT 0;

-- The rework-labor record versions each costed event values. Hours that no current event values yet are new: they
-- re-cost the event they belong to, or are costed on their own.
CREATE TABLE costed_labor (
    tenant_id        text NOT NULL,
    labor_record_id  bigint NOT NULL,
    event_id         bigint NOT NULL,
    PRIMARY KEY (tenant_id, labor_record_id, event_id),
    FOREIGN KEY (tenant_id, labor_record_id) REFERENCES rework_labor_records,
    FOREIGN KEY (tenant_id, event_id) REFERENCES costed_events
);
CREATE INDEX costed_labor_by_event ON costed_labor (tenant_id, event_id);
CALL protect_tenant_table('costed_labor', '${app_role}');

-- Whether the ERP counts scrapped units among an order's completions (cost-model.md §6); off by default.
ALTER TABLE cost_schemas ADD COLUMN include_scrap_in_completions boolean NOT NULL DEFAULT false;

-- Where rework hours are joined to their event (cost-model.md §7): the labor record's defect_source_id, else its NCR,
-- else its work order and operation, whichever it names first, among the latest versions of the plant's defect
-- records whose disposition, after their NCR's, is rework. Hours that match several events go to the earliest, so
-- they are never costed twice. One definition for costing and its sweep.
CREATE FUNCTION rework_labor_defects(labor_ids bigint[])
    RETURNS TABLE (labor_record_id bigint, defect_record_id bigint)
    LANGUAGE sql STABLE SET search_path = public
AS $$
    SELECT DISTINCT ON (l.tenant_id, l.record_id) l.record_id, d.record_id
    FROM rework_labor_records l
    JOIN defect_records d ON d.tenant_id = l.tenant_id AND d.plant_id = l.plant_id
         AND CASE WHEN l.defect_source_id IS NOT NULL THEN d.source_id = l.defect_source_id
                  WHEN l.ncr IS NOT NULL THEN d.ncr = l.ncr
                  ELSE d.work_order = l.work_order AND d.operation = l.operation END
    LEFT JOIN LATERAL (SELECT n.disposition FROM ncr_records n
                       WHERE n.tenant_id = d.tenant_id AND n.plant_id = d.plant_id AND n.source_id = d.ncr
                       ORDER BY n.version DESC, n.record_id DESC LIMIT 1) n ON true
    WHERE l.record_id = ANY(labor_ids)
      AND NOT EXISTS (SELECT 1 FROM defect_records v WHERE v.tenant_id = d.tenant_id AND v.source = d.source
                      AND v.source_id = d.source_id AND v.version > d.version)
      AND coalesce(n.disposition, d.disposition) = 'rework'
    ORDER BY l.tenant_id, l.record_id, d.occurred_at, d.record_id
$$;
GRANT EXECUTE ON FUNCTION rework_labor_defects(bigint[]) TO ${app_role};

CREATE INDEX defect_records_by_ncr ON defect_records (tenant_id, plant_id, ncr) WHERE ncr IS NOT NULL;
CREATE INDEX defect_records_by_work_order ON defect_records (tenant_id, plant_id, work_order, operation)
    WHERE work_order IS NOT NULL;
CREATE INDEX rework_labor_by_defect ON rework_labor_records (tenant_id, plant_id, defect_source_id)
    WHERE defect_source_id IS NOT NULL;
CREATE INDEX rework_labor_by_ncr ON rework_labor_records (tenant_id, plant_id, ncr) WHERE ncr IS NOT NULL;
CREATE INDEX rework_labor_by_work_order ON rework_labor_records (tenant_id, plant_id, work_order, operation)
    WHERE work_order IS NOT NULL;
CREATE INDEX ncr_records_by_source_id ON ncr_records (tenant_id, plant_id, source_id);

-- Planned and unplanned scrap of each operation confirmation, valued (cost-model.md §5): one row per confirmation
-- version costing has seen, with the reason while it cannot be valued yet (no cost roll in force, an operation not in
-- it); a newer version supersedes it.
CREATE TABLE costed_confirmations (
    tenant_id           text NOT NULL,
    record_id           bigint NOT NULL,
    source              text NOT NULL,
    source_id           text NOT NULL,
    record_version      integer NOT NULL,
    plant_id            text NOT NULL,
    period              text NOT NULL,
    part                text NOT NULL,
    operation           text NOT NULL,
    planned_quantity    numeric,
    unplanned_quantity  numeric,
    variance_quantity   numeric,
    variance_value      numeric,
    currency            char(3),
    explanation         jsonb,
    reason              text,
    detail              text,
    superseded          boolean NOT NULL DEFAULT false,
    costed_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    FOREIGN KEY (tenant_id, record_id) REFERENCES confirmation_records,
    CHECK ((reason IS NULL) = (variance_value IS NOT NULL))
);
CREATE INDEX costed_confirmations_by_source ON costed_confirmations (tenant_id, source, source_id)
    WHERE NOT superseded;
CALL protect_tenant_table('costed_confirmations', '${app_role}');

-- Sums of the valued confirmations per plant, period, part and operation, kept in the same transaction, for the
-- report's scrap_variance section: planned and unplanned scrap quantity, the variance (confirmed − target, negative
-- when favorable) and its value in plant currency.
CREATE TABLE scrap_variances (
    tenant_id           text NOT NULL,
    plant_id            text NOT NULL,
    period              text NOT NULL,
    part                text NOT NULL,
    operation           text NOT NULL,
    planned_quantity    numeric NOT NULL,
    unplanned_quantity  numeric NOT NULL,
    variance_quantity   numeric NOT NULL,
    variance_value      numeric NOT NULL,
    confirmations       bigint NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, period, part, operation),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CALL protect_tenant_table('scrap_variances', '${app_role}');

-- The sweep finds tenants with defect records that have no current event and wait for no data (an event superseded
-- to be costed again counts), with rework hours no current event values (unless the event they belong to waits for
-- other data), with events whose NCR changed since they were costed, and with confirmations costing has not seen.
CREATE OR REPLACE FUNCTION tenants_with_uncosted_records() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT d.tenant_id
    FROM defect_records d
    WHERE NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id AND e.record_id = d.record_id
                      AND NOT e.superseded)
      AND NOT EXISTS (SELECT 1 FROM costing_exceptions x
                      WHERE x.tenant_id = d.tenant_id AND x.record_id = d.record_id AND x.status = 'open')
      AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id AND n.source = d.source
                      AND n.source_id = d.source_id AND n.version > d.version)
    UNION
    SELECT l.tenant_id
    FROM rework_labor_records l
    WHERE NOT EXISTS (SELECT 1 FROM rework_labor_records n WHERE n.tenant_id = l.tenant_id AND n.source = l.source
                      AND n.source_id = l.source_id AND n.version > l.version)
      AND NOT EXISTS (SELECT 1 FROM costed_labor c JOIN costed_events e USING (tenant_id, event_id)
                      WHERE c.tenant_id = l.tenant_id AND c.labor_record_id = l.record_id AND NOT e.superseded)
      AND NOT EXISTS (SELECT 1 FROM costing_exceptions x
                      WHERE x.tenant_id = l.tenant_id AND x.labor_record_id = l.record_id)
      AND NOT EXISTS (SELECT 1 FROM rework_labor_defects(ARRAY[l.record_id]) m
                      JOIN costing_exceptions x ON x.tenant_id = l.tenant_id AND x.record_id = m.defect_record_id
                      WHERE x.status = 'open' AND x.reason <> 'no_rework_labor')
    UNION
    SELECT e.tenant_id
    FROM costed_events e
    JOIN LATERAL (SELECT n.record_id FROM ncr_records n
                  WHERE n.tenant_id = e.tenant_id AND n.plant_id = e.plant_id AND n.source_id = e.ncr
                  ORDER BY n.version DESC, n.record_id DESC LIMIT 1) n ON true
    WHERE NOT e.superseded AND e.ncr IS NOT NULL AND n.record_id IS DISTINCT FROM e.ncr_record_id
    UNION
    SELECT c.tenant_id
    FROM confirmation_records c
    WHERE NOT EXISTS (SELECT 1 FROM costed_confirmations k WHERE k.tenant_id = c.tenant_id
                      AND k.record_id = c.record_id)
      AND NOT EXISTS (SELECT 1 FROM confirmation_records n WHERE n.tenant_id = c.tenant_id AND n.source = c.source
                      AND n.source_id = c.source_id AND n.version > c.version)
$$;
