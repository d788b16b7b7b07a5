-- The backlog gauges (io.scrapline.platform.metrics.Backlog; docs/architecture.md, "Metrics"): each service counts
-- its queued work across all tenants every few seconds, which the application role cannot (row-level security binds
-- it to one tenant a transaction). These owner-rights functions return counts only, by state, and by tenant only when
-- by_tenant asks (scrapline.metrics.tenant-labels); they turn the owner's bypass on for their own call, as V18's do.
-- Each counts what a partial index of its table holds, so that finished jobs, however many, are never read.

-- Costing's queue (V26) less the records held in an open exception: those wait for reference data, not for a replica.
-- The queue is read whole (its primary key or the table, the planner's choice); the exceptions are probed by their
-- unique key, or hashed from the open ones (costing_exceptions_open).
CREATE FUNCTION backlog_uncosted_records(by_tenant boolean)
    RETURNS TABLE (tenant_id text, state text, backlog bigint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT CASE WHEN by_tenant THEN q.tenant_id END, NULL::text, count(*)
    FROM costing_queue q
    WHERE NOT EXISTS (SELECT 1 FROM costing_exceptions x
                      WHERE x.tenant_id = q.tenant_id AND x.record_id = q.record_id AND x.status = 'open')
    GROUP BY 1
$$;

-- Re-costing parts waiting for a replica or being worked (recosting_job_parts_pending).
CREATE FUNCTION backlog_recosting_parts(by_tenant boolean)
    RETURNS TABLE (tenant_id text, state text, backlog bigint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT CASE WHEN by_tenant THEN p.tenant_id END, p.status, count(*)
    FROM recosting_job_parts p
    WHERE p.status IN ('queued', 'running')
    GROUP BY 1, 2
$$;

-- Period closes waiting for a replica, a retry's back-off included (period_close_jobs_pending).
CREATE FUNCTION backlog_period_closes(by_tenant boolean)
    RETURNS TABLE (tenant_id text, state text, backlog bigint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT CASE WHEN by_tenant THEN j.tenant_id END, NULL::text, count(*)
    FROM period_close_jobs j
    WHERE j.status = 'queued'
    GROUP BY 1
$$;

-- Alert deliveries not sent yet (alert_deliveries_pending): due (or being sent), or waiting for a back-off, the end of
-- quiet hours or of a digest's hour. Only the due ones are work for a replica now.
CREATE FUNCTION backlog_alert_deliveries(by_tenant boolean)
    RETURNS TABLE (tenant_id text, state text, backlog bigint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT CASE WHEN by_tenant THEN d.tenant_id END,
           CASE WHEN d.status = 'running' OR d.next_attempt_at IS NULL OR d.next_attempt_at <= now() THEN 'due'
                ELSE 'waiting' END,
           count(*)
    FROM alert_deliveries d
    WHERE d.status IN ('queued', 'running')
    GROUP BY 1, 2
$$;

-- Distribution runs waiting for a replica, a retry's back-off included (distribution_runs_pending).
CREATE FUNCTION backlog_distribution_runs(by_tenant boolean)
    RETURNS TABLE (tenant_id text, state text, backlog bigint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT CASE WHEN by_tenant THEN r.tenant_id END, NULL::text, count(*)
    FROM distribution_runs r
    WHERE r.status = 'queued'
    GROUP BY 1
$$;

REVOKE ALL ON FUNCTION backlog_uncosted_records(boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION backlog_recosting_parts(boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION backlog_period_closes(boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION backlog_alert_deliveries(boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION backlog_distribution_runs(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION backlog_uncosted_records(boolean) TO ${app_role};
GRANT EXECUTE ON FUNCTION backlog_recosting_parts(boolean) TO ${app_role};
GRANT EXECUTE ON FUNCTION backlog_period_closes(boolean) TO ${app_role};
GRANT EXECUTE ON FUNCTION backlog_alert_deliveries(boolean) TO ${app_role};
GRANT EXECUTE ON FUNCTION backlog_distribution_runs(boolean) TO ${app_role};
