package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The change a chunk of confirmations makes to the scrap variances of plant, period, part and operation (negative for
 * confirmations that a newer version superseded), like {@link RollupDelta} for costs.
 */
public final class VarianceDelta {

    public record Key(String plant, String period, String part, String operation) {
    }

    public record Change(Key key, BigDecimal planned, BigDecimal unplanned, BigDecimal variance, BigDecimal value,
            long confirmations) {
    }

    private final Map<Key, Change> changes = new LinkedHashMap<>();

    public void add(Key key, BigDecimal planned, BigDecimal unplanned, BigDecimal variance, BigDecimal value,
            int confirmations) {
        changes.merge(key, new Change(key, planned, unplanned, variance, value, confirmations),
                (a, b) -> new Change(key, a.planned().add(b.planned()), a.unplanned().add(b.unplanned()),
                        a.variance().add(b.variance()), a.value().add(b.value()),
                        a.confirmations() + b.confirmations()));
    }

    /** The same changes booked in the periods {@code booking} names, as {@link RollupDelta#bookedIn}. */
    public VarianceDelta bookedIn(BinaryOperator<String> booking) {
        VarianceDelta booked = new VarianceDelta();
        changes.values().forEach(c -> {
            Key k = c.key();
            booked.add(new Key(k.plant(), booking.apply(k.plant(), k.period()), k.part(), k.operation()), c.planned(),
                    c.unplanned(), c.variance(), c.value(), Math.toIntExact(c.confirmations()));
        });
        return booked;
    }

    public Collection<Change> changes() {
        return changes.values();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
