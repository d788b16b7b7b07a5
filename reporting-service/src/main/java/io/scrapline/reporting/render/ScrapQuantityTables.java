package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportTables.Cell;
import io.scrapline.reporting.render.ReportTables.Table;

/** The report's section of MES scrap against the ERP's confirmations, as a table and as CSV rows. */
final class ScrapQuantityTables {

    static final String ID = "scrap_quantity_checks";

    private ScrapQuantityTables() {
    }

    static Table of(List<Report.ScrapQuantityCheck> checks) {
        return new Table(ID, "MES scrap against confirmations",
                List.of("Work order", "Operation", "Part", "MES scrap", "MES events", "MES unit", "ERP scrap",
                        "Confirmations", "ERP unit", "ERP − MES", "Kind"),
                checks.stream()
                        .map(c -> List.of(Cell.text(c.workOrder()), Cell.text(c.operation()), Cell.text(c.part()),
                                Cell.quantity(c.mesQuantity()), Cell.count(c.mesEvents()), Cell.text(c.mesUom()),
                                Cell.quantity(c.erpQuantity()), Cell.count(c.confirmations()), Cell.text(c.erpUom()),
                                Cell.quantity(c.difference()), Cell.text(c.kind())))
                        .toList());
    }

    /** The section's header row and one row per check, in the JSON's field names. */
    static List<List<String>> csvRows(List<Report.ScrapQuantityCheck> checks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "work_order", "operation", "part", "mes_quantity", "mes_events", "mes_uom",
                "erp_quantity", "confirmations", "erp_uom", "difference", "kind"));
        for (Report.ScrapQuantityCheck c : checks) {
            rows.add(Arrays.asList(ID, c.workOrder(), c.operation(), c.part(), plain(c.mesQuantity()),
                    Long.toString(c.mesEvents()), c.mesUom(), plain(c.erpQuantity()), Long.toString(c.confirmations()),
                    c.erpUom(), plain(c.difference()), c.kind()));
        }
        return rows;
    }

    private static String plain(BigDecimal quantity) {
        return quantity == null ? null : quantity.toPlainString();
    }
}
