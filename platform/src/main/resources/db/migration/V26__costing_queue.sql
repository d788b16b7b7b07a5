-- Costing's queue of defect records to look at (docs/architecture.md, "One event, end to end"). Costing's sweep looked
-- for records without a current costed event by reading every record of the tenant (1-3 s at 1.2M records, every
-- sweep); it now reads this queue, which holds what is new or reopened: a record stays in it until it has a current
-- costed event or a newer version. Costing owns the table. Rows arrive in the transaction that lands the records (a
-- trigger on defect_records, whatever the path: the reactive insert, COPY's INSERT ... SELECT, a fixture) and in the
-- one that supersedes an event (a trigger on costed_events); costing takes them out when it stores the event, or a newer
-- version of the record is costed. No foreign key (its check would cost ingest an index probe a row): rows deleted
-- from defect_records leave through a trigger.
CREATE TABLE costing_queue (
    tenant_id  text NOT NULL,
    record_id  bigint NOT NULL,
    PRIMARY KEY (tenant_id, record_id)
);
CALL protect_tenant_table('costing_queue', '${app_role}');

-- One statement per landed chunk, set-based: the rows the statement inserted. Invoker's rights, so that row-level
-- security checks the queued rows against the landing transaction's tenant.
CREATE FUNCTION queue_landed_defect_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO costing_queue (tenant_id, record_id) SELECT tenant_id, record_id FROM landed;
    RETURN NULL;
END
$$;
CREATE TRIGGER defect_records_queued_for_costing AFTER INSERT ON defect_records
    REFERENCING NEW TABLE AS landed FOR EACH STATEMENT EXECUTE FUNCTION queue_landed_defect_records();

-- Rows a partial batch takes out again leave the queue with them.
CREATE FUNCTION unqueue_removed_defect_records() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM costing_queue q USING removed r WHERE q.tenant_id = r.tenant_id AND q.record_id = r.record_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER defect_records_unqueued AFTER DELETE ON defect_records
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION unqueue_removed_defect_records();

-- An event superseded without a newer version of its record (its NCR or rework hours changed, it cannot be costed any
-- more) puts its record back in the queue; one superseded by a newer version does not (the newer one is queued). Only
-- statements that set superseded fire it: re-costing's in-place updates do not.
CREATE FUNCTION queue_reopened_defect_record() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO costing_queue (tenant_id, record_id)
    SELECT NEW.tenant_id, NEW.record_id
    WHERE NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = NEW.tenant_id AND n.source = NEW.source
                      AND n.source_id = NEW.source_id AND n.version > NEW.record_version)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER costed_events_reopened_for_costing AFTER UPDATE OF superseded ON costed_events
    FOR EACH ROW WHEN (NEW.superseded AND NOT OLD.superseded AND NEW.record_id IS NOT NULL)
    EXECUTE FUNCTION queue_reopened_defect_record();

SET LOCAL app.bypass_tenant = 'on';

-- What waits today: the latest version of every record without a current event.
INSERT INTO costing_queue (tenant_id, record_id)
SELECT d.tenant_id, d.record_id
FROM defect_records d
WHERE NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id AND e.record_id = d.record_id
                  AND NOT e.superseded)
  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id AND n.source = d.source
                  AND n.source_id = d.source_id AND n.version > d.version);

-- The sweep's question, which tenants have work, asks the queue for its defect records, each looked up on its own
-- (OFFSET 0 keeps the planner from turning the lookup into a join that reads every record); the other branches are
-- V18's.
CREATE OR REPLACE FUNCTION tenants_with_uncosted_records() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT q.tenant_id
    FROM costing_queue q
    CROSS JOIN LATERAL (
        SELECT 1 FROM defect_records d
        WHERE d.tenant_id = q.tenant_id AND d.record_id = q.record_id
          AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id AND e.record_id = d.record_id
                          AND NOT e.superseded)
          AND NOT EXISTS (SELECT 1 FROM costing_exceptions x
                          WHERE x.tenant_id = d.tenant_id AND x.record_id = d.record_id AND x.status = 'open')
          AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id AND n.source = d.source
                          AND n.source_id = d.source_id AND n.version > d.version)
        OFFSET 0) d
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
