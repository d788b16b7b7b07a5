-- The tenant's cost schema (cost-model.md §10): numbered versions with a draft -> approved -> superseded lifecycle.
-- Costing uses the one approved version and names it on every costed event.
CREATE TABLE cost_schemas (
    tenant_id                 text NOT NULL,
    version                   integer NOT NULL CHECK (version > 0),
    status                    text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
    scrap_method              text NOT NULL DEFAULT 'cumulative_standard'
        CHECK (scrap_method IN ('cumulative_standard', 'full_standard', 'material_only')),
    planned_scrap_convention  text NOT NULL DEFAULT 'of_input'
        CHECK (planned_scrap_convention IN ('of_input', 'of_yield')),
    rounding                  text NOT NULL DEFAULT 'half_up' CHECK (rounding IN ('half_up', 'half_even')),
    labor_burden              numeric NOT NULL DEFAULT 0 CHECK (labor_burden >= 0),
    fx_policy                 text NOT NULL DEFAULT 'average' CHECK (fx_policy IN ('average', 'closing')),
    vital_few_threshold       numeric NOT NULL DEFAULT 0.80
        CHECK (vital_few_threshold > 0 AND vital_few_threshold <= 1),
    defect_catalog_version    text,
    created_by                text NOT NULL,
    created_at                timestamptz NOT NULL DEFAULT now(),
    approved_by               text,
    approved_at               timestamptz,
    superseded_at             timestamptz,
    PRIMARY KEY (tenant_id, version),
    FOREIGN KEY (tenant_id) REFERENCES tenants,
    -- An approved or superseded version records who approved it; a superseded one also when.
    CHECK (status = 'draft' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
    CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
);
-- Costing must never have to choose between two approved versions.
CREATE UNIQUE INDEX cost_schemas_one_approved ON cost_schemas (tenant_id) WHERE status = 'approved';
CALL protect_tenant_table('cost_schemas', '${app_role}');

-- The schema version an event was costed with; null for events costed before the tenant approved one.
ALTER TABLE costed_events ADD COLUMN schema_version integer;
