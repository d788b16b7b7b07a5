-- Exchange rates for consolidating plants into the tenant's reporting currency (cost-model.md §9): one rate per
-- currency pair, period and kind (the period's average, or its closing rate). A missing rate is an error on the
-- report that needs it, never a silent 1.0.
CREATE TABLE fx_rates (
    tenant_id      text NOT NULL,
    from_currency  char(3) NOT NULL,
    to_currency    char(3) NOT NULL,
    period         text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('average', 'closing')),
    rate           numeric NOT NULL CHECK (rate > 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, from_currency, to_currency, period, kind),
    FOREIGN KEY (tenant_id) REFERENCES tenants,
    CHECK (from_currency <> to_currency)
);
CALL protect_tenant_table('fx_rates', '${app_role}');
