package io.scrapline.costing.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.CostRollLine;
import io.scrapline.costing.domain.DefectRecord;
import io.scrapline.costing.domain.LaborRecord;
import io.scrapline.costing.domain.OrderValuation;
import io.scrapline.costing.domain.ReferenceData;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** The records ingest stores, read from rows the same way wherever costing reads them. */
final class RecordRows {

    /**
     * The columns of a defect record ({@code d}); its {@code occurred_at} is null when costing cannot read it (see
     * {@link #readable}), and costing parks the record as an exception.
     */
    static final String DEFECT_COLUMNS = """
            d.record_id, d.source, d.source_id, d.version, d.plant_id, d.line_id, d.work_center_id, d.part,
                d.defect_code, d.quantity, d.disposition,
                CASE WHEN d.occurred_at >= timestamptz '0001-01-02 00:00Z' AND d.occurred_at < timestamptz
                    '9999-01-01 00:00Z' THEN d.occurred_at END,
                d.shift, d.operation, d.customer_return, d.salvage_value, d.work_order, d.ncr, d.uom
            """;

    /** The columns of a work order record ({@code o}). */
    static final String WORK_ORDER_COLUMNS = """
            o.record_id, o.plant_id, o.work_order, o.costing_method, o.closed_on, o.wip_total,
            o.estimated_wip_remaining, o.scrap_cost_posted, o.moved_to_inventory, o.completed_quantity,
            o.scrapped_quantity, o.remaining_quantity, o.scrap_action, o.scrap_account, o.uom""";

    /**
     * The times costing reads: {@code infinity}, {@code -infinity} and years before 1 or after 9998 (which old ingest
     * code stored for years like +300000 or -5000) fail in Java's date arithmetic or PostgreSQL's, so they read as null
     * and the record waits in an exception for a corrected version, without failing the chunk it is in.
     */
    private static final OffsetDateTime READABLE_FROM = OffsetDateTime.parse("0001-01-02T00:00:00Z");
    private static final OffsetDateTime READABLE_UNTIL = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    private RecordRows() {
    }

    /** {@code at} if costing can read it, else null. */
    static Instant readable(OffsetDateTime at) {
        return at == null || at.isBefore(READABLE_FROM) || !at.isBefore(READABLE_UNTIL) ? null : at.toInstant();
    }

    /** The rows of a query selecting {@link #DEFECT_COLUMNS}, read by position (chunks of thousands of rows). */
    static List<DefectRecord> defectRecords(RowSet<Row> rows) {
        List<DefectRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(new DefectRecord(row.getLong(0), row.getString(1), row.getString(2), row.getInteger(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                    row.getBigDecimal(9), row.getString(10), readable(row.getOffsetDateTime(11)), row.getString(12),
                    row.getString(13), row.getBoolean(14), row.getBigDecimal(15), row.getString(16), row.getString(17),
                    row.getString(18)));
        }
        return records;
    }

    static LaborRecord laborRecord(Row row) {
        return new LaborRecord(row.getLong("record_id"), row.getString("source"), row.getString("source_id"),
                row.getInteger("version"), row.getString("plant_id"), row.getString("work_center_id"),
                row.getBigDecimal("hours"), readable(row.getOffsetDateTime("performed_at")), row.getString("ncr"),
                row.getString("defect_source_id"), row.getString("work_order"), row.getString("operation"),
                row.getBigDecimal("labor_rate"), row.getBigDecimal("material_cost"));
    }

    static ConfirmationRecord confirmation(Row row) {
        return new ConfirmationRecord(row.getLong("record_id"), row.getString("source"), row.getString("source_id"),
                row.getInteger("version"), row.getString("plant_id"), row.getString("work_order"),
                row.getString("part"), row.getString("operation"), row.getBigDecimal("yield_quantity"),
                row.getBigDecimal("scrap_quantity"), readable(row.getOffsetDateTime("confirmed_at")),
                row.getString("uom"));
    }

    /** A standard-cost record as a line of its part's cost roll, with the unit its values are per. */
    static CostRollLine costRollLine(Row row) {
        return new CostRollLine(row.getString("operation"), row.getLocalDate("effective_from"),
                row.getBigDecimal("material_cost"), row.getBigDecimal("labor_cost"), row.getBigDecimal("overhead_cost"),
                row.getBoolean("milestone"), row.getBigDecimal("planned_scrap_rate"), row.getLong("record_id"),
                row.getInteger("version"), row.getString("uom"));
    }

    /** A row selecting {@link #WORK_ORDER_COLUMNS}. */
    static ReferenceData.WorkOrder workOrder(Row row) {
        return new ReferenceData.WorkOrder(row.getLong("record_id"), row.getString("work_order"),
                row.getString("costing_method"), row.getLocalDate("closed_on"),
                new OrderValuation.OrderFigures(row.getBigDecimal("wip_total"),
                        row.getBigDecimal("estimated_wip_remaining"), row.getBigDecimal("scrap_cost_posted"),
                        row.getBigDecimal("moved_to_inventory"), row.getBigDecimal("completed_quantity"),
                        row.getBigDecimal("scrapped_quantity"), row.getBigDecimal("remaining_quantity")),
                row.getString("scrap_action"), row.getString("scrap_account"), row.getString("uom"));
    }
}
