package io.scrapline.costing.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.FxRate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Exchange rates by currency pair, period and kind: a whole list per statement. */
@ApplicationScoped
public class FxRateRepository {

    public Uni<Void> upsert(SqlConnection connection, List<FxRate> rates) {
        return connection.preparedQuery("""
                INSERT INTO fx_rates (tenant_id, from_currency, to_currency, period, kind, rate)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                    $5::text[]::numeric[]) AS u
                ON CONFLICT (tenant_id, from_currency, to_currency, period, kind)
                DO UPDATE SET rate = excluded.rate, updated_at = now()
                """)
                .execute(Tuple.of(rates.stream().map(FxRate::from).toArray(String[]::new),
                        rates.stream().map(FxRate::to).toArray(String[]::new),
                        rates.stream().map(FxRate::period).toArray(String[]::new),
                        rates.stream().map(FxRate::kind).toArray(String[]::new),
                        rates.stream().map(r -> r.rate().toPlainString()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<List<FxRate.Stored>> list(SqlConnection connection, String period) {
        return connection.preparedQuery("""
                SELECT from_currency, to_currency, period, rate, kind, updated_at FROM fx_rates
                WHERE $1::text IS NULL OR period = $1
                ORDER BY period, from_currency, to_currency, kind
                """).execute(Tuple.of(period)).map(rows -> {
            List<FxRate.Stored> rates = new ArrayList<>();
            for (Row row : rows) {
                rates.add(new FxRate.Stored(row.getString("from_currency"), row.getString("to_currency"),
                        row.getString("period"), row.getBigDecimal("rate"), row.getString("kind"),
                        row.getOffsetDateTime("updated_at")));
            }
            return rates;
        });
    }
}
