-- Late events and re-costing (cost-model.md §9, architecture.md "Month-end at scale"); costing-service writes all.

-- The period an event happened in, when costing booked it in a later one because its own period was closed;
-- period is the period the event is booked in (its rollups, exceptions and alerts). Set on the events of defect records;
-- null on those costed before this version and on rework without a defect record (its explanation names both).
ALTER TABLE costed_events ADD COLUMN event_period text;

-- A prompt from ingest costs the records of its batch first.
CREATE INDEX defect_records_by_batch ON defect_records (tenant_id, batch_id);

-- A re-costing part takes a range of a plant-period's current events by id.
DROP INDEX costed_events_by_period;
CREATE INDEX costed_events_by_period ON costed_events (tenant_id, plant_id, period, event_id) WHERE NOT superseded;

-- Re-costing the current events of an open plant-period: asked for through the API, or queued by costing when a cost
-- roll is restated or a new cost schema is approved. Splitting the job into parts is one transaction of the replica
-- that claims it (claimed_by, started_at); the parts are then claimed by any replica.
CREATE TABLE recosting_jobs (
    tenant_id     text NOT NULL,
    job_id        bigint GENERATED ALWAYS AS IDENTITY,
    plant_id      text NOT NULL,
    period        text NOT NULL,
    reason        text NOT NULL,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    total_events  bigint,
    done_events   bigint NOT NULL DEFAULT 0,
    parts         integer,
    done_parts    integer NOT NULL DEFAULT 0,
    requested_by  text NOT NULL,
    claimed_by    text,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    PRIMARY KEY (tenant_id, job_id),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants,
    CHECK (status = 'queued' OR claimed_by IS NOT NULL)
);
-- One queued job per plant-period: a second trigger before the first is split adds nothing.
CREATE UNIQUE INDEX recosting_jobs_queued ON recosting_jobs (tenant_id, plant_id, period) WHERE status = 'queued';
CREATE INDEX recosting_jobs_by_status ON recosting_jobs (tenant_id, status, job_id);
CALL protect_tenant_table('recosting_jobs', '${app_role}');

-- A range of a job's events (first_event_id..last_event_id), re-costed in one transaction. A claim is a lease: a part
-- still running after lease_until (its replica died) is claimed again; the re-cost re-locks the part and checks the
-- claim is still its own (claimed_by and attempts), so a part is applied once.
CREATE TABLE recosting_job_parts (
    tenant_id       text NOT NULL,
    job_id          bigint NOT NULL,
    part            integer NOT NULL,
    first_event_id  bigint NOT NULL,
    last_event_id   bigint NOT NULL,
    events          integer NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    claimed_by      text,
    last_error      text,
    claimed_at      timestamptz,
    lease_until     timestamptz,
    finished_at     timestamptz,
    recosted        integer,
    PRIMARY KEY (tenant_id, job_id, part),
    FOREIGN KEY (tenant_id, job_id) REFERENCES recosting_jobs,
    CHECK (status = 'queued' OR claimed_by IS NOT NULL)
);
CREATE INDEX recosting_job_parts_pending ON recosting_job_parts (tenant_id, job_id, part)
    WHERE status IN ('queued', 'running');
CALL protect_tenant_table('recosting_job_parts', '${app_role}');

-- The restated cost-roll lines (a version above 1 of a standard-cost record) costing has queued re-costs for.
CREATE TABLE cost_roll_restatements (
    tenant_id  text NOT NULL,
    record_id  bigint NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    FOREIGN KEY (tenant_id, record_id) REFERENCES standard_cost_records
);
CALL protect_tenant_table('cost_roll_restatements', '${app_role}');
CREATE INDEX standard_cost_records_restated ON standard_cost_records (tenant_id, record_id) WHERE version > 1;

-- For the re-costing worker, as in V3: tenant ids only. A tenant has work when a job waits to be split, a part waits
-- (or its lease ran out), or a restated cost roll has not been seen.
CREATE FUNCTION tenants_with_recosting_work() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
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

REVOKE ALL ON FUNCTION tenants_with_recosting_work() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_recosting_work() TO ${app_role};
