package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.money.Money;

/**
 * The report's sections by part and by defect category (issue 14): cost by part within line and work center, the Pareto
 * of parts, and each defect category's share of the cost (the category its defect code carries in the catalog: raw
 * material, machining, assembly, ...). Built from the part rollups and the rollups by category, which sum the same
 * rounded event amounts as the other sections, so they foot to the report's total cost exactly.
 */
@RegisterForReflection(targets = { PartSections.class, PartSections.PartSum.class, PartSections.CodeCategory.class,
        PartSections.PartCost.class, PartSections.PartEntry.class, PartSections.CategoryShare.class })
public record PartSections(List<PartCost> byPart, List<PartEntry> partPareto, List<CategoryShare> categories) {

    /** Cost types that are scrap cost, as in the report's other sections. */
    private static final List<String> SCRAP_TYPES = List.of("scrap", "return_to_vendor");

    /** A part rollup of the period: '' is the part of rework hours that no defect record covers. */
    public record PartSum(String line, String workCenter, String part, String costType, BigDecimal amount,
            BigDecimal quantity, long events) {
    }

    /** The category a defect code of the report carries in the catalog. */
    public record CodeCategory(String defectCode, String category) {
    }

    /** A part's cost at a line and work center; {@code part} null for rework without a defect record. */
    public record PartCost(String line, String workCenter, String part, BigDecimal scrapCost, BigDecimal reworkCost,
            BigDecimal totalCost, BigDecimal scrapQuantity, long events) {
    }

    /** A part in the Pareto of parts, over every line and work center of the report. */
    public record PartEntry(int rank, String part, BigDecimal cost, BigDecimal share, BigDecimal cumulativeShare,
            boolean vitalFew) {
    }

    /** A defect category's cost and share of the total cost, ranked by cost. */
    public record CategoryShare(String category, BigDecimal cost, BigDecimal share, long events) {
    }

    /**
     * The sections of the lines {@code shown} accepts, in {@code currency}, the Pareto's vital few reaching
     * {@code threshold}: cost by part from {@code parts}, the categories of the codes in {@code codes} from
     * {@code sums}, the report's rollup sums of those lines.
     */
    public static PartSections of(List<PartSum> parts, List<ReportBuilder.Sum> sums, List<CodeCategory> codes,
            Predicate<String> shown, BigDecimal threshold, String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(currency));
        Map<List<String>, PartCost> byPart = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = a.get(i).compareTo(b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        Map<String, BigDecimal> partTotals = new HashMap<>();
        for (PartSum sum : parts) {
            if (!shown.test(sum.line()) || sum.events() == 0 && sum.amount().signum() == 0) {
                continue;
            }
            boolean scrap = SCRAP_TYPES.contains(sum.costType());
            BigDecimal amount = money(sum.amount(), zero);
            BigDecimal scrapCost = scrap ? amount : zero;
            BigDecimal reworkCost = sum.costType().equals("rework") ? amount : zero;
            PartCost cost = new PartCost(sum.line(), sum.workCenter(), part(sum.part()), scrapCost, reworkCost,
                    scrapCost.add(reworkCost), scrap ? sum.quantity() : BigDecimal.ZERO, sum.events());
            byPart.merge(List.of(sum.line(), sum.workCenter(), sum.part()), cost,
                    (a, b) -> new PartCost(a.line(), a.workCenter(), a.part(), a.scrapCost().add(b.scrapCost()),
                            a.reworkCost().add(b.reworkCost()), a.totalCost().add(b.totalCost()),
                            a.scrapQuantity().add(b.scrapQuantity()), a.events() + b.events()));
            partTotals.merge(sum.part(), scrapCost.add(reworkCost), BigDecimal::add);
        }
        List<PartCost> rows = byPart.values().stream().map(c -> new PartCost(c.line(), c.workCenter(), c.part(),
                c.scrapCost(), c.reworkCost(), c.totalCost(), c.scrapQuantity().stripTrailingZeros(), c.events()))
                .toList();
        List<PartEntry> pareto = Pareto
                .of(partTotals.entrySet().stream().map(e -> new Pareto.Cost(e.getKey(), null, e.getValue())).toList(),
                        threshold)
                .stream().map(e -> new PartEntry(e.rank(), part(e.defectCode()), e.cost(), e.share(),
                        e.cumulativeShare(), e.vitalFew()))
                .toList();
        return new PartSections(rows, pareto, categories(sums, codes, zero, threshold));
    }

    /**
     * Each category's cost with its share of the whole, the shares summing to exactly 1 as the Pareto's do; rework
     * without a defect record, and a code the catalog no longer has, are under no category.
     */
    private static List<CategoryShare> categories(List<ReportBuilder.Sum> sums, List<CodeCategory> codes,
            BigDecimal zero, BigDecimal threshold) {
        Map<String, String> categoryOf = new HashMap<>();
        codes.forEach(code -> categoryOf.put(code.defectCode(), code.category()));
        Map<String, BigDecimal> cost = new HashMap<>();
        Map<String, Long> events = new HashMap<>();
        for (ReportBuilder.Sum sum : sums) {
            String key = categoryOf.getOrDefault(sum.defectCode(), "");
            cost.merge(key, money(sum.amount(), zero), BigDecimal::add);
            events.merge(key, sum.events(), Long::sum);
        }
        List<CategoryShare> shares = new ArrayList<>();
        for (Pareto.Entry entry : Pareto.of(
                cost.entrySet().stream().map(e -> new Pareto.Cost(e.getKey(), null, e.getValue())).toList(),
                threshold)) {
            shares.add(new CategoryShare(part(entry.defectCode()), entry.cost(), entry.share(),
                    events.get(entry.defectCode())));
        }
        return shares;
    }

    /**
     * The part rollups less {@code after}, the period's events after a cut in the same grouping (a report as of a day);
     * a key left without events or cost is dropped.
     */
    public static List<PartSum> less(List<PartSum> parts, List<PartSum> after) {
        Map<List<String>, PartSum> byKey = new HashMap<>();
        parts.forEach(p -> byKey.merge(key(p), p, PartSections::plus));
        after.forEach(p -> byKey.merge(key(p), new PartSum(p.line(), p.workCenter(), p.part(), p.costType(),
                p.amount().negate(), p.quantity().negate(), -p.events()), PartSections::plus));
        return byKey.values().stream().filter(p -> p.events() != 0 || p.amount().signum() != 0).toList();
    }

    private static List<String> key(PartSum sum) {
        return List.of(sum.line(), sum.workCenter(), sum.part(), sum.costType());
    }

    private static PartSum plus(PartSum a, PartSum b) {
        return new PartSum(a.line(), a.workCenter(), a.part(), a.costType(), a.amount().add(b.amount()),
                a.quantity().add(b.quantity()), a.events() + b.events());
    }

    /** The report's name of a rollup's part or category: null for none, which the rollups keep as ''. */
    private static String part(String key) {
        return key == null || key.isEmpty() ? null : key;
    }

    private static BigDecimal money(BigDecimal amount, BigDecimal zero) {
        return amount.setScale(Math.max(amount.scale(), zero.scale()));
    }
}
