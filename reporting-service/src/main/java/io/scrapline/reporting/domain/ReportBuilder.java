package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scrapline.platform.money.Money;

/**
 * Builds a report from rollup sums. Every total is a sum of rounded event amounts, so lines sum to the totals and the
 * Pareto to the total cost exactly.
 */
public final class ReportBuilder {

    /** Cost types that are scrap cost: the scrapped value, including parts returned to the vendor. */
    private static final List<String> SCRAP_TYPES = List.of("scrap", "return_to_vendor");

    public record Sum(String line, String workCenter, String defectCode, String description, String costType,
            String coqClass, BigDecimal amount, BigDecimal quantity, long events) {
    }

    private ReportBuilder() {
    }

    public static Report build(String plant, String plantName, String period, String currency, String view,
            List<Sum> sums, long uncostedEvents, BigDecimal uncostedQuantity, BigDecimal priorTotal,
            BigDecimal paretoThreshold, BigDecimal budget) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(currency));
        BigDecimal scrap = zero;
        BigDecimal rework = zero;
        BigDecimal scrapQuantity = BigDecimal.ZERO;
        long events = 0;
        Map<String, Report.LineCost> byLine = new TreeMap<>();
        Map<String, Pareto.Cost> byCode = new LinkedHashMap<>();
        Map<String, BigDecimal> byCoq = new TreeMap<>();
        for (Sum sum : sums) {
            boolean isScrap = SCRAP_TYPES.contains(sum.costType());
            boolean isRework = sum.costType().equals("rework");
            BigDecimal scrapPart = isScrap ? sum.amount() : zero;
            BigDecimal reworkPart = isRework ? sum.amount() : zero;
            scrap = scrap.add(scrapPart);
            rework = rework.add(reworkPart);
            if (isScrap) {
                scrapQuantity = scrapQuantity.add(sum.quantity());
            }
            events += sum.events();
            byLine.merge(sum.line() + '\u0000' + sum.workCenter(),
                    new Report.LineCost(sum.line(), sum.workCenter(), scrapPart, reworkPart, scrapPart.add(reworkPart),
                            sum.events()),
                    (a, b) -> new Report.LineCost(a.line(), a.workCenter(), a.scrapCost().add(b.scrapCost()),
                            a.reworkCost().add(b.reworkCost()), a.totalCost().add(b.totalCost()),
                            a.events() + b.events()));
            byCode.merge(sum.defectCode(), new Pareto.Cost(sum.defectCode(), sum.description(), sum.amount()),
                    (a, b) -> new Pareto.Cost(a.defectCode(), a.description(), a.cost().add(b.cost())));
            byCoq.merge(sum.coqClass(), sum.amount(), BigDecimal::add);
        }
        BigDecimal total = scrap.add(rework);
        Report.Totals totals = new Report.Totals(scrap, rework, total, scrapQuantity.stripTrailingZeros(), events,
                uncostedEvents, uncostedQuantity.stripTrailingZeros());
        List<Report.CoqCost> coq = byCoq.entrySet().stream().map(e -> new Report.CoqCost(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Report.CoqCost::cost).reversed()).toList();
        BigDecimal change = priorTotal.signum() == 0 ? null
                : total.subtract(priorTotal).divide(priorTotal, Pareto.SHARE_SCALE, RoundingMode.HALF_UP);
        return new Report(plant, plantName, period, currency, "open", 1, view, totals, List.copyOf(byLine.values()),
                Pareto.of(List.copyOf(byCode.values()), paretoThreshold), paretoThreshold, coq,
                new Report.Variance(asMoney(priorTotal, zero), change, budget == null ? null : asMoney(budget, zero),
                        Budgets.variance(total, budget)));
    }

    /** At least the currency's minor unit, so 800 shows as 800.00 next to the report's other amounts. */
    private static BigDecimal asMoney(BigDecimal amount, BigDecimal zero) {
        return amount.setScale(Math.max(amount.scale(), zero.scale()));
    }
}
