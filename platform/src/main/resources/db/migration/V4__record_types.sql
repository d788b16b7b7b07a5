-- The remaining record types of the contract, each kept raw and versioned like defects: a re-send with new
-- content adds version n+1 and keeps n. batch_row is the record's row in the batch that stored it.

ALTER TABLE defect_records ADD COLUMN batch_row integer;
ALTER TABLE standard_cost_records ADD COLUMN batch_row integer;

CREATE TABLE ncr_records (
    tenant_id                 text NOT NULL,
    record_id                 bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source                    text NOT NULL,
    source_id                 text NOT NULL,
    version                   integer NOT NULL,
    batch_id                  uuid NOT NULL,
    batch_row                 integer,
    content_hash              text NOT NULL,
    plant_id                  text NOT NULL,
    status                    text NOT NULL,
    opened_at                 timestamptz NOT NULL,
    disposition               text,
    defect_code               text,
    part                      text,
    quantity                  numeric(18, 6),
    work_order                text,
    responsible_party         text,
    corrective_action         text,
    corrective_action_status  text,
    customer_return           boolean NOT NULL DEFAULT false,
    closed_at                 timestamptz,
    received_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, source, source_id, version)
);

CREATE TABLE rework_labor_records (
    tenant_id         text NOT NULL,
    record_id         bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source            text NOT NULL,
    source_id         text NOT NULL,
    version           integer NOT NULL,
    batch_id          uuid NOT NULL,
    batch_row         integer,
    content_hash      text NOT NULL,
    plant_id          text NOT NULL,
    work_center_id    text NOT NULL,
    hours             numeric(18, 6) NOT NULL,
    performed_at      timestamptz NOT NULL,
    ncr               text,
    defect_source_id  text,
    work_order        text,
    operation         text,
    labor_rate        numeric(18, 6),
    material_cost     numeric(18, 6),
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, source, source_id, version)
);

-- A rate of a work center, or with work_center_id '' the plant's default rate.
CREATE TABLE labor_rate_records (
    tenant_id       text NOT NULL,
    record_id       bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source          text NOT NULL,
    plant_id        text NOT NULL,
    work_center_id  text NOT NULL DEFAULT '',
    effective_from  date NOT NULL,
    version         integer NOT NULL,
    batch_id        uuid NOT NULL,
    batch_row       integer,
    content_hash    text NOT NULL,
    rate            numeric(18, 6) NOT NULL,
    currency        char(3) NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, plant_id, work_center_id, effective_from, version)
);

CREATE TABLE confirmation_records (
    tenant_id       text NOT NULL,
    record_id       bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source          text NOT NULL,
    source_id       text NOT NULL,
    version         integer NOT NULL,
    batch_id        uuid NOT NULL,
    batch_row       integer,
    content_hash    text NOT NULL,
    plant_id        text NOT NULL,
    work_order      text NOT NULL,
    part            text NOT NULL,
    operation       text NOT NULL,
    yield_quantity  numeric(18, 6) NOT NULL,
    scrap_quantity  numeric(18, 6) NOT NULL,
    confirmed_at    timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, source, source_id, version)
);

CREATE TABLE work_order_records (
    tenant_id                text NOT NULL,
    record_id                bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
    source                   text NOT NULL,
    plant_id                 text NOT NULL,
    work_order               text NOT NULL,
    version                  integer NOT NULL,
    batch_id                 uuid NOT NULL,
    batch_row                integer,
    content_hash             text NOT NULL,
    part                     text NOT NULL,
    line_id                  text,
    status                   text,
    closed_on                date,
    costing_method           text,
    wip_total                numeric(18, 6),
    estimated_wip_remaining  numeric(18, 6),
    scrap_cost_posted        numeric(18, 6),
    moved_to_inventory       numeric(18, 6),
    completed_quantity       numeric(18, 6),
    scrapped_quantity        numeric(18, 6),
    remaining_quantity       numeric(18, 6),
    scrap_action             text,
    scrap_account            text,
    received_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, record_id),
    UNIQUE (tenant_id, plant_id, work_order, version)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ncr_records', 'rework_labor_records', 'labor_rate_records', 'confirmation_records',
            'work_order_records'] LOOP
        CALL protect_tenant_table(t, '${app_role}');
    END LOOP;
END
$$;
