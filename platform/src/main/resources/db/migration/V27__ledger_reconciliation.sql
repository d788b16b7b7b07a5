-- Reconciliation with the general ledger and of MES scrap against ERP confirmations (issue 14, items 1 and 3).

-- The ERP's postings to scrap and rework accounts, kept raw and versioned like the other record types: a document
-- (source_id) re-sent with other content adds version n+1. The amount is signed: a reversal is negative. The period is
-- of the plant's calendar (YYYY-MM or YYYY-Pnn), as the ERP posted it.
CREATE TABLE gl_posting_records (
    tenant_id     text NOT NULL,
    record_id     bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source        text NOT NULL,
    source_id     text NOT NULL,
    version       integer NOT NULL,
    batch_id      uuid NOT NULL,
    batch_row     integer,
    content_hash  text NOT NULL,
    plant_id      text NOT NULL,
    account       text NOT NULL,
    period        text NOT NULL,
    amount        numeric(18, 6) NOT NULL,
    currency      char(3) NOT NULL,
    work_order    text,
    reason_code   text,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, source, source_id, version)
);
CREATE INDEX gl_posting_records_by_period ON gl_posting_records (tenant_id, plant_id, period);
CALL protect_tenant_table('gl_posting_records', '${app_role}');

-- The unit of measure of an operation confirmation's quantities, when the ERP sends one.
ALTER TABLE confirmation_records ADD COLUMN uom text;

-- The general-ledger account a reason code's scrap or rework posts to (Acumatica's rule: the account of the reason
-- code of a scrap transaction when it has one, else the work order's). Reporting's reference data.
CREATE TABLE ledger_accounts (
    tenant_id    text NOT NULL,
    reason_code  text NOT NULL,
    cost_type    text NOT NULL CHECK (cost_type IN ('scrap', 'rework')),
    account      text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, reason_code, cost_type)
);
CALL protect_tenant_table('ledger_accounts', '${app_role}');

-- MES scrap against ERP confirmations by plant, period, work order and operation: the scrap quantity of the current
-- costed events whose disposition is scrap (their defect record's operation and unit) against the scrap quantity of
-- the current confirmations, with what kind of check each cell passes or fails:
--   uom_differs         the MES records of the cell name several units, or one the confirmations do not;
--   matched             the same quantity;
--   split_work_order    the quantities differ, but the work order's total over its operations agrees, or the part's
--                       and operation's total over the period's work orders does: the scrap was booked to another
--                       operation or another order;
--   partial_completion  the ERP has confirmed less scrap than the MES recorded (or none yet);
--   not_in_mes          the ERP has confirmed more scrap than the MES recorded (or the MES none).
-- Only what the ERP has confirmed something for is compared (a confirmation of no scrap counts): the MES scrap of a
-- work order with confirmations in the period, or of a part and operation with confirmations in the period; a plant
-- that sends no confirmations has no cells, and its events are not read.
-- NULL plant or period: every one. Runs with the caller's rights, so row-level security keeps it to the tenant.
CREATE FUNCTION scrap_quantity_checks(for_plant text, for_period text)
    RETURNS TABLE (plant_id text, period text, work_order text, operation text, part text, mes_quantity numeric,
                   mes_events bigint, mes_uom text, erp_quantity numeric, confirmations bigint, erp_uom text,
                   kind text)
    LANGUAGE sql STABLE SET search_path = public
AS $$
    WITH erp AS (
        SELECT k.plant_id, k.period, c.work_order, c.operation, min(c.part) AS part,
               sum(c.scrap_quantity) AS quantity, count(*) AS confirmations,
               string_agg(DISTINCT c.uom, ',' ORDER BY c.uom) AS uom
        FROM costed_confirmations k
        JOIN confirmation_records c ON c.tenant_id = k.tenant_id AND c.record_id = k.record_id
        WHERE NOT k.superseded
          AND (for_plant IS NULL OR k.plant_id = for_plant) AND (for_period IS NULL OR k.period = for_period)
        GROUP BY k.plant_id, k.period, c.work_order, c.operation
    ), mes AS (
        SELECT e.plant_id, e.period, e.work_order, coalesce(d.operation, '') AS operation, min(e.part) AS part,
               sum(e.quantity) AS quantity, count(*) AS events,
               string_agg(DISTINCT d.uom, ',' ORDER BY d.uom) AS uom
        FROM costed_events e
        JOIN defect_records d ON d.tenant_id = e.tenant_id AND d.record_id = e.record_id
        WHERE EXISTS (SELECT 1 FROM erp)
          AND NOT e.superseded AND e.disposition = 'scrap' AND e.work_order IS NOT NULL
          AND (for_plant IS NULL OR e.plant_id = for_plant) AND (for_period IS NULL OR e.period = for_period)
          AND EXISTS (SELECT 1 FROM erp r WHERE r.plant_id = e.plant_id AND r.period = e.period
                      AND (r.work_order = e.work_order
                           OR (r.part = e.part AND r.operation = coalesce(d.operation, ''))))
        GROUP BY e.plant_id, e.period, e.work_order, coalesce(d.operation, '')
    ), cells AS (
        SELECT coalesce(m.plant_id, r.plant_id) AS plant_id, coalesce(m.period, r.period) AS period,
               coalesce(m.work_order, r.work_order) AS work_order, coalesce(m.operation, r.operation) AS operation,
               coalesce(r.part, m.part) AS part, coalesce(m.quantity, 0) AS mes_quantity,
               coalesce(m.events, 0) AS mes_events, m.uom AS mes_uom, coalesce(r.quantity, 0) AS erp_quantity,
               coalesce(r.confirmations, 0) AS confirmations, r.uom AS erp_uom
        FROM mes m
        FULL JOIN erp r ON r.plant_id = m.plant_id AND r.period = m.period AND r.work_order = m.work_order
             AND r.operation = m.operation
    ), totals AS (
        SELECT c.*,
               sum(c.mes_quantity) OVER by_order AS order_mes, sum(c.erp_quantity) OVER by_order AS order_erp,
               count(*) OVER by_order AS order_cells,
               sum(c.mes_quantity) OVER by_step AS step_mes, sum(c.erp_quantity) OVER by_step AS step_erp,
               count(*) OVER by_step AS step_cells
        FROM cells c
        WINDOW by_order AS (PARTITION BY c.plant_id, c.period, c.work_order),
               by_step AS (PARTITION BY c.plant_id, c.period, c.part, c.operation)
    )
    SELECT t.plant_id, t.period, t.work_order, t.operation, t.part, t.mes_quantity, t.mes_events, t.mes_uom,
           t.erp_quantity, t.confirmations, t.erp_uom,
           CASE WHEN t.mes_uom LIKE '%,%' OR t.erp_uom LIKE '%,%'
                     OR (t.mes_uom IS NOT NULL AND t.erp_uom IS NOT NULL AND t.mes_uom <> t.erp_uom)
                    THEN 'uom_differs'
                WHEN t.mes_quantity = t.erp_quantity THEN 'matched'
                WHEN (t.order_cells > 1 AND t.order_mes = t.order_erp)
                     OR (t.step_cells > 1 AND t.step_mes = t.step_erp) THEN 'split_work_order'
                WHEN t.erp_quantity < t.mes_quantity THEN 'partial_completion'
                ELSE 'not_in_mes'
           END
    FROM totals t
    ORDER BY t.plant_id, t.period, t.work_order, t.operation
$$;
GRANT EXECUTE ON FUNCTION scrap_quantity_checks(text, text) TO ${app_role};
