package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.money.Money;

/**
 * What a restatement changed (docs/cost-model.md §9): every total of the report, and each line and work center, defect
 * code and cost-of-quality class whose cost moved, as current − previous. Something that appears or disappears counts
 * as zero on the other side.
 */
@RegisterForReflection(targets = { ReportDifferences.class, ReportDifferences.Change.class })
public record ReportDifferences(int fromVersion, List<Change> totals, List<Change> byLine, List<Change> byDefectCode,
        List<Change> coq) {

    /**
     * One figure in both versions; {@code line} and {@code workCenter}, {@code defectCode} or {@code coqClass} name it
     * (the others null), {@code figure} says which total it is.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String figure, String line, String workCenter, String defectCode, String coqClass,
            BigDecimal previous, BigDecimal current, BigDecimal difference) {
    }

    public static ReportDifferences between(Report previous, Report current) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(current.currency()));
        Report.Totals p = previous.totals();
        Report.Totals c = current.totals();
        List<Change> totals = List.of(total("scrap_cost", p.scrapCost(), c.scrapCost()),
                total("rework_cost", p.reworkCost(), c.reworkCost()), total("total_cost", p.totalCost(), c.totalCost()),
                total("scrap_quantity", p.scrapQuantity(), c.scrapQuantity()),
                total("events", BigDecimal.valueOf(p.events()), BigDecimal.valueOf(c.events())));
        List<Change> byLine = changed(
                costs(previous.byLine(), l -> l.line() + '\u0000' + l.workCenter(), Report.LineCost::totalCost),
                costs(current.byLine(), l -> l.line() + '\u0000' + l.workCenter(), Report.LineCost::totalCost), zero,
                (key, values) -> {
                    String[] parts = key.split("\u0000", -1);
                    return new Change("total_cost", parts[0], parts[1], null, null, values[0], values[1],
                            values[1].subtract(values[0]));
                });
        // Rework without a defect record has no code in the Pareto: '' here, as costing keeps it.
        Function<Pareto.Entry, String> code = e -> e.defectCode() == null ? "" : e.defectCode();
        List<Change> byCode = changed(costs(previous.pareto(), code, Pareto.Entry::cost),
                costs(current.pareto(), code, Pareto.Entry::cost), zero, (key, values) -> new Change("cost", null, null,
                        key, null, values[0], values[1], values[1].subtract(values[0])));
        List<Change> coq = changed(costs(previous.coq(), Report.CoqCost::coqClass, Report.CoqCost::cost),
                costs(current.coq(), Report.CoqCost::coqClass, Report.CoqCost::cost), zero,
                (key, values) -> new Change("cost", null, null, null, key, values[0], values[1],
                        values[1].subtract(values[0])));
        return new ReportDifferences(previous.version(), totals, byLine, byCode, coq);
    }

    private static Change total(String figure, BigDecimal previous, BigDecimal current) {
        return new Change(figure, null, null, null, null, previous, current, current.subtract(previous));
    }

    private static <T> Map<String, BigDecimal> costs(List<T> items, Function<T, String> key,
            Function<T, BigDecimal> cost) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (T item : items) {
            costs.merge(key.apply(item), cost.apply(item), BigDecimal::add);
        }
        return costs;
    }

    private interface ChangeOf {
        Change of(String key, BigDecimal[] previousAndCurrent);
    }

    private static List<Change> changed(Map<String, BigDecimal> previous, Map<String, BigDecimal> current,
            BigDecimal zero, ChangeOf change) {
        Map<String, BigDecimal[]> keys = new TreeMap<>();
        previous.forEach((key, cost) -> keys.put(key, new BigDecimal[] { cost, zero }));
        current.forEach((key, cost) -> keys.computeIfAbsent(key, k -> new BigDecimal[] { zero, zero })[1] = cost);
        List<Change> changes = new ArrayList<>();
        keys.forEach((key, values) -> {
            if (values[0].compareTo(values[1]) != 0) {
                changes.add(change.of(key, values));
            }
        });
        return changes;
    }
}
