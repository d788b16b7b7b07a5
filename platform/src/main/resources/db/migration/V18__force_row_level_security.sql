-- Row-level security binds the tables' owner too (FORCE), not only the application role: a function, view or
-- migration that runs with the owner's rights sees no tenant's rows unless it says why. The owner gets one more
-- policy, open only while the transaction-local setting app.bypass_tenant is 'on': the owner-rights tenants_with_*
-- functions turn it on for their own call only, and a later migration that reads or writes data turns it on with
-- SET LOCAL app.bypass_tenant = 'on'. The setting opens nothing to any other role: the policy
-- names the owner alone.

-- Tables created from now on get the same protection.
CREATE OR REPLACE PROCEDURE protect_tenant_table(t text, app_role text)
    LANGUAGE plpgsql
AS $$
DECLARE
    owner text := (SELECT pg_get_userbyid(c.relowner) FROM pg_class c
                   WHERE c.oid = format('%I', t)::regclass);
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant()) '
        'WITH CHECK (tenant_id = current_tenant())', t);
    EXECUTE format('CREATE POLICY owner_bypass ON %I TO %I '
        'USING (current_setting(''app.bypass_tenant'', true) = ''on'') '
        'WITH CHECK (current_setting(''app.bypass_tenant'', true) = ''on'')', t, owner);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, app_role);
END
$$;
REVOKE ALL ON PROCEDURE protect_tenant_table(text, text) FROM PUBLIC;

-- The tables protected so far: those with the tenant_isolation policy.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname, pg_get_userbyid(c.relowner) AS owner
             FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE p.polname = 'tenant_isolation' AND n.nspname = current_schema()
             ORDER BY c.relname LOOP
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('CREATE POLICY owner_bypass ON %I TO %I '
            'USING (current_setting(''app.bypass_tenant'', true) = ''on'') '
            'WITH CHECK (current_setting(''app.bypass_tenant'', true) = ''on'')', t.relname, t.owner);
    END LOOP;
END
$$;

-- The sweeps' functions read across tenants (tenant ids only) with the owner's rights, so they say so first. (A SET
-- clause cannot carry the setting: only a superuser may attach a placeholder setting to a function.) Their SET clause
-- of search_path gives them a setting level of their own, and the bypass ends with the call. Their bodies are those of
-- V3, V6, V11, V12 and V13.
CREATE OR REPLACE FUNCTION tenants_with_uncosted_records() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
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

CREATE OR REPLACE FUNCTION tenants_with_alert_rules() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM alert_rules WHERE enabled
$$;

CREATE OR REPLACE FUNCTION tenants_with_due_connectors() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM connectors WHERE enabled AND next_run_at <= now()
$$;

CREATE OR REPLACE FUNCTION tenants_with_plants() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM plants
$$;

CREATE OR REPLACE FUNCTION tenants_with_period_close_jobs() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM period_close_jobs
    WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
$$;

CREATE OR REPLACE FUNCTION tenants_with_recosting_work() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT tenant_id FROM recosting_jobs WHERE status = 'queued'
    UNION
    SELECT tenant_id FROM recosting_job_parts
    WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
    UNION
    SELECT s.tenant_id FROM standard_cost_records s
    WHERE s.version > 1
      AND NOT EXISTS (SELECT 1 FROM cost_roll_restatements r WHERE r.tenant_id = s.tenant_id
                      AND r.record_id = s.record_id)
$$;
