-- Period close (cost-model.md §9, architecture.md "Month-end at scale"); reporting-service writes all three tables.

-- A closed plant-period and the version of its report now in force (1 at close, n+1 after each restatement).
-- Costing reads this table: an event whose period is closed is booked in the plant's open period instead. So that no
-- event slips into a period while it is being closed, a close (and a restatement) holds the transaction-level advisory
-- lock (hashtext('period-close'), hashtext(tenant_id || '/' || plant_id)) from before it reads the rollups until it
-- commits; costing takes the same lock shared (pg_advisory_xact_lock_shared) for each plant it writes, before it
-- reads closed_periods.
CREATE TABLE closed_periods (
    tenant_id  text NOT NULL,
    plant_id   text NOT NULL,
    period     text NOT NULL,
    closed_at  timestamptz NOT NULL DEFAULT now(),
    closed_by  text NOT NULL,
    version    integer NOT NULL DEFAULT 1 CHECK (version > 0),
    PRIMARY KEY (tenant_id, plant_id, period),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);
CALL protect_tenant_table('closed_periods', '${app_role}');

-- The stored report of each version of a closed period. report is the whole plant's report as published; figures
-- are the rollup sums, open exceptions, prior-period totals and budgets it was built from, by line, so a token
-- limited to some lines gets the same frozen figures for its lines. differences (null for version 1) compare the
-- version with the one before it.
CREATE TABLE report_snapshots (
    tenant_id    text NOT NULL,
    plant_id     text NOT NULL,
    period       text NOT NULL,
    version      integer NOT NULL CHECK (version > 0),
    report       jsonb NOT NULL,
    figures      jsonb NOT NULL,
    differences  jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, period, version),
    FOREIGN KEY (tenant_id, plant_id, period) REFERENCES closed_periods,
    CHECK ((version = 1) = (differences IS NULL))
);
CALL protect_tenant_table('report_snapshots', '${app_role}');
-- A snapshot is immutable: a restatement adds a version, it never rewrites one.
REVOKE UPDATE, DELETE ON report_snapshots FROM ${app_role};

-- One close per plant-period, queued on demand or by the schedule, claimed by any replica with
-- FOR UPDATE SKIP LOCKED. A claim is a lease: a job still running after lease_until (its replica died) is claimed
-- again; the close itself re-checks the claim, so a job is never closed twice.
CREATE TABLE period_close_jobs (
    tenant_id     text NOT NULL,
    plant_id      text NOT NULL,
    period        text NOT NULL,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts      integer NOT NULL DEFAULT 0,
    claimed_by    text,
    requested_by  text NOT NULL,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    claimed_at    timestamptz,
    lease_until   timestamptz,
    finished_at   timestamptz,
    PRIMARY KEY (tenant_id, plant_id, period),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants,
    CHECK (status = 'queued' OR claimed_by IS NOT NULL)
);
CREATE INDEX period_close_jobs_pending ON period_close_jobs (tenant_id, created_at)
    WHERE status IN ('queued', 'running');
CALL protect_tenant_table('period_close_jobs', '${app_role}');

-- For the sweeps, as in V3: tenant ids only; the work runs inside each tenant's context.
CREATE FUNCTION tenants_with_plants() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT DISTINCT tenant_id FROM plants $$;

CREATE FUNCTION tenants_with_period_close_jobs() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM period_close_jobs
    WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
$$;

REVOKE ALL ON FUNCTION tenants_with_plants() FROM PUBLIC;
REVOKE ALL ON FUNCTION tenants_with_period_close_jobs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_plants() TO ${app_role};
GRANT EXECUTE ON FUNCTION tenants_with_period_close_jobs() TO ${app_role};
