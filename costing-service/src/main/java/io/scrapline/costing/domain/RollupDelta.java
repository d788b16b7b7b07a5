package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change a chunk of costing makes to the rollups: per rollup key, the amount, recoverable amount, exposure,
 * quantity and event count to add (negative for events that a newer version or a re-cost superseded).
 */
public final class RollupDelta {

    public record Key(String plant, String period, String line, String workCenter, String defectCode, String shift,
            String costType, String coqClass) {
    }

    public record Change(Key key, BigDecimal amount, BigDecimal recoverable, BigDecimal exposure, BigDecimal quantity,
            long events) {
    }

    private final Map<Key, Change> changes = new LinkedHashMap<>();

    public void add(Key key, BigDecimal amount, BigDecimal quantity, int events) {
        add(key, amount, BigDecimal.ZERO, BigDecimal.ZERO, quantity, events);
    }

    public void add(Key key, BigDecimal amount, BigDecimal recoverable, BigDecimal exposure, BigDecimal quantity,
            int events) {
        changes.merge(key, new Change(key, amount, recoverable, exposure, quantity, events),
                (a, b) -> new Change(key, a.amount().add(b.amount()), a.recoverable().add(b.recoverable()),
                        a.exposure().add(b.exposure()), a.quantity().add(b.quantity()), a.events() + b.events()));
    }

    public Collection<Change> changes() {
        return changes.values();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
