-- Scheduled distribution of reports (docs/architecture.md, "Distribution"); alert-service writes all three tables.

-- A report cut at a day or a week (reporting's ?as_of= and /weeks/{monday}) reads the current events of a plant by
-- when they occurred: a day's cut takes the events after it out of the period's rollups, a week sums its own events.
-- Both read a range of this index, which for the daily cut is only the events since the day ended.
CREATE INDEX costed_events_by_occurrence ON costed_events (tenant_id, plant_id, occurred_at) WHERE NOT superseded;

-- An audience's subscription to a plant's report ('*': every plant of the tenant, each in its own time zone), daily
-- (the period to date through the day before send_at), weekly (the week to date through the day before weekday at
-- send_at) or at month-end (version 1 of a closed period, right after the close; send_at and weekday are null).
-- send_at is a local time of the plant; weekday is ISO (1 Monday to 7 Sunday). created_at bounds what is due: a run
-- that fell due, or a period that closed, before the subscription existed is not sent.
CREATE TABLE distribution_subscriptions (
    tenant_id        text NOT NULL,
    subscription_id  text NOT NULL,
    audience_id      text NOT NULL,
    plant_id         text NOT NULL,
    cadence          text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'month_end')),
    formats          text[] NOT NULL
        CHECK (cardinality(formats) > 0 AND formats <@ ARRAY['pdf', 'xlsx', 'html_link']::text[]),
    send_at          time,
    weekday          smallint CHECK (weekday BETWEEN 1 AND 7),
    enabled          boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id),
    FOREIGN KEY (tenant_id, audience_id) REFERENCES audiences,
    CHECK ((cadence = 'month_end') = (send_at IS NULL)),
    CHECK ((cadence = 'weekly') = (weekday IS NOT NULL))
);
CALL protect_tenant_table('distribution_subscriptions', '${app_role}');

-- One sending of a subscription's report for one plant: the run key names what is sent (daily:2026-11-14 the period
-- to date through that day, weekly:2026-W46 that ISO week to date, month_end:2026-11:v1 version 1 of a closed
-- period), and the primary key is why a report is never sent twice, however many replicas schedule it. A leased job
-- (io.scrapline.platform.job.JobQueue): any replica claims it with FOR UPDATE SKIP LOCKED, a failed attempt waits for
-- its back-off. Runs stay after their subscription is deleted: they are the record of what was sent.
CREATE TABLE distribution_runs (
    tenant_id        text NOT NULL,
    subscription_id  text NOT NULL,
    plant_id         text NOT NULL,
    run_key          text NOT NULL,
    cadence          text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'month_end')),
    period           text,
    week_start       date CHECK (extract(isodow FROM week_start) = 1),
    as_of            date,
    version          integer CHECK (version > 0),
    due_at           timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    claimed_at       timestamptz,
    lease_until      timestamptz,
    next_attempt_at  timestamptz,
    finished_at      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, subscription_id, plant_id, run_key),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants,
    CHECK (status = 'queued' OR claimed_by IS NOT NULL),
    CHECK ((cadence = 'weekly') = (week_start IS NOT NULL) AND (cadence = 'weekly') = (period IS NULL)),
    CHECK ((cadence = 'month_end') = (version IS NOT NULL) AND (cadence = 'month_end') = (as_of IS NULL))
);
CREATE INDEX distribution_runs_pending ON distribution_runs (tenant_id, due_at) WHERE status IN ('queued', 'running');
CREATE INDEX distribution_runs_newest ON distribution_runs (tenant_id, created_at DESC);
CALL protect_tenant_table('distribution_runs', '${app_role}');

-- Each recipient of a run: the view of the report their role gets, and the outcome of the latest attempt with the SMTP
-- server's answer. A recipient whose row says delivered (or failed_permanent, or skipped: no view for the member) is
-- not sent to again when the run is retried.
CREATE TABLE distribution_deliveries (
    tenant_id            text NOT NULL,
    subscription_id      text NOT NULL,
    plant_id             text NOT NULL,
    run_key              text NOT NULL,
    recipient            text NOT NULL,
    member_name          text,
    role                 text NOT NULL,
    report_view          text NOT NULL CHECK (report_view IN ('full', 'controller', 'quality', 'supervisor')),
    lines                text[] NOT NULL DEFAULT '{}',
    formats              text[] NOT NULL,
    status               text NOT NULL
        CHECK (status IN ('delivered', 'failed_retryable', 'failed_permanent', 'skipped')),
    attempts             integer NOT NULL CHECK (attempts > 0),
    status_code          integer,
    provider_message_id  text,
    summary              text NOT NULL,
    error_class          text,
    first_attempt_at     timestamptz NOT NULL DEFAULT now(),
    last_attempt_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, subscription_id, plant_id, run_key, recipient),
    FOREIGN KEY (tenant_id, subscription_id, plant_id, run_key) REFERENCES distribution_runs ON DELETE CASCADE
);
CALL protect_tenant_table('distribution_deliveries', '${app_role}');

-- For the sweeps, as in V18: tenant ids only, with the owner's rights; the work runs inside each tenant's context.
CREATE FUNCTION tenants_with_distribution_subscriptions() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM distribution_subscriptions WHERE enabled
$$;

CREATE FUNCTION tenants_with_distribution_runs() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT DISTINCT tenant_id FROM distribution_runs
    WHERE (status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
       OR (status = 'running' AND lease_until < now())
$$;

REVOKE ALL ON FUNCTION tenants_with_distribution_subscriptions() FROM PUBLIC;
REVOKE ALL ON FUNCTION tenants_with_distribution_runs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_distribution_subscriptions() TO ${app_role};
GRANT EXECUTE ON FUNCTION tenants_with_distribution_runs() TO ${app_role};
