package io.scrapline.reporting.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.reporting.domain.Report;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The MES scrap of a plant-period against the ERP's confirmations, by work order and operation, through the database
 * function {@code scrap_quantity_checks} (V27), which costing's exception list reads too.
 */
@ApplicationScoped
public class ScrapQuantityRepository {

    /** The work orders and operations whose quantities or units disagree, by work order and operation. */
    public Uni<List<Report.ScrapQuantityCheck>> mismatches(SqlConnection connection, String plant, String period) {
        return connection.preparedQuery("""
                SELECT work_order, operation, part, mes_quantity, mes_events, mes_uom, erp_quantity, confirmations,
                    erp_uom, kind
                FROM scrap_quantity_checks($1, $2) WHERE kind <> 'matched'
                """).execute(Tuple.of(plant, period)).map(rows -> {
            List<Report.ScrapQuantityCheck> found = new ArrayList<>();
            for (Row row : rows) {
                found.add(new Report.ScrapQuantityCheck(row.getString("work_order"), row.getString("operation"),
                        row.getString("part"), row.getBigDecimal("mes_quantity").stripTrailingZeros(),
                        row.getLong("mes_events"), row.getString("mes_uom"),
                        row.getBigDecimal("erp_quantity").stripTrailingZeros(), row.getLong("confirmations"),
                        row.getString("erp_uom"), row.getBigDecimal("erp_quantity")
                                .subtract(row.getBigDecimal("mes_quantity")).stripTrailingZeros(),
                        row.getString("kind")));
            }
            return found;
        });
    }
}
