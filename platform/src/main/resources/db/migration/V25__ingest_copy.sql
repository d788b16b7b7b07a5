-- What defect_records' indexes cost a bulk load, and what they save costing (docs/benchmarks.md, "Indexes of
-- defect_records"). The index by work order and operation was kept up on every row that names a work order, the
-- dearest of the table's indexes for ingest, and no plan of rework_labor_defects used it: the function joined defect
-- records to rework hours on a CASE of three conditions, which no index can serve, so each call read every defect
-- record of the tenant. The function now joins through each condition on its own, each by an index, and the index by
-- work order holds only the records a rework hour can be joined to by work order: those whose disposition is rework,
-- or whose NCR may make it so.

DROP INDEX defect_records_by_work_order;
CREATE INDEX defect_records_rework_by_work_order ON defect_records (tenant_id, plant_id, work_order, operation)
    WHERE work_order IS NOT NULL AND (disposition = 'rework' OR ncr IS NOT NULL);

-- The same join as V11's: the labor record's defect_source_id, else its NCR, else its work order and operation,
-- among the latest versions of the plant's defect records whose disposition, after their NCR's, is rework; hours that
-- match several go to the earliest. The third branch's disposition condition only states what the last condition
-- requires, so that the planner can use the partial index above.
CREATE OR REPLACE FUNCTION rework_labor_defects(labor_ids bigint[])
    RETURNS TABLE (labor_record_id bigint, defect_record_id bigint)
    LANGUAGE sql STABLE SET search_path = public
AS $$
    SELECT DISTINCT ON (m.tenant_id, m.labor_record_id) m.labor_record_id, m.defect_record_id
    FROM (SELECT l.tenant_id, l.record_id AS labor_record_id, d.record_id AS defect_record_id, d.plant_id, d.source,
                 d.source_id, d.version, d.ncr, d.disposition, d.occurred_at
          FROM rework_labor_records l
          JOIN defect_records d ON d.tenant_id = l.tenant_id AND d.plant_id = l.plant_id
               AND d.source_id = l.defect_source_id
          WHERE l.record_id = ANY(labor_ids) AND l.defect_source_id IS NOT NULL
          UNION ALL
          SELECT l.tenant_id, l.record_id, d.record_id, d.plant_id, d.source, d.source_id, d.version, d.ncr,
                 d.disposition, d.occurred_at
          FROM rework_labor_records l
          JOIN defect_records d ON d.tenant_id = l.tenant_id AND d.plant_id = l.plant_id AND d.ncr = l.ncr
          WHERE l.record_id = ANY(labor_ids) AND l.defect_source_id IS NULL AND l.ncr IS NOT NULL
          UNION ALL
          SELECT l.tenant_id, l.record_id, d.record_id, d.plant_id, d.source, d.source_id, d.version, d.ncr,
                 d.disposition, d.occurred_at
          FROM rework_labor_records l
          JOIN defect_records d ON d.tenant_id = l.tenant_id AND d.plant_id = l.plant_id
               AND d.work_order = l.work_order AND d.operation = l.operation
               AND (d.disposition = 'rework' OR d.ncr IS NOT NULL)
          WHERE l.record_id = ANY(labor_ids) AND l.defect_source_id IS NULL AND l.ncr IS NULL) m
    LEFT JOIN LATERAL (SELECT n.disposition FROM ncr_records n
                       WHERE n.tenant_id = m.tenant_id AND n.plant_id = m.plant_id AND n.source_id = m.ncr
                       ORDER BY n.version DESC, n.record_id DESC LIMIT 1) n ON true
    WHERE NOT EXISTS (SELECT 1 FROM defect_records v WHERE v.tenant_id = m.tenant_id AND v.source = m.source
                      AND v.source_id = m.source_id AND v.version > m.version)
      AND coalesce(n.disposition, m.disposition) = 'rework'
    ORDER BY m.tenant_id, m.labor_record_id, m.occurred_at, m.defect_record_id
$$;
