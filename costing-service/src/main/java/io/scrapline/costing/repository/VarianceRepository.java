package io.scrapline.costing.repository;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ConfirmationRecord;
import io.scrapline.costing.domain.ScrapVariance;
import io.scrapline.costing.domain.VarianceDelta;
import io.scrapline.costing.domain.VarianceOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What costing made of operation confirmations (their scrap split into planned and unplanned, valued) and the scrap
 * variances of plant, period, part and operation that sum them, kept in the confirmations' transactions.
 */
@ApplicationScoped
public class VarianceRepository {

    /**
     * Marks the valued rows of earlier versions of {@code records} superseded and takes them out of the scrap variances
     * through {@code delta}.
     */
    public Uni<Void> supersedeEarlierVersions(SqlConnection connection, List<ConfirmationRecord> records,
            VarianceDelta delta) {
        List<ConfirmationRecord> updates = records.stream().filter(r -> r.version() > 1).toList();
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery("UPDATE costed_confirmations k SET superseded = true " + Columns.earlierVersionsOf("k")
                        + """
                                AND NOT k.superseded
                                RETURNING k.plant_id, k.period, k.part, k.operation, k.planned_quantity, k.unplanned_quantity,
                                    k.variance_quantity, k.variance_value, k.reason
                                """)
                .execute(Columns.versionKeys(updates, ConfirmationRecord::source, ConfirmationRecord::sourceId,
                        ConfirmationRecord::recordId))
                .invoke(rows -> rows.forEach(row -> {
                    if (row.getString("reason") == null) {
                        delta.add(
                                new VarianceDelta.Key(row.getString("plant_id"), row.getString("period"),
                                        row.getString("part"), row.getString("operation")),
                                row.getBigDecimal("planned_quantity").negate(),
                                row.getBigDecimal("unplanned_quantity").negate(),
                                row.getBigDecimal("variance_quantity").negate(),
                                row.getBigDecimal("variance_value").negate(), -1);
                    }
                })).replaceWithVoid();
    }

    /**
     * Stores what costing made of each confirmation: valued, or the reason it waits (replacing the reason it waited for
     * before).
     */
    public Uni<Void> upsertConfirmations(SqlConnection connection, List<VarianceOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Columns.recordVersions(outcomes, o -> o.record().recordId(), o -> o.record().version());
        Columns.addText(columns, outcomes, o -> o.record().source(), o -> o.record().sourceId(),
                o -> o.record().plant(), VarianceOutcome::period, o -> o.record().part(), o -> o.record().operation(),
                o -> valued(o, r -> r.plannedQuantity()), o -> valued(o, r -> r.unplannedQuantity()),
                o -> valued(o, r -> r.varianceQuantity()), o -> valued(o, r -> r.value()),
                o -> o instanceof VarianceOutcome.Valued v ? v.currency() : null,
                o -> o instanceof VarianceOutcome.Valued v ? new JsonObject(v.explanation()).encode() : null,
                o -> o instanceof VarianceOutcome.Unvalued u ? u.reason() : null,
                o -> o instanceof VarianceOutcome.Unvalued u ? u.detail() : null);
        return connection.preparedQuery("""
                INSERT INTO costed_confirmations (tenant_id, record_id, record_version, source, source_id, plant_id,
                    period, part, operation, planned_quantity, unplanned_quantity, variance_quantity, variance_value,
                    currency, explanation, reason, detail)
                SELECT current_tenant(), u.* FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[], $8::text[], $9::text[]::numeric[], $10::text[]::numeric[],
                    $11::text[]::numeric[], $12::text[]::numeric[], $13::text[], $14::text[]::jsonb[], $15::text[],
                    $16::text[]) AS u
                ON CONFLICT (tenant_id, record_id) DO UPDATE SET period = excluded.period,
                    planned_quantity = excluded.planned_quantity, unplanned_quantity = excluded.unplanned_quantity,
                    variance_quantity = excluded.variance_quantity, variance_value = excluded.variance_value,
                    currency = excluded.currency, explanation = excluded.explanation, reason = excluded.reason,
                    detail = excluded.detail, costed_at = now()
                """).execute(columns).replaceWithVoid();
    }

    /** Adds the chunk's changes to the scrap variances, in the same transaction as the confirmations they sum. */
    public Uni<Void> applyVariances(SqlConnection connection, VarianceDelta delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<VarianceDelta.Change> changes = delta.changes();
        Tuple columns = Columns.addText(Tuple.tuple(), changes, c -> c.key().plant(), c -> c.key().period(),
                c -> c.key().part(), c -> c.key().operation(), c -> c.planned().toPlainString(),
                c -> c.unplanned().toPlainString(), c -> c.variance().toPlainString(), c -> c.value().toPlainString());
        columns.addValue(changes.stream().map(VarianceDelta.Change::confirmations).toArray(Long[]::new));
        return connection.preparedQuery("""
                INSERT INTO scrap_variances (tenant_id, plant_id, period, part, operation, planned_quantity,
                    unplanned_quantity, variance_quantity, variance_value, confirmations)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                    $5::text[]::numeric[], $6::text[]::numeric[], $7::text[]::numeric[], $8::text[]::numeric[],
                    $9::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, period, part, operation)
                DO UPDATE SET planned_quantity = scrap_variances.planned_quantity + excluded.planned_quantity,
                    unplanned_quantity = scrap_variances.unplanned_quantity + excluded.unplanned_quantity,
                    variance_quantity = scrap_variances.variance_quantity + excluded.variance_quantity,
                    variance_value = scrap_variances.variance_value + excluded.variance_value,
                    confirmations = scrap_variances.confirmations + excluded.confirmations
                """).execute(columns).replaceWithVoid();
    }

    private static String valued(VarianceOutcome outcome, Function<ScrapVariance.Result, BigDecimal> figure) {
        return outcome instanceof VarianceOutcome.Valued v ? figure.apply(v.result()).toPlainString() : null;
    }
}
