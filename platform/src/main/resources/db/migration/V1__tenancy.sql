-- Tenancy core. Every table carries tenant_id, and tenant_id leads every primary and foreign key,
-- so the schema can be distributed by tenant. Row-level security keys on the transaction-local
-- setting app.tenant_id that the platform sets at the start of every transaction.

CREATE FUNCTION current_tenant() RETURNS text
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

-- Makes a table visible only to the tenant of the transaction, and usable by the application role. Every tenant
-- table is created and then passed to this procedure.
CREATE PROCEDURE protect_tenant_table(t text, app_role text)
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant()) '
        'WITH CHECK (tenant_id = current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, app_role);
END
$$;
REVOKE ALL ON PROCEDURE protect_tenant_table(text, text) FROM PUBLIC;

CREATE TABLE tenants (
    tenant_id           text PRIMARY KEY,
    reporting_currency  char(3) NOT NULL DEFAULT 'USD',
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plants (
    tenant_id        text NOT NULL REFERENCES tenants,
    plant_id         text NOT NULL,
    name             text NOT NULL,
    currency         char(3) NOT NULL,
    time_zone        text NOT NULL,
    fiscal_calendar  text NOT NULL DEFAULT 'calendar',
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, plant_id)
);

CREATE TABLE lines (
    tenant_id  text NOT NULL,
    plant_id   text NOT NULL,
    line_id    text NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, line_id),
    FOREIGN KEY (tenant_id, plant_id) REFERENCES plants
);

CREATE TABLE work_centers (
    tenant_id       text NOT NULL,
    plant_id        text NOT NULL,
    work_center_id  text NOT NULL,
    line_id         text NOT NULL,
    PRIMARY KEY (tenant_id, plant_id, work_center_id),
    FOREIGN KEY (tenant_id, plant_id, line_id) REFERENCES lines
);

CREATE TABLE source_systems (
    tenant_id       text NOT NULL REFERENCES tenants,
    source          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_ingest_at  timestamptz,
    PRIMARY KEY (tenant_id, source)
);
