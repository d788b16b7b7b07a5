package io.scrapline.costing.repository;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.RollupDelta;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The part rollups (V28): cost, quantity and events by part within line and work center, which the report's cost by
 * part and Pareto of parts read. {@link RollupRepository} sends them with the other rollups of the same chunk.
 */
@ApplicationScoped
public class PartRollupRepository {

    /**
     * Adds the chunk's part changes, in key order after the other rollups: concurrent runs lock the rows in the same
     * order and never deadlock.
     */
    public Uni<Void> apply(SqlConnection connection, Collection<RollupDelta.PartChange> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Columns.addText(Tuple.tuple(), parts, p -> p.key().plant(), p -> p.key().period(),
                p -> p.key().line(), p -> p.key().workCenter(), p -> p.key().part(), p -> p.key().costType(),
                p -> p.amount().toPlainString(), p -> p.quantity().toPlainString());
        columns.addValue(parts.stream().map(RollupDelta.PartChange::events).toArray(Long[]::new));
        return connection.preparedQuery("""
                INSERT INTO cost_rollups_by_part AS p (tenant_id, plant_id, period, line_id, work_center_id, part,
                    cost_type, amount, quantity, events)
                SELECT current_tenant(), u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[]::numeric[], $8::text[]::numeric[], $9::bigint[]) AS u
                ON CONFLICT (tenant_id, plant_id, period, line_id, work_center_id, part, cost_type)
                DO UPDATE SET amount = p.amount + excluded.amount, quantity = p.quantity + excluded.quantity,
                    events = p.events + excluded.events
                """).execute(columns).replaceWithVoid();
    }
}
