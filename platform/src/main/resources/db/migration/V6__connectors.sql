-- Pull connectors fetch records from systems that cannot push: a source's paged REST API, or a read-only query
-- against its database. Each keeps its cursor (watermark) in the same transaction as the records it fetched, so
-- a run that fails halfway resumes where the last committed page ended: no gap, no duplicate.

CREATE TABLE connectors (
    tenant_id         text NOT NULL,
    source            text NOT NULL,
    connector         text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('rest', 'database')),
    record_type       text NOT NULL,
    config            jsonb NOT NULL,
    enabled           boolean NOT NULL DEFAULT true,
    interval_seconds  integer NOT NULL DEFAULT 300 CHECK (interval_seconds >= 1),
    cursor            text,
    status            text NOT NULL DEFAULT 'idle' CHECK (status IN ('idle', 'running', 'failed')),
    last_run_at       timestamptz,
    last_success_at   timestamptz,
    last_error        text,
    next_run_at       timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source, connector),
    FOREIGN KEY (tenant_id, source) REFERENCES source_systems
);

-- The run log: one row per run, with what it fetched and how it ended.
CREATE TABLE connector_runs (
    tenant_id      text NOT NULL,
    run_id         bigint GENERATED ALWAYS AS IDENTITY,
    source         text NOT NULL,
    connector      text NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    status         text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    pages          integer NOT NULL DEFAULT 0,
    records        integer NOT NULL DEFAULT 0,
    attempts       integer NOT NULL DEFAULT 0,
    cursor_before  text,
    cursor_after   text,
    error          text,
    PRIMARY KEY (tenant_id, run_id),
    FOREIGN KEY (tenant_id, source, connector) REFERENCES connectors ON DELETE CASCADE
);
CREATE INDEX connector_runs_by_connector ON connector_runs (tenant_id, source, connector, run_id DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['connectors', 'connector_runs'] LOOP
        CALL protect_tenant_table(t, '${app_role}');
    END LOOP;
END
$$;

-- For the scheduler, which starts without a tenant: the tenants with a connector due to run.
CREATE FUNCTION tenants_with_due_connectors() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT DISTINCT tenant_id FROM connectors WHERE enabled AND next_run_at <= now() $$;

REVOKE ALL ON FUNCTION tenants_with_due_connectors() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_due_connectors() TO ${app_role};
