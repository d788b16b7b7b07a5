-- An exception names the line of its event, so a report limited to some lines counts only their uncosted events.
ALTER TABLE costing_exceptions ADD COLUMN line_id text;
UPDATE costing_exceptions x SET line_id = d.line_id
FROM defect_records d WHERE d.tenant_id = x.tenant_id AND d.record_id = x.record_id;
ALTER TABLE costing_exceptions ALTER COLUMN line_id SET NOT NULL;
