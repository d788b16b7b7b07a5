-- Alert rules people write (alert-service, docs/api.md "Alert rules"): a metric (cost, quantity, events) over a scope
-- (a plant, optionally a line, work center, defect code or category, shift) in a window (a shift, a day, the week to
-- date, the period to date or the last N hours, in the plant's time zone and fiscal calendar), with thresholds per
-- level; one alert per rule, window instance and level; and an audit of every change to rules and audiences.

ALTER TABLE alert_rules
    ADD COLUMN name text,
    ADD COLUMN line_id text,
    ADD COLUMN work_center_id text,
    ADD COLUMN defect_category text,
    ADD COLUMN shift text,
    ADD COLUMN window_hours integer CHECK (window_hours BETWEEN 1 AND 720),
    ADD COLUMN updated_by text,
    ALTER COLUMN defect_code DROP NOT NULL,
    -- The thresholds and their audiences are in alert_thresholds. threshold stays as the rule's lowest absolute
    -- threshold, which reporting reads (the defects_by_shift threshold); audience_id is v1's and no longer written.
    ALTER COLUMN threshold DROP NOT NULL,
    ALTER COLUMN audience_id DROP NOT NULL,
    DROP CONSTRAINT alert_rules_metric_check,
    DROP CONSTRAINT alert_rules_time_window_check,
    ADD CONSTRAINT alert_rules_metric_check CHECK (metric IN ('cost', 'quantity', 'events')),
    -- 'period' is the period to date, the booking period's events so far, as in v1 and in the rollups.
    ADD CONSTRAINT alert_rules_time_window_check
        CHECK (time_window IN ('shift', 'day', 'week_to_date', 'period', 'rolling_hours')),
    ADD CONSTRAINT alert_rules_rolling_hours CHECK ((time_window = 'rolling_hours') = (window_hours IS NOT NULL)),
    ADD CONSTRAINT alert_rules_code_or_category CHECK (defect_code IS NULL OR defect_category IS NULL);

-- A threshold per level: absolute (value), or relative (factor times the average of the trailing_windows last
-- windows of the same kind and scope that had events). The escalation policy, if any, is one of
-- alert_escalation_policies (V21).
CREATE TABLE alert_thresholds (
    tenant_id             text NOT NULL,
    rule_id               text NOT NULL,
    level                 text NOT NULL CHECK (level IN ('warning', 'critical')),
    value                 numeric CHECK (value > 0),
    factor                numeric CHECK (factor > 0),
    trailing_windows      integer CHECK (trailing_windows BETWEEN 1 AND 100),
    audience_ids          text[] NOT NULL CHECK (cardinality(audience_ids) > 0),
    escalation_policy_id  text,
    PRIMARY KEY (tenant_id, rule_id, level),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES alert_rules ON DELETE CASCADE,
    CHECK ((value IS NULL) <> (factor IS NULL)),
    CHECK ((factor IS NULL) = (trailing_windows IS NULL))
);
CALL protect_tenant_table('alert_thresholds', '${app_role}');

-- An alert names its window instance, level and scope; the window key (kind, then the instance: a period, a day, a
-- week's Monday, a day and shift, or an N-hour block) decides, with the rule and level, that it fires once.
ALTER TABLE alert_log
    ADD COLUMN level text NOT NULL DEFAULT 'warning' CHECK (level IN ('warning', 'critical')),
    ADD COLUMN rule_name text,
    ADD COLUMN metric text NOT NULL DEFAULT 'cost' CHECK (metric IN ('cost', 'quantity', 'events')),
    ADD COLUMN window_kind text NOT NULL DEFAULT 'period_to_date'
        CHECK (window_kind IN ('shift', 'day', 'week_to_date', 'period_to_date', 'rolling_hours')),
    ADD COLUMN window_key text,
    ADD COLUMN window_label text,
    ADD COLUMN window_start timestamptz,
    ADD COLUMN window_end timestamptz,
    ADD COLUMN line_id text,
    ADD COLUMN work_center_id text,
    ADD COLUMN shift text,
    ADD COLUMN defect_category text,
    ADD COLUMN threshold_basis text,
    ADD COLUMN audience_ids text[] NOT NULL DEFAULT '{}',
    ADD COLUMN escalation_policy_id text,
    ADD COLUMN top_events jsonb NOT NULL DEFAULT '[]',
    ALTER COLUMN defect_code DROP NOT NULL,
    DROP CONSTRAINT alert_log_tenant_id_rule_id_period_key,
    -- A rule can be deleted; its alerts stay, as the record of what was sent.
    DROP CONSTRAINT alert_log_tenant_id_rule_id_fkey;

SET LOCAL app.bypass_tenant = 'on';

INSERT INTO alert_thresholds (tenant_id, rule_id, level, value, audience_ids)
SELECT tenant_id, rule_id, 'warning', threshold, ARRAY[audience_id]
FROM alert_rules;

UPDATE alert_log l
SET window_key = 'period/' || l.period,
    window_label = l.period,
    audience_ids = coalesce((SELECT ARRAY[r.audience_id] FROM alert_rules r
                             WHERE r.tenant_id = l.tenant_id AND r.rule_id = l.rule_id), '{}');

ALTER TABLE alert_log
    ALTER COLUMN window_key SET NOT NULL,
    ALTER COLUMN level DROP DEFAULT,
    ALTER COLUMN metric DROP DEFAULT,
    ALTER COLUMN window_kind DROP DEFAULT,
    ADD CONSTRAINT alert_log_one_per_window UNIQUE (tenant_id, rule_id, window_key, level);

-- Who changed what (V21's alert_audit): plant_ids are the plants the entry's before and after name (none for what
-- covers the tenant); line_ids their lines, null when either covers a whole plant. They decide who may read it.
ALTER TABLE alert_audit
    ADD COLUMN plant_ids text[] NOT NULL DEFAULT '{}',
    ADD COLUMN line_ids text[],
    ADD FOREIGN KEY (tenant_id) REFERENCES tenants,
    -- alert-service takes an entry's id before it writes the entry (its key is the tenant and the id).
    ALTER COLUMN audit_id SET GENERATED BY DEFAULT;
CREATE INDEX alert_audit_by_entity ON alert_audit (tenant_id, entity, entity_id, audit_id);
GRANT USAGE ON SEQUENCE alert_audit_audit_id_seq TO ${app_role};
