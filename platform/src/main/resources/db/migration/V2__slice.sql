-- Money columns are numeric without a fixed scale: each amount keeps the minor unit of its currency
-- (2 for USD, 0 for JPY, 3 for KWD), so storing it never rounds it a second time.

-- Raw records (ingest-service), reference data and costed events (costing-service), alert rules
-- and the alert log (alert-service).

CREATE TABLE ingest_batches (
    tenant_id    text NOT NULL,
    batch_id     uuid NOT NULL,
    source       text NOT NULL,
    record_type  text NOT NULL,
    received     integer NOT NULL,
    accepted     integer NOT NULL,
    duplicates   integer NOT NULL,
    updated      integer NOT NULL,
    rejected     integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, batch_id),
    FOREIGN KEY (tenant_id, source) REFERENCES source_systems
);

-- One row per version of a record: a re-send with new content adds version n+1 and keeps n.
-- The raw record tables have no foreign keys to plants and batches: ingest checks both in the same transaction
-- as it lands the records, and a per-row foreign-key check would cost more than the insert itself on a bulk load.
CREATE TABLE defect_records (
    tenant_id        text NOT NULL,
    record_id        bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source           text NOT NULL,
    source_id        text NOT NULL,
    version          integer NOT NULL,
    batch_id         uuid NOT NULL,
    content_hash     text NOT NULL,
    plant_id         text NOT NULL,
    line_id          text NOT NULL,
    work_center_id   text NOT NULL,
    part             text NOT NULL,
    defect_code      text NOT NULL,
    quantity         numeric(18, 6) NOT NULL,
    disposition      text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    shift            text,
    work_order       text,
    operation        text,
    uom              text,
    ncr              text,
    customer_return  boolean NOT NULL DEFAULT false,
    salvage_value    numeric(18, 6),
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    -- source_id before source: costing finds a defect by its MES id from another source (a labor booking).
    UNIQUE (tenant_id, source_id, source, version)
);

-- The ERP cost roll: one row per part, plant, operation and effective date (the natural key).
CREATE TABLE standard_cost_records (
    tenant_id           text NOT NULL,
    record_id           bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source              text NOT NULL,
    plant_id            text NOT NULL,
    part                text NOT NULL,
    operation           text NOT NULL,
    effective_from      date NOT NULL,
    version             integer NOT NULL,
    batch_id            uuid NOT NULL,
    content_hash        text NOT NULL,
    material_cost       numeric(18, 6) NOT NULL,
    labor_cost          numeric(18, 6) NOT NULL,
    overhead_cost       numeric(18, 6) NOT NULL,
    currency            char(3) NOT NULL,
    work_center_id      text,
    milestone           boolean NOT NULL DEFAULT false,
    planned_scrap_rate  numeric(9, 6),
    received_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, plant_id, part, operation, effective_from, version)
);

CREATE TABLE part_xrefs (
    tenant_id       text NOT NULL,
    source          text NOT NULL,
    source_part     text NOT NULL,
    effective_from  date NOT NULL,
    part            text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source, source_part, effective_from),
    FOREIGN KEY (tenant_id) REFERENCES tenants
);

CREATE TABLE defect_codes (
    tenant_id    text NOT NULL,
    code         text NOT NULL,
    description  text NOT NULL,
    category     text NOT NULL,
    coq_class    text NOT NULL CHECK (coq_class IN ('prevention', 'appraisal', 'internal_failure', 'external_failure')),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, code),
    FOREIGN KEY (tenant_id) REFERENCES tenants
);

CREATE TABLE defect_code_xrefs (
    tenant_id    text NOT NULL,
    source       text NOT NULL,
    source_code  text NOT NULL,
    defect_code  text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source, source_code),
    FOREIGN KEY (tenant_id, defect_code) REFERENCES defect_codes
);

-- A costed event values one version of one defect record. A newer version supersedes it.
CREATE TABLE costed_events (
    tenant_id       text NOT NULL,
    event_id        bigint GENERATED ALWAYS AS IDENTITY,
    record_id       bigint NOT NULL,
    source          text NOT NULL,
    source_id       text NOT NULL,
    record_version  integer NOT NULL,
    plant_id        text NOT NULL,
    period          text NOT NULL,
    line_id         text NOT NULL,
    work_center_id  text NOT NULL,
    shift           text NOT NULL DEFAULT '',
    part            text NOT NULL,
    defect_code     text NOT NULL,
    coq_class       text NOT NULL,
    disposition     text NOT NULL,
    cost_type       text NOT NULL,
    quantity        numeric(18, 6) NOT NULL,
    unit_value      numeric(20, 6) NOT NULL,
    amount          numeric NOT NULL,
    currency        char(3) NOT NULL,
    occurred_at     timestamptz NOT NULL,
    explanation     jsonb NOT NULL,
    superseded      boolean NOT NULL DEFAULT false,
    costed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, event_id),
    UNIQUE (tenant_id, record_id),
    FOREIGN KEY (tenant_id, record_id) REFERENCES defect_records
);
CREATE INDEX costed_events_by_period ON costed_events (tenant_id, plant_id, period) WHERE NOT superseded;
CREATE INDEX costed_events_by_source ON costed_events (tenant_id, source, source_id) WHERE NOT superseded;

-- A record version that could not be costed yet, with the reason; closed when it is costed.
CREATE TABLE costing_exceptions (
    tenant_id       text NOT NULL,
    exception_id    bigint GENERATED ALWAYS AS IDENTITY,
    record_id       bigint NOT NULL,
    source          text NOT NULL,
    source_id       text NOT NULL,
    plant_id        text NOT NULL,
    period          text NOT NULL,
    quantity        numeric(18, 6) NOT NULL,
    reason          text NOT NULL,
    detail          text NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz,
    PRIMARY KEY (tenant_id, exception_id),
    UNIQUE (tenant_id, record_id),
    FOREIGN KEY (tenant_id, record_id) REFERENCES defect_records
);
CREATE INDEX costing_exceptions_open ON costing_exceptions (tenant_id, plant_id, period) WHERE status = 'open';

-- Sums of costed events, kept in the same transaction as the events, so reports never scan events.
CREATE TABLE cost_rollups (
    tenant_id       text NOT NULL,
    plant_id        text NOT NULL,
    period          text NOT NULL,
    line_id         text NOT NULL,
    work_center_id  text NOT NULL,
    defect_code     text NOT NULL,
    shift           text NOT NULL,
    cost_type       text NOT NULL,
    coq_class       text NOT NULL,
    amount          numeric NOT NULL,
    quantity        numeric(18, 6) NOT NULL,
    events          bigint NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);

CREATE TABLE audiences (
    tenant_id    text NOT NULL,
    audience_id  text NOT NULL,
    members      jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, audience_id),
    FOREIGN KEY (tenant_id) REFERENCES tenants
);

CREATE TABLE alert_rules (
    tenant_id    text NOT NULL,
    rule_id      text NOT NULL,
    plant_id     text NOT NULL,
    defect_code  text NOT NULL,
    metric       text NOT NULL CHECK (metric IN ('cost')),
    time_window  text NOT NULL CHECK (time_window IN ('period')),
    threshold    numeric NOT NULL,
    audience_id  text NOT NULL,
    enabled      boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, rule_id),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants,
    FOREIGN KEY (tenant_id, audience_id) REFERENCES audiences
);

-- The audit trail of alerts: one row per rule and period, so a rule fires once, not once per event.
CREATE TABLE alert_log (
    tenant_id    text NOT NULL,
    alert_id     bigint GENERATED ALWAYS AS IDENTITY,
    rule_id      text NOT NULL,
    plant_id     text NOT NULL,
    period       text NOT NULL,
    defect_code  text NOT NULL,
    value        numeric NOT NULL,
    threshold    numeric NOT NULL,
    currency     char(3) NOT NULL,
    recipients   text[] NOT NULL,
    status       text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'acknowledged')),
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    PRIMARY KEY (tenant_id, alert_id),
    UNIQUE (tenant_id, rule_id, period),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES alert_rules
);
