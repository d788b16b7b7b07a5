-- Every tenant table is visible only to the tenant named by app.tenant_id. The services connect as
-- ${app_role}, which neither owns the tables nor has BYPASSRLS; a query that forgets its tenant
-- filter still returns nothing of another tenant.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenants', 'plants', 'lines', 'work_centers', 'source_systems', 'ingest_batches',
            'defect_records', 'standard_cost_records', 'part_xrefs', 'defect_codes', 'defect_code_xrefs',
            'costed_events', 'costing_exceptions', 'cost_rollups', 'audiences', 'alert_rules', 'alert_log'] LOOP
        CALL protect_tenant_table(t, '${app_role}');
    END LOOP;
END
$$;

-- Sweeps run without a tenant: these owner-rights functions tell them which tenants have work,
-- and nothing else. The work itself then runs inside that tenant's context.
CREATE FUNCTION tenants_with_uncosted_records() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT DISTINCT d.tenant_id
    FROM defect_records d
    WHERE NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id AND e.record_id = d.record_id)
      AND NOT EXISTS (SELECT 1 FROM costing_exceptions x
                      WHERE x.tenant_id = d.tenant_id AND x.record_id = d.record_id)
$$;

CREATE FUNCTION tenants_with_alert_rules() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT DISTINCT tenant_id FROM alert_rules WHERE enabled $$;

REVOKE ALL ON FUNCTION tenants_with_uncosted_records() FROM PUBLIC;
REVOKE ALL ON FUNCTION tenants_with_alert_rules() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_uncosted_records() TO ${app_role};
GRANT EXECUTE ON FUNCTION tenants_with_alert_rules() TO ${app_role};
