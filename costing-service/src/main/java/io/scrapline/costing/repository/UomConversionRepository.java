package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.UnitConversion;
import io.scrapline.costing.domain.UomConversion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The parts' unit factors, by part and pair of units: a whole list per statement. */
@ApplicationScoped
public class UomConversionRepository {

    /** Adds the part's factors, or replaces the factor of a pair of units it has. */
    public Uni<Void> upsert(SqlConnection connection, String part, List<UnitConversion.Factor> factors) {
        return connection.preparedQuery("""
                INSERT INTO uom_conversions (tenant_id, part, from_uom, to_uom, factor)
                SELECT current_tenant(), $1, u.* FROM unnest($2::text[], $3::text[], $4::text[]::numeric[]) AS u
                ON CONFLICT (tenant_id, part, from_uom, to_uom)
                DO UPDATE SET factor = excluded.factor, updated_at = now()
                """)
                .execute(Tuple.of(part, factors.stream().map(UnitConversion.Factor::from).toArray(String[]::new),
                        factors.stream().map(UnitConversion.Factor::to).toArray(String[]::new),
                        factors.stream().map(f -> f.factor().toPlainString()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The part's factors as given, by units. */
    public Uni<List<UomConversion>> list(SqlConnection connection, String part) {
        return connection.preparedQuery("""
                SELECT part, from_uom, to_uom, factor, updated_at FROM uom_conversions
                WHERE part = $1
                ORDER BY from_uom, to_uom
                """).execute(Tuple.of(part)).map(rows -> {
            List<UomConversion> found = new ArrayList<>();
            for (Row row : rows) {
                found.add(new UomConversion(
                        row.getString("part"), new UnitConversion.Factor(row.getString("from_uom"),
                                row.getString("to_uom"), row.getBigDecimal("factor")),
                        row.getOffsetDateTime("updated_at")));
            }
            return found;
        });
    }

    /** The factors of {@code parts}, by part, for costing a chunk of records. */
    public Uni<Map<String, List<UnitConversion.Factor>>> factors(SqlConnection connection, String[] parts) {
        if (parts.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return connection
                .preparedQuery("SELECT part, from_uom, to_uom, factor FROM uom_conversions WHERE part = ANY($1)")
                .execute(Tuple.of((Object) parts)).map(rows -> {
                    Map<String, List<UnitConversion.Factor>> found = new HashMap<>();
                    rows.forEach(row -> found.computeIfAbsent(row.getString("part"), p -> new ArrayList<>())
                            .add(new UnitConversion.Factor(row.getString("from_uom"), row.getString("to_uom"),
                                    row.getBigDecimal("factor"))));
                    return found;
                });
    }
}
