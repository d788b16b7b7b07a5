package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

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

    public Collection<Change> changes() {
        return changes.values();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
