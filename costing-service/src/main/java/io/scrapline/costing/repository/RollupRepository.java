package io.scrapline.costing.repository;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.RollupDelta;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rollups, weekly rollups and part rollups that reports read instead of the events, kept in the events'
 * transactions.
 */
@ApplicationScoped
public class RollupRepository {

    private final PartRollupRepository parts;

    public RollupRepository(PartRollupRepository parts) {
        this.parts = parts;
    }

    /**
     * Adds a chunk's changes to the rollups, weekly rollups and part rollups, in the same transaction as the events
     * they sum.
     */
    public Uni<Void> apply(SqlConnection connection, RollupDelta delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<RollupDelta.Change> changes = delta.changes();
        Tuple columns = Columns.addText(Tuple.tuple(), changes, c -> c.key().plant(), c -> c.key().period(),
                c -> c.key().line(), c -> c.key().workCenter(), c -> c.key().defectCode(), c -> c.key().shift(),
                c -> c.key().costType(), c -> c.key().coqClass(), c -> c.amount().toPlainString(),
                c -> c.recoverable().toPlainString(), c -> c.exposure().toPlainString(),
                c -> c.quantity().toPlainString());
        columns.addValue(changes.stream().map(RollupDelta.Change::events).toArray(Long[]::new));
        Uni<Void> rollups = connection.preparedQuery("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, recoverable_amount, exposure_amount, quantity, events)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[], $8::text[], $9::text[]::numeric[], $10::text[]::numeric[],
                    $11::text[]::numeric[], $12::text[]::numeric[], $13::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type,
                    coq_class)
                DO UPDATE SET amount = cost_rollups.amount + excluded.amount,
                    recoverable_amount = cost_rollups.recoverable_amount + excluded.recoverable_amount,
                    exposure_amount = cost_rollups.exposure_amount + excluded.exposure_amount,
                    quantity = cost_rollups.quantity + excluded.quantity,
                    events = cost_rollups.events + excluded.events
                """).execute(columns).replaceWithVoid();
        // Sent together (the client pipelines them): rollup rows stay locked only until the commit right after.
        return Uni.combine().all()
                .unis(rollups, applyWeeks(connection, delta.weeks()), parts.apply(connection, delta.parts()))
                .discardItems();
    }

    /**
     * Adds the chunk's changes to the weekly rollups of the trend, last in the transaction, in key order: concurrent
     * runs wait for each other's rows only for the moment to their commit, and never deadlock.
     */
    private Uni<Void> applyWeeks(SqlConnection connection, Collection<RollupDelta.WeekChange> weeks) {
        if (weeks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Columns.addText(Tuple.tuple(), weeks, w -> w.week().plant(),
                w -> w.week().weekStart().toString(), w -> w.week().line(), w -> w.week().defectCode(),
                w -> w.amount().toPlainString());
        columns.addValue(weeks.stream().map(RollupDelta.WeekChange::events).toArray(Long[]::new));
        return connection.preparedQuery("""
                INSERT INTO cost_rollups_weekly AS w (tenant_id, plant_id, week_start, line_id, defect_code, amount,
                    events)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[]::date[], $3::text[], $4::text[],
                    $5::text[]::numeric[], $6::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, week_start, line_id, defect_code)
                DO UPDATE SET amount = w.amount + excluded.amount, events = w.events + excluded.events
                """).execute(columns).replaceWithVoid();
    }
}
