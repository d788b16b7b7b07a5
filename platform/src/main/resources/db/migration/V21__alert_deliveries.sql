-- Alert deliveries (issue 12, items 3, 5 and 8): every alert reaches each recipient on each channel through a leased
-- job queue (io.scrapline.platform.job.JobQueue) that survives restarts, backs off up to hours and keeps a dead letter;
-- escalation timers on a second queue; every attempt, acknowledgement and resolution on record.

-- What an alert says (the channels' Notice, as JSON), stored when the alert opens: its deliveries and its escalation
-- read it, however late they run.
CREATE TABLE alert_notices (
    tenant_id   text NOT NULL,
    alert_id    bigint NOT NULL,
    level       text NOT NULL CHECK (level IN ('warning', 'critical')),
    audiences   text[] NOT NULL,
    policy_id   text,
    notice      jsonb NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, alert_id),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert_log
);
CALL protect_tenant_table('alert_notices', '${app_role}');

-- One delivery per alert, recipient and channel (kind 'alert'), or one digest per recipient, channel and hour that
-- collects the recipient's warnings of the hour (kind 'digest', its alerts in alert_digest_alerts). A JobQueue table:
-- status 'done' is delivered and 'failed' the dead letter (the API names them so); next_attempt_at is when the
-- delivery is due (a back-off, the end of quiet hours, the end of a digest's hour). first_due_at starts the give-up
-- clock, again at a re-send, when attempts_before keeps the attempts before it so that the back-off starts over.
-- webhook_secret is the member's signing secret, sealed (platform SecretBox), as it was when the alert opened; it is
-- cleared once the delivery is delivered.
CREATE TABLE alert_deliveries (
    tenant_id            text NOT NULL,
    delivery_id          bigint GENERATED ALWAYS AS IDENTITY,
    kind                 text NOT NULL CHECK (kind IN ('alert', 'digest')),
    alert_id             bigint,
    audience_id          text,
    step                 integer,
    plant_ids            text[] NOT NULL,
    level                text NOT NULL CHECK (level IN ('warning', 'critical')),
    recipient            text,
    role                 text,
    channel              text NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
    destination          text NOT NULL,
    webhook_format       text CHECK (webhook_format IN ('generic', 'slack', 'teams')),
    webhook_secret       text,
    message_id           text NOT NULL,
    digest_zone          text,
    digest_from          timestamptz,
    digest_until         timestamptz,
    status               text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts             integer NOT NULL DEFAULT 0,
    attempts_before      integer NOT NULL DEFAULT 0,
    claimed_by           text,
    claimed_at           timestamptz,
    lease_until          timestamptz,
    next_attempt_at      timestamptz,
    finished_at          timestamptz,
    last_error           text,
    last_status_code     integer,
    last_error_class     text,
    provider_message_id  text,
    first_due_at         timestamptz NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    resent_by            text,
    resent_at            timestamptz,
    PRIMARY KEY (tenant_id, delivery_id),
    FOREIGN KEY (tenant_id) REFERENCES tenants,
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert_log,
    CHECK ((kind = 'alert') = (alert_id IS NOT NULL)),
    CHECK ((kind = 'digest') = (digest_until IS NOT NULL))
);
-- An alert reaches an address on a channel once, however many of its audiences or steps name it.
CREATE UNIQUE INDEX alert_deliveries_once ON alert_deliveries (tenant_id, alert_id, channel, destination)
    WHERE kind = 'alert';
CREATE UNIQUE INDEX alert_deliveries_digest ON alert_deliveries (tenant_id, channel, destination, digest_until)
    WHERE kind = 'digest';
CREATE INDEX alert_deliveries_pending ON alert_deliveries (tenant_id, next_attempt_at)
    WHERE status IN ('queued', 'running');
CREATE INDEX alert_deliveries_by_alert ON alert_deliveries (tenant_id, alert_id);
CALL protect_tenant_table('alert_deliveries', '${app_role}');

CREATE TABLE alert_digest_alerts (
    tenant_id    text NOT NULL,
    delivery_id  bigint NOT NULL,
    alert_id     bigint NOT NULL,
    audience_id  text NOT NULL,
    step         integer NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, delivery_id, alert_id),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES alert_deliveries,
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert_log
);
CREATE INDEX alert_digest_alerts_by_alert ON alert_digest_alerts (tenant_id, alert_id);
CALL protect_tenant_table('alert_digest_alerts', '${app_role}');

-- The audit of deliveries: every attempt per recipient and channel, its result and the provider's answer. attempt is
-- the claim's number (alert_deliveries.attempts), so a claim records once. Written once, never changed.
CREATE TABLE alert_delivery_attempts (
    tenant_id            text NOT NULL,
    delivery_id          bigint NOT NULL,
    attempt              integer NOT NULL,
    worker               text NOT NULL,
    started_at           timestamptz NOT NULL,
    finished_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    result               text NOT NULL CHECK (result IN ('delivered', 'failed_retryable', 'failed_permanent')),
    status_code          integer,
    provider_message_id  text,
    error_class          text,
    summary              text NOT NULL,
    outcome              text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead')),
    next_attempt_at      timestamptz,
    PRIMARY KEY (tenant_id, delivery_id, attempt),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES alert_deliveries
);
CALL protect_tenant_table('alert_delivery_attempts', '${app_role}');
REVOKE UPDATE, DELETE ON alert_delivery_attempts FROM ${app_role};

-- Escalation policies: ordered steps, each {"audiences": [...], "delay_minutes": n}, the first with delay 0.
CREATE TABLE alert_escalation_policies (
    tenant_id   text NOT NULL,
    policy_id   text NOT NULL,
    name        text,
    steps       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL,
    PRIMARY KEY (tenant_id, policy_id),
    FOREIGN KEY (tenant_id) REFERENCES tenants
);
CALL protect_tenant_table('alert_escalation_policies', '${app_role}');

-- One escalation timer per alert opened with a policy, a JobQueue table: due when next_step's delay has passed, it
-- opens that step's deliveries and queues itself for the step after, unless the alert was acknowledged or resolved.
-- steps are the policy's as the alert opened. stopped names why the timer ended: acknowledged, resolved or last_step.
CREATE TABLE alert_escalations (
    tenant_id        text NOT NULL,
    alert_id         bigint NOT NULL,
    policy_id        text NOT NULL,
    steps            jsonb NOT NULL,
    next_step        integer NOT NULL CHECK (next_step > 1),
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    claimed_at       timestamptz,
    lease_until      timestamptz,
    next_attempt_at  timestamptz,
    finished_at      timestamptz,
    last_error       text,
    stopped          text CHECK (stopped IN ('acknowledged', 'resolved', 'last_step')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, alert_id),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert_log
);
CREATE INDEX alert_escalations_pending ON alert_escalations (tenant_id, next_attempt_at)
    WHERE status IN ('queued', 'running');
CALL protect_tenant_table('alert_escalations', '${app_role}');

-- Who acknowledged or resolved an alert, when, and why; each once.
CREATE TABLE alert_acknowledgements (
    tenant_id  text NOT NULL,
    alert_id   bigint NOT NULL,
    action     text NOT NULL CHECK (action IN ('acknowledged', 'resolved')),
    actor      text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    comment    text,
    PRIMARY KEY (tenant_id, alert_id, action),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert_log
);
CALL protect_tenant_table('alert_acknowledgements', '${app_role}');

-- The audit trail of changes (who, when, before and after). Another change of this version may create the same
-- table first; so it is created, and protected, only if it is not there yet.
CREATE TABLE IF NOT EXISTS alert_audit (
    tenant_id  text NOT NULL,
    audit_id   bigint GENERATED ALWAYS AS IDENTITY,
    entity     text NOT NULL,
    entity_id  text NOT NULL,
    action     text NOT NULL,
    actor      text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    before     jsonb,
    after      jsonb,
    PRIMARY KEY (tenant_id, audit_id)
);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = 'alert_audit'::regclass
                   AND polname = 'tenant_isolation') THEN
        CALL protect_tenant_table('alert_audit', '${app_role}');
        REVOKE UPDATE, DELETE ON alert_audit FROM ${app_role};
    END IF;
END
$$;

-- For the queue workers' sweeps, as in V18: tenant ids only, with the owner's bypass for this call. The tenants with
-- deliveries or escalation timers that are due, or whose worker's lease ran out.
CREATE FUNCTION tenants_with_alert_work() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT tenant_id FROM alert_deliveries
    WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'running' AND lease_until < now())
    UNION
    SELECT tenant_id FROM alert_escalations
    WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'running' AND lease_until < now())
$$;

-- Members' webhook secrets, and those copied to deliveries not yet delivered, are sealed again under the current key
-- by alert-service's own reseal (as ingest does its secrets; see V17), so that a retired key can leave the ring.
CREATE FUNCTION tenants_with_alert_secrets() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT a.tenant_id FROM audiences a
    WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(a.members) m WHERE m ->> 'webhook_secret' IS NOT NULL)
    UNION
    SELECT tenant_id FROM alert_deliveries WHERE webhook_secret IS NOT NULL
$$;

REVOKE ALL ON FUNCTION tenants_with_alert_work() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_alert_work() TO ${app_role};
REVOKE ALL ON FUNCTION tenants_with_alert_secrets() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_alert_secrets() TO ${app_role};
