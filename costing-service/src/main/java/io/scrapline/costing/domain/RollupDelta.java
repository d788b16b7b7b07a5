package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change a chunk of costing makes to the rollups: per rollup key, the amount, quantity and event count to add
 * (negative for events that a newer version superseded).
 */
public final class RollupDelta {

    public record Key(String plant, String period, String line, String workCenter, String defectCode, String shift,
            String costType, String coqClass) {
    }

    public record Change(Key key, BigDecimal amount, BigDecimal quantity, long events) {
    }

    private final Map<Key, Change> changes = new LinkedHashMap<>();

    public void add(Key key, BigDecimal amount, BigDecimal quantity, int events) {
        changes.merge(key, new Change(key, amount, quantity, events), (a, b) -> new Change(key,
                a.amount().add(b.amount()), a.quantity().add(b.quantity()), a.events() + b.events()));
    }

    public Collection<Change> changes() {
        return changes.values();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
