package io.scrapline.costing.service;

import java.util.List;

import io.scrapline.costing.domain.Touched;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One type of record a costing run costs, a chunk per transaction: how to find the next chunk and how to cost it.
 * {@link CostingService} drives every type with the same loop.
 */
interface PendingKind<T> {

    /**
     * What costing a chunk wrote: how many records were costed and how many became exceptions, and what its events
     * moved (plants, booking periods, lines, shifts, codes and times), which alerts are prompted for.
     */
    record Costed(int costed, int exceptions, Touched touched) {

        static Costed nothing() {
            return new Costed(0, 0, new Touched());
        }
    }

    /** The records after {@code afterRecordId}, in record order, that wait to be costed; at most a chunk of them. */
    Uni<List<T>> find(SqlConnection connection, long afterRecordId);

    /**
     * Whether a chunk is costed holding the tenant's costing lock alone, and found again once it is held (rework hours
     * and confirmations: one run at a time), rather than shared (defect records, side by side with other runs).
     */
    boolean alone();

    /**
     * Of {@code found}, those that still wait once the costing lock is held shared: another run may have costed some.
     */
    default Uni<List<T>> stillPending(SqlConnection connection, List<T> found) {
        return Uni.createFrom().item(found);
    }

    long recordId(T record);

    /** Costs {@code records} (not empty) in the connection's transaction, which holds the costing lock. */
    Uni<Costed> cost(SqlConnection connection, List<T> records);

    /** Those of {@code outcomes} of {@code type}, in their order. */
    static <T> List<T> only(List<?> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
