package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

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

    /**
     * A line's defect code in the week (Monday to Sunday, in the plant's time zone) its events occurred: the weekly
     * rollup of the report's trend (V14), whatever period the events are booked in.
     */
    public record Week(String plant, LocalDate weekStart, String line, String defectCode) {
    }

    public record WeekChange(Week week, BigDecimal amount, long events) {
    }

    /** The part of events that have none: rework hours without a defect record, as their costed events have it. */
    public static final String NO_PART = "";

    /**
     * A part's cost of one type at a line and work center in the period: the part rollup of the report's cost by part
     * and Pareto of parts (V28), booked in the same period as the event's rollup.
     */
    public record PartKey(String plant, String period, String line, String workCenter, String part, String costType) {
    }

    public record PartChange(PartKey key, BigDecimal amount, BigDecimal quantity, long events) {
    }

    /**
     * In key order, so that transactions adding to the same rollups lock their rows in the same order and never
     * deadlock (re-costing parts run side by side).
     */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::plant).thenComparing(Key::period)
            .thenComparing(Key::line).thenComparing(Key::workCenter).thenComparing(Key::defectCode)
            .thenComparing(Key::shift).thenComparing(Key::costType).thenComparing(Key::coqClass);

    private static final Comparator<PartKey> PART_ORDER = Comparator.comparing(PartKey::plant)
            .thenComparing(PartKey::period).thenComparing(PartKey::line).thenComparing(PartKey::workCenter)
            .thenComparing(PartKey::part).thenComparing(PartKey::costType);

    private static final Comparator<Week> WEEK_ORDER = Comparator.comparing(Week::plant).thenComparing(Week::weekStart)
            .thenComparing(Week::line).thenComparing(Week::defectCode);

    // Hashed while a chunk adds to them (thousands of times), sorted once when applied.
    private final Map<Key, Change> changes = new HashMap<>();
    private final Map<Week, WeekChange> weeks = new HashMap<>();
    private final Map<PartKey, PartChange> parts = new HashMap<>();

    /** The Monday of the week in which an event at {@code at} occurred, in the plant's time zone {@code zone}. */
    public static LocalDate weekOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * An event of {@code part} ({@link #NO_PART} for none) into its rollup, its part's rollup and the week
     * {@code weekStart} it occurred in, or out of them (negative figures, {@code events} -1).
     */
    public void add(Key key, String part, LocalDate weekStart, BigDecimal amount, BigDecimal recoverable,
            BigDecimal exposure, BigDecimal quantity, int events) {
        add(key, amount, recoverable, exposure, quantity, events);
        Week week = new Week(key.plant(), weekStart, key.line(), key.defectCode());
        weeks.merge(week, new WeekChange(week, amount, events),
                (a, b) -> new WeekChange(week, a.amount().add(b.amount()), a.events() + b.events()));
        addPart(new PartKey(key.plant(), key.period(), key.line(), key.workCenter(), part, key.costType()), amount,
                quantity, events);
    }

    private void addPart(PartKey key, BigDecimal amount, BigDecimal quantity, long events) {
        parts.merge(key, new PartChange(key, amount, quantity, events), (a, b) -> new PartChange(key,
                a.amount().add(b.amount()), a.quantity().add(b.quantity()), a.events() + b.events()));
    }

    public void add(Key key, BigDecimal amount, BigDecimal quantity, int events) {
        add(key, amount, BigDecimal.ZERO, BigDecimal.ZERO, quantity, events);
    }

    public void add(Key key, BigDecimal amount, BigDecimal recoverable, BigDecimal exposure, BigDecimal quantity,
            int events) {
        changes.merge(key, new Change(key, amount, recoverable, exposure, quantity, events),
                (a, b) -> new Change(key, a.amount().add(b.amount()), a.recoverable().add(b.recoverable()),
                        a.exposure().add(b.exposure()), a.quantity().add(b.quantity()), a.events() + b.events()));
    }

    /**
     * The same changes with each key's period replaced by {@code booking} of its plant and period: a reversal of an
     * event of a period closed since goes to the open period, like the event that replaces it, in the part rollups too.
     * Weeks stay as they are.
     */
    public RollupDelta bookedIn(BinaryOperator<String> booking) {
        RollupDelta booked = new RollupDelta();
        changes.values().forEach(c -> {
            Key k = c.key();
            booked.add(
                    new Key(k.plant(), booking.apply(k.plant(), k.period()), k.line(), k.workCenter(), k.defectCode(),
                            k.shift(), k.costType(), k.coqClass()),
                    c.amount(), c.recoverable(), c.exposure(), c.quantity(), Math.toIntExact(c.events()));
        });
        booked.weeks.putAll(weeks);
        parts.values().forEach(p -> {
            PartKey k = p.key();
            booked.addPart(new PartKey(k.plant(), booking.apply(k.plant(), k.period()), k.line(), k.workCenter(),
                    k.part(), k.costType()), p.amount(), p.quantity(), p.events());
        });
        return booked;
    }

    /** The part changes that change something, in key order. */
    public Collection<PartChange> parts() {
        return parts.values().stream().filter(p -> p.events() != 0 || p.amount().signum() != 0)
                .sorted(Comparator.comparing(PartChange::key, PART_ORDER)).toList();
    }

    /** The weekly changes that change something, in key order. */
    public Collection<WeekChange> weeks() {
        return weeks.values().stream().filter(w -> w.events() != 0 || w.amount().signum() != 0)
                .sorted(Comparator.comparing(WeekChange::week, WEEK_ORDER)).toList();
    }

    /** The changes in key order. */
    public Collection<Change> changes() {
        return changes.values().stream().sorted(Comparator.comparing(Change::key, ORDER)).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
