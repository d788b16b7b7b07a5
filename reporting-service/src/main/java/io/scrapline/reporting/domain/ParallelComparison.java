package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.money.Money;

/**
 * A parallel run's comparison (issue 14): the manually compiled report of a plant-period against Scrapline's costed
 * events of the period, by line, part and defect code. Every key on either side is compared to the cent and the unit;
 * each discrepancy lists the manual rows and the costed events behind the two figures, so a person can see which side
 * is wrong. A difference is the manual figure less Scrapline's: positive when the manual report says more.
 */
@RegisterForReflection(targets = { ParallelComparison.class, ParallelComparison.Totals.class,
        ParallelComparison.LineDifference.class, ParallelComparison.Discrepancy.class, ParallelComparison.Event.class })
public record ParallelComparison(String currency, Totals totals, List<LineDifference> byLine,
        List<Discrepancy> discrepancies) {

    /** The manual report has the key; Scrapline has no costed event of it in the period. */
    public static final String ONLY_IN_MANUAL = "only_in_manual";
    /** Scrapline has costed events of the key; the manual report has no row of it. */
    public static final String ONLY_IN_SCRAPLINE = "only_in_scrapline";
    /** Both have the key; the cost or the quantity differs. */
    public static final String DIFFERS = "differs";

    /**
     * A current costed event of the plant-period; its part and defect code are '' for rework hours without a defect
     * record, as costing keeps them.
     */
    public record Event(long id, String source, String sourceId, String line, String part, String defectCode,
            String costType, BigDecimal quantity, BigDecimal unitValue, BigDecimal amount, OffsetDateTime occurredAt,
            String link) {
    }

    /** {@code uncostedEvents}: the plant-period's events still waiting in an exception, which no figure counts yet. */
    public record Totals(BigDecimal manualCost, BigDecimal scraplineCost, BigDecimal difference,
            BigDecimal manualQuantity, BigDecimal scraplineQuantity, int keys, int matching, int discrepancies,
            long uncostedEvents) {
    }

    public record LineDifference(String line, BigDecimal manualCost, BigDecimal scraplineCost, BigDecimal difference) {
    }

    /**
     * One line, part and defect code whose figures differ, with the manual rows (their numbers in the upload) and the
     * costed events behind them, and a note on what differs.
     */
    public record Discrepancy(String line, String part, String defectCode, String kind, BigDecimal manualQuantity,
            BigDecimal scraplineQuantity, BigDecimal quantityDifference, BigDecimal manualCost,
            BigDecimal scraplineCost, BigDecimal difference, String note, List<Integer> manualRows,
            List<Event> events) {
    }

    /** Compares {@code rows} with {@code events}, in {@code currency}. */
    public static ParallelComparison of(List<ManualReport.Row> rows, List<Event> events, long uncostedEvents,
            String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(currency));
        Map<List<String>, List<ManualReport.Row>> manual = new TreeMap<>(ParallelComparison::compare);
        rows.forEach(row -> manual
                .computeIfAbsent(List.of(row.line(), row.part(), row.defectCode()), key -> new ArrayList<>()).add(row));
        Map<List<String>, List<Event>> costed = new TreeMap<>(ParallelComparison::compare);
        events.forEach(event -> costed
                .computeIfAbsent(List.of(event.line(), event.part(), event.defectCode()), key -> new ArrayList<>())
                .add(event));
        Set<List<String>> keys = new TreeSet<>(ParallelComparison::compare);
        keys.addAll(manual.keySet());
        keys.addAll(costed.keySet());

        List<Discrepancy> discrepancies = new ArrayList<>();
        Map<String, BigDecimal[]> lines = new TreeMap<>();
        BigDecimal manualCost = zero;
        BigDecimal scraplineCost = zero;
        BigDecimal manualQuantity = BigDecimal.ZERO;
        BigDecimal scraplineQuantity = BigDecimal.ZERO;
        for (List<String> key : keys) {
            List<ManualReport.Row> mine = manual.getOrDefault(key, List.of());
            List<Event> theirs = costed.getOrDefault(key, List.of());
            BigDecimal mCost = mine.stream().map(ManualReport.Row::cost).reduce(zero, BigDecimal::add);
            BigDecimal sCost = theirs.stream().map(Event::amount).reduce(zero, BigDecimal::add);
            BigDecimal mQuantity = mine.stream().map(ManualReport.Row::quantity).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            BigDecimal sQuantity = theirs.stream().map(Event::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            manualCost = manualCost.add(mCost);
            scraplineCost = scraplineCost.add(sCost);
            manualQuantity = manualQuantity.add(mQuantity);
            scraplineQuantity = scraplineQuantity.add(sQuantity);
            BigDecimal[] line = lines.computeIfAbsent(key.get(0), l -> new BigDecimal[] { zero, zero });
            line[0] = line[0].add(mCost);
            line[1] = line[1].add(sCost);
            String kind = mine.isEmpty() ? ONLY_IN_SCRAPLINE
                    : theirs.isEmpty() ? ONLY_IN_MANUAL
                            : mCost.compareTo(sCost) != 0 || mQuantity.compareTo(sQuantity) != 0 ? DIFFERS : null;
            if (kind != null) {
                discrepancies.add(new Discrepancy(key.get(0), named(key.get(1)), named(key.get(2)), kind,
                        mQuantity.stripTrailingZeros(), sQuantity.stripTrailingZeros(),
                        mQuantity.subtract(sQuantity).stripTrailingZeros(), mCost, sCost, mCost.subtract(sCost),
                        note(kind, mQuantity, sQuantity, mCost, sCost, theirs.size(), uncostedEvents),
                        mine.stream().map(ManualReport.Row::row).toList(), theirs));
            }
        }
        discrepancies.sort(Comparator.comparing((Discrepancy d) -> d.difference().abs()).reversed()
                .thenComparing(Discrepancy::line).thenComparing(d -> Objects.toString(d.part(), ""))
                .thenComparing(d -> Objects.toString(d.defectCode(), "")));
        List<LineDifference> byLine = lines.entrySet().stream().map(e -> new LineDifference(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[0].subtract(e.getValue()[1]))).toList();
        Totals totals = new Totals(manualCost, scraplineCost, manualCost.subtract(scraplineCost),
                manualQuantity.stripTrailingZeros(), scraplineQuantity.stripTrailingZeros(), keys.size(),
                keys.size() - discrepancies.size(), discrepancies.size(), uncostedEvents);
        return new ParallelComparison(currency, totals, byLine, discrepancies);
    }

    /** What differs, in words: which side has what, and the unit costs when only the cost differs. */
    private static String note(String kind, BigDecimal mQuantity, BigDecimal sQuantity, BigDecimal mCost,
            BigDecimal sCost, int events, long uncosted) {
        return switch (kind) {
            case ONLY_IN_MANUAL -> "Scrapline has no costed event of this line, part and defect code in the period"
                    + (uncosted > 0 ? "; " + uncosted + " events of the plant-period wait in exceptions" : "");
            case ONLY_IN_SCRAPLINE -> "the manual report has no row for the " + events + " costed event"
                    + (events == 1 ? "" : "s") + " listed";
            default -> mQuantity.compareTo(sQuantity) != 0
                    ? "the quantities differ: " + mQuantity.stripTrailingZeros().toPlainString() + " in the manual "
                            + "report, " + sQuantity.stripTrailingZeros().toPlainString() + " costed"
                    : "the same quantity at another cost: " + perUnit(mCost, mQuantity) + " per unit in the manual "
                            + "report, " + perUnit(sCost, sQuantity) + " costed";
        };
    }

    private static String perUnit(BigDecimal cost, BigDecimal quantity) {
        return quantity.signum() == 0 ? "–"
                : cost.divide(quantity, Money.UNIT_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A key's part or defect code as shown: null for none (''). */
    private static String named(String value) {
        return value.isEmpty() ? null : value;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
