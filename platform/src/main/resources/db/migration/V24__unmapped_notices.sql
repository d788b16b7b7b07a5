-- Notices of new source parts and defect codes (docs/architecture.md, "Notices of unmapped source values"): costing
-- parks an event it cannot map as an exception; alert-service tells the people who keep the cross-references once per
-- new source value, and optionally sends a daily digest of the open exceptions.

-- What a parked event is worth at standard cost, when costing can tell: an event whose part maps but whose defect code
-- does not is valued as scrap of its part (the cost schema's scrap method) although no cost is booked; null when the
-- part, its cost roll or its operation is unknown. Only a notice shows it, as an estimate.
ALTER TABLE costing_exceptions ADD COLUMN estimated_amount numeric;
CREATE INDEX costing_exceptions_unmapped ON costing_exceptions (tenant_id, reason, source)
    WHERE status = 'open' AND reason IN ('unmapped_part', 'unmapped_defect_code');

-- Who hears of unmapped values, one row per tenant (the cross-references are shared by every plant): an audience, and
-- an optional daily digest at a local time. enabled_since is when notices last began (values first parked earlier are
-- not notified one by one); digest_since when the digest last began (a digest that fell due earlier is not sent).
CREATE TABLE reference_notice_settings (
    tenant_id         text NOT NULL REFERENCES tenants,
    audience_id       text NOT NULL,
    enabled           boolean NOT NULL,
    digest_send_at    time,
    digest_time_zone  text,
    enabled_since     timestamptz NOT NULL DEFAULT now(),
    digest_since      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        text NOT NULL,
    PRIMARY KEY (tenant_id),
    FOREIGN KEY (tenant_id, audience_id) REFERENCES audiences,
    CHECK ((digest_send_at IS NULL) = (digest_time_zone IS NULL)),
    CHECK ((digest_send_at IS NULL) = (digest_since IS NULL))
);
CALL protect_tenant_table('reference_notice_settings', '${app_role}');

-- One notice: of an unmapped value (a source part or defect code of a source, named once while any event of it stays
-- parked: the partial unique index is what makes "once" hold across replicas and retries; resolved_at is set when no
-- event of it is parked any more, so that it is notified again if it is parked again later), or the digest of a local
-- day (once a day). A leased job (io.scrapline.platform.job.JobQueue) that any replica claims. plant_ids, events and
-- quantity are what the latest attempt said.
CREATE TABLE reference_notices (
    tenant_id        text NOT NULL REFERENCES tenants,
    notice_id        bigint GENERATED ALWAYS AS IDENTITY,
    kind             text NOT NULL CHECK (kind IN ('unmapped_value', 'digest')),
    reason           text CHECK (reason IN ('unmapped_part', 'unmapped_defect_code')),
    source           text,
    source_value     text,
    digest_date      date,
    plant_ids        text[] NOT NULL DEFAULT '{}',
    events           bigint,
    quantity         numeric,
    note             text,
    due_at           timestamptz NOT NULL DEFAULT now(),
    resolved_at      timestamptz,
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    claimed_at       timestamptz,
    lease_until      timestamptz,
    next_attempt_at  timestamptz,
    finished_at      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, notice_id),
    CHECK ((kind = 'unmapped_value') = (reason IS NOT NULL)
           AND (kind = 'unmapped_value') = (source IS NOT NULL)
           AND (kind = 'unmapped_value') = (source_value IS NOT NULL)),
    CHECK ((kind = 'digest') = (digest_date IS NOT NULL)),
    CHECK (status = 'queued' OR claimed_by IS NOT NULL)
);
CREATE UNIQUE INDEX reference_notices_open_value ON reference_notices (tenant_id, reason, source, source_value)
    WHERE kind = 'unmapped_value' AND resolved_at IS NULL;
CREATE UNIQUE INDEX reference_notices_digest_day ON reference_notices (tenant_id, digest_date) WHERE kind = 'digest';
CREATE INDEX reference_notices_pending ON reference_notices (tenant_id, due_at) WHERE status IN ('queued', 'running');
CREATE INDEX reference_notices_newest ON reference_notices (tenant_id, created_at DESC);
CALL protect_tenant_table('reference_notices', '${app_role}');

-- Each recipient of a notice and the outcome of the latest attempt; a recipient recorded as delivered, failed for good
-- or skipped is not sent to again when the notice is retried.
CREATE TABLE reference_notice_deliveries (
    tenant_id            text NOT NULL,
    notice_id            bigint NOT NULL,
    recipient            text NOT NULL,
    member_name          text,
    status               text NOT NULL
        CHECK (status IN ('delivered', 'failed_retryable', 'failed_permanent', 'skipped')),
    attempts             integer NOT NULL CHECK (attempts > 0),
    status_code          integer,
    provider_message_id  text,
    summary              text NOT NULL,
    error_class          text,
    first_attempt_at     timestamptz NOT NULL DEFAULT now(),
    last_attempt_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, notice_id, recipient),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES reference_notices ON DELETE CASCADE
);
CALL protect_tenant_table('reference_notice_deliveries', '${app_role}');

-- For the sweeps, as in V18: tenant ids only, with the owner's rights; the work runs inside each tenant's context.
CREATE FUNCTION tenants_with_reference_notices() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT tenant_id FROM reference_notice_settings WHERE enabled
$$;

CREATE FUNCTION tenants_with_reference_notice_work() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM reference_notices
    WHERE (status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
       OR (status = 'running' AND lease_until < now())
$$;

REVOKE ALL ON FUNCTION tenants_with_reference_notices() FROM PUBLIC;
REVOKE ALL ON FUNCTION tenants_with_reference_notice_work() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_reference_notices() TO ${app_role};
GRANT EXECUTE ON FUNCTION tenants_with_reference_notice_work() TO ${app_role};
