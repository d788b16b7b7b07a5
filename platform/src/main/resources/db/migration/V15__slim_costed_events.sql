-- A costed event keeps the inputs it was costed from, not the text of its arithmetic: GET /costed-events/{id} replays
-- the arithmetic from them (the record version, the standard-cost records, the work order and NCR versions, the labor
-- rates and the schema version), so the explanation always agrees with the amount, and a re-cost rewrites a narrow
-- row. The cost-roll lines are named by their standard-cost records (immutable versions) instead of copies of them.
ALTER TABLE costed_events
    ADD COLUMN cost_roll_record_ids bigint[],
    ADD COLUMN work_order_record_id bigint;
UPDATE costed_events
SET cost_roll_record_ids = ARRAY(SELECT (l ->> 'record_id')::bigint FROM jsonb_array_elements(cost_roll_lines) l),
    work_order_record_id = (explanation -> 'valuation' -> 'work_order' ->> 'record_id')::bigint
WHERE cost_roll_lines IS NOT NULL OR explanation -> 'valuation' -> 'work_order' IS NOT NULL;
ALTER TABLE costed_events DROP COLUMN explanation, DROP COLUMN cost_roll_lines;

-- A re-cost updates the current event in place, changing no indexed column: with room left on each page the new
-- row version stays on its page and no index is touched (a heap-only update).
ALTER TABLE costed_events SET (fillfactor = 50);

-- What a re-cost replaced: the event's figures and inputs before, and the job that re-costed it.
CREATE TABLE costed_event_revisions (
    tenant_id             text NOT NULL,
    event_id              bigint NOT NULL,
    revised_at            timestamptz NOT NULL DEFAULT now(),
    job_id                bigint,
    period                text NOT NULL,
    unit_value            numeric(20, 6) NOT NULL,
    amount                numeric NOT NULL,
    recoverable_amount    numeric NOT NULL,
    exposure_amount       numeric NOT NULL,
    schema_version        integer,
    cost_roll_record_ids  bigint[],
    costed_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id, revised_at)
);
CALL protect_tenant_table('costed_event_revisions', '${app_role}');
