-- Issue 14, item 4: units of measure (cost-model.md §11). Every quantity may name its unit; a part's cost roll says
-- the unit its per-unit values are per (null: the part's base unit, as before); an event in another unit is converted
-- with the part's factor before it is valued, or waits in an exception (no_uom_factor) until the factor arrives.

-- The quantities of NCRs and work orders get their unit, as defects and confirmations have theirs; a standard-cost
-- line says the unit its material, labor and overhead are per.
ALTER TABLE standard_cost_records ADD COLUMN uom text;
ALTER TABLE ncr_records ADD COLUMN uom text;
ALTER TABLE work_order_records ADD COLUMN uom text;

-- A part's conversion factors, reference data of the tenant: 1 from_uom of the part is factor to_uom. Units are kept
-- upper case (KG, EA), so that a record's kg finds them. The other direction, when not given, is the inverse.
CREATE TABLE uom_conversions (
    tenant_id   text NOT NULL,
    part        text NOT NULL,
    from_uom    text NOT NULL CHECK (from_uom = upper(from_uom)),
    to_uom      text NOT NULL CHECK (to_uom = upper(to_uom)),
    factor      numeric NOT NULL CHECK (factor > 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, part, from_uom, to_uom),
    FOREIGN KEY (tenant_id) REFERENCES tenants,
    CHECK (from_uom <> to_uom)
);
CALL protect_tenant_table('uom_conversions', '${app_role}');

-- A costed event keeps its quantity's unit and, when it was converted, the factor as it was given
-- ({"from", "to", "factor"}), so that explaining it replays the conversion it was costed with.
ALTER TABLE costed_events
    ADD COLUMN uom text,
    ADD COLUMN uom_conversion jsonb;
