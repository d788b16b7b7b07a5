package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.scrapline.platform.money.Money;

/**
 * Builds a report from rollup sums. Every total is a sum of rounded event amounts, so lines sum to the totals and the
 * Pareto to the total cost exactly.
 */
public final class ReportBuilder {

    /** Cost types that are scrap cost: the scrapped value, including parts returned to the vendor. */
    private static final List<String> SCRAP_TYPES = List.of("scrap", "return_to_vendor");

    /** How many defect codes of the Pareto the trend follows. */
    static final int TREND_CODES = 5;

    /**
     * A rollup of the period: costing keeps one per line, work center, defect code, shift, cost type and COQ class.
     * Rework hours that no defect record covers have the defect code ''. A snapshot stored before shifts and the
     * disposition amounts were kept reads as one shift '' with nothing recoverable or exposed.
     */
    public record Sum(String line, String workCenter, String defectCode, String description, String costType,
            String coqClass, BigDecimal amount, BigDecimal quantity, long events, String shift,
            BigDecimal recoverableAmount, BigDecimal exposureAmount) {

        public Sum {
            shift = shift == null ? "" : shift;
            recoverableAmount = recoverableAmount == null ? BigDecimal.ZERO : recoverableAmount;
            exposureAmount = exposureAmount == null ? BigDecimal.ZERO : exposureAmount;
        }
    }

    /** A fiscal-year-to-date rollup sum of a line. */
    public record YearSum(String line, String costType, String coqClass, BigDecimal amount, long events) {
    }

    /** The cost of a defect code on a line in the week starting on Monday {@code week}. */
    public record WeekCost(String line, LocalDate week, String defectCode, BigDecimal amount) {
    }

    /** The plant's NCRs of a defect code (latest versions) in one corrective-action status (null: none). */
    public record NcrCount(String defectCode, String correctiveActionStatus, long ncrs, long openNcrs) {
    }

    /** The period cost above which the plant's alert rule for a defect code fires. */
    public record Threshold(String defectCode, BigDecimal threshold) {
    }

    /**
     * The figures beyond the period's rollups, each null when the report has no such section: the scrap variances of
     * the plant, the year to date from {@code firstPeriod}, the weekly costs of the trend's {@code weeks}, the NCRs by
     * defect code; and the alert thresholds of defect codes.
     */
    public record Sections(List<Report.ScrapVariance> scrapVariances, String firstPeriod, List<YearSum> yearToDate,
            List<LocalDate> weeks, List<WeekCost> weekly, List<NcrCount> ncrs, List<Threshold> thresholds) {

        public static final Sections NONE = new Sections(null, null, null, null, null, null, List.of());
    }

    private ReportBuilder() {
    }

    public static Report build(String plant, String plantName, String period, String currency, String view,
            List<Sum> sums, long uncostedEvents, BigDecimal uncostedQuantity, BigDecimal priorTotal,
            BigDecimal paretoThreshold, BigDecimal budget) {
        return build(plant, plantName, period, currency, view, sums, uncostedEvents, uncostedQuantity, priorTotal,
                paretoThreshold, budget, Sections.NONE);
    }

    public static Report build(String plant, String plantName, String period, String currency, String view,
            List<Sum> sums, long uncostedEvents, BigDecimal uncostedQuantity, BigDecimal priorTotal,
            BigDecimal paretoThreshold, BigDecimal budget, Sections sections) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(currency));
        BigDecimal scrap = zero;
        BigDecimal rework = zero;
        BigDecimal recoverable = zero;
        BigDecimal exposure = zero;
        BigDecimal scrapQuantity = BigDecimal.ZERO;
        long events = 0;
        Map<String, Report.LineCost> byLine = new TreeMap<>();
        Map<String, Pareto.Cost> byCode = new LinkedHashMap<>();
        Map<String, BigDecimal> byCoq = new TreeMap<>();
        Map<String, Report.ShiftCost> byShift = new TreeMap<>();
        Map<String, Map<String, Report.ShiftDefect>> shiftDefects = new TreeMap<>();
        for (Sum sum : sums) {
            // Quarantine and use-as-is cost nothing: 0 as 0.00, like every amount of the report.
            BigDecimal amount = asMoney(sum.amount(), zero);
            boolean isScrap = SCRAP_TYPES.contains(sum.costType());
            boolean isRework = sum.costType().equals("rework");
            BigDecimal scrapPart = isScrap ? amount : zero;
            BigDecimal reworkPart = isRework ? amount : zero;
            scrap = scrap.add(scrapPart);
            rework = rework.add(reworkPart);
            recoverable = recoverable.add(sum.recoverableAmount());
            exposure = exposure.add(sum.exposureAmount());
            if (isScrap) {
                scrapQuantity = scrapQuantity.add(sum.quantity());
            }
            events += sum.events();
            byLine.merge(sum.line() + '\u0000' + sum.workCenter(),
                    new Report.LineCost(sum.line(), sum.workCenter(), scrapPart, reworkPart, scrapPart.add(reworkPart),
                            sum.events(), asMoney(sum.recoverableAmount(), zero), asMoney(sum.exposureAmount(), zero)),
                    (a, b) -> new Report.LineCost(a.line(), a.workCenter(), a.scrapCost().add(b.scrapCost()),
                            a.reworkCost().add(b.reworkCost()), a.totalCost().add(b.totalCost()),
                            a.events() + b.events(), a.recoverableAmount().add(b.recoverableAmount()),
                            a.exposureAmount().add(b.exposureAmount())));
            String code = code(sum.defectCode());
            String description = code == null ? Report.WITHOUT_DEFECT_RECORD : sum.description();
            byCode.merge(sum.defectCode(), new Pareto.Cost(code, description, amount),
                    (a, b) -> new Pareto.Cost(a.defectCode(), a.description(), a.cost().add(b.cost())));
            byCoq.merge(sum.coqClass(), amount, BigDecimal::add);
            byShift.merge(sum.shift(),
                    new Report.ShiftCost(sum.shift(), scrapPart, reworkPart, scrapPart.add(reworkPart), sum.events()),
                    (a, b) -> new Report.ShiftCost(a.shift(), a.scrapCost().add(b.scrapCost()),
                            a.reworkCost().add(b.reworkCost()), a.totalCost().add(b.totalCost()),
                            a.events() + b.events()));
            shiftDefects.computeIfAbsent(sum.shift(), s -> new LinkedHashMap<>()).merge(sum.defectCode(),
                    new Report.ShiftDefect(sum.shift(), 0, code, description, sum.events(), sum.quantity(), amount,
                            null, false),
                    (a, b) -> new Report.ShiftDefect(a.shift(), 0, a.defectCode(), a.description(),
                            a.events() + b.events(), a.quantity().add(b.quantity()), a.cost().add(b.cost()), null,
                            false));
        }
        BigDecimal total = scrap.add(rework);
        Report.Totals totals = new Report.Totals(scrap, rework, total, scrapQuantity.stripTrailingZeros(), events,
                uncostedEvents, uncostedQuantity.stripTrailingZeros(), recoverable, exposure);
        List<Report.CoqCost> coq = coq(byCoq);
        BigDecimal change = priorTotal.signum() == 0 ? null
                : total.subtract(priorTotal).divide(priorTotal, Pareto.SHARE_SCALE, RoundingMode.HALF_UP);
        List<Pareto.Entry> pareto = Pareto.of(List.copyOf(byCode.values()), paretoThreshold);
        return new Report(plant, plantName, period, currency, "open", 1, view, totals, List.copyOf(byLine.values()),
                pareto, paretoThreshold, coq,
                new Report.Variance(asMoney(priorTotal, zero), change, budget == null ? null : asMoney(budget, zero),
                        Budgets.variance(total, budget)),
                sections.scrapVariances(),
                sections.scrapVariances() == null ? null : scrapVarianceTotals(sections.scrapVariances(), zero),
                List.copyOf(byShift.values()), defectsByShift(shiftDefects, byCode, sections.thresholds()),
                sections.yearToDate() == null ? null
                        : yearToDate(sections.firstPeriod(), period, sections.yearToDate(), zero),
                sections.weeks() == null ? null : trend(pareto, sections.weeks(), sections.weekly(), zero),
                sections.ncrs() == null ? null : correctiveActions(pareto, sections.ncrs()), null, null);
    }

    /** The Pareto's code of a rollup's: null for rework without a defect record, which costing keeps as ''. */
    private static String code(String defectCode) {
        return defectCode.isEmpty() ? null : defectCode;
    }

    private static List<Report.CoqCost> coq(Map<String, BigDecimal> byCoq) {
        return byCoq.entrySet().stream().map(e -> new Report.CoqCost(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Report.CoqCost::cost).reversed()).toList();
    }

    /** Each shift's codes ranked by cost, each flagged when the code's cost over all shifts is above its threshold. */
    private static List<Report.ShiftDefect> defectsByShift(Map<String, Map<String, Report.ShiftDefect>> shiftDefects,
            Map<String, Pareto.Cost> byCode, List<Threshold> thresholds) {
        Map<String, BigDecimal> limits = new HashMap<>();
        thresholds.forEach(t -> limits.put(t.defectCode(), t.threshold()));
        List<Report.ShiftDefect> rows = new ArrayList<>();
        for (Map<String, Report.ShiftDefect> codes : shiftDefects.values()) {
            List<Report.ShiftDefect> ranked = codes.values().stream()
                    .sorted(Comparator.comparing(Report.ShiftDefect::cost).reversed().thenComparing(
                            Report.ShiftDefect::defectCode, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            for (int i = 0; i < ranked.size(); i++) {
                Report.ShiftDefect row = ranked.get(i);
                String key = row.defectCode() == null ? "" : row.defectCode();
                BigDecimal limit = row.defectCode() == null ? null : limits.get(key);
                boolean over = limit != null && byCode.get(key).cost().compareTo(limit) > 0;
                rows.add(new Report.ShiftDefect(row.shift(), i + 1, row.defectCode(), row.description(), row.events(),
                        row.quantity().stripTrailingZeros(), row.cost(), limit, over));
            }
        }
        return rows;
    }

    private static Report.ScrapVarianceTotals scrapVarianceTotals(List<Report.ScrapVariance> variances,
            BigDecimal zero) {
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal unplanned = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = zero;
        for (Report.ScrapVariance variance : variances) {
            planned = planned.add(variance.plannedQuantity());
            unplanned = unplanned.add(variance.unplannedQuantity());
            quantity = quantity.add(variance.varianceQuantity());
            value = value.add(variance.varianceValue());
        }
        return new Report.ScrapVarianceTotals(planned.stripTrailingZeros(), unplanned.stripTrailingZeros(),
                planned.add(unplanned).stripTrailingZeros(), quantity.stripTrailingZeros(), value);
    }

    private static Report.YearToDate yearToDate(String firstPeriod, String period, List<YearSum> sums,
            BigDecimal zero) {
        BigDecimal scrap = zero;
        BigDecimal rework = zero;
        long events = 0;
        Map<String, BigDecimal> byCoq = new TreeMap<>();
        for (YearSum sum : sums) {
            if (SCRAP_TYPES.contains(sum.costType())) {
                scrap = scrap.add(sum.amount());
            } else if (sum.costType().equals("rework")) {
                rework = rework.add(sum.amount());
            }
            events += sum.events();
            byCoq.merge(sum.coqClass(), asMoney(sum.amount(), zero), BigDecimal::add);
        }
        return new Report.YearToDate(firstPeriod, period, scrap, rework, scrap.add(rework), events, coq(byCoq));
    }

    /** The weekly cost of the Pareto's first {@link #TREND_CODES} defect codes; a week without cost is zero. */
    private static Report.Trend trend(List<Pareto.Entry> pareto, List<LocalDate> weeks, List<WeekCost> weekly,
            BigDecimal zero) {
        List<Report.TrendSeries> series = new ArrayList<>();
        for (Pareto.Entry entry : pareto.stream().filter(e -> e.defectCode() != null).limit(TREND_CODES).toList()) {
            Map<LocalDate, BigDecimal> costs = new HashMap<>();
            weekly.stream().filter(w -> w.defectCode().equals(entry.defectCode()))
                    .forEach(w -> costs.merge(w.week(), w.amount(), BigDecimal::add));
            List<BigDecimal> values = weeks.stream().map(week -> costs.getOrDefault(week, zero)).toList();
            series.add(new Report.TrendSeries(entry.defectCode(), entry.description(), values,
                    values.stream().reduce(zero, BigDecimal::add)));
        }
        return new Report.Trend(weeks, series);
    }

    private static List<Report.CorrectiveActions> correctiveActions(List<Pareto.Entry> pareto, List<NcrCount> ncrs) {
        List<Report.CorrectiveActions> actions = new ArrayList<>();
        for (Pareto.Entry entry : pareto.stream().filter(e -> e.defectCode() != null).toList()) {
            Map<String, Long> byStatus = new TreeMap<>();
            long all = 0;
            long open = 0;
            for (NcrCount count : ncrs) {
                if (Objects.equals(count.defectCode(), entry.defectCode())) {
                    String status = count.correctiveActionStatus() == null ? "none" : count.correctiveActionStatus();
                    byStatus.merge(status, count.ncrs(), Long::sum);
                    all += count.ncrs();
                    open += count.openNcrs();
                }
            }
            actions.add(new Report.CorrectiveActions(entry.defectCode(), all, open, byStatus));
        }
        return actions;
    }

    /** At least the currency's minor unit, so 800 shows as 800.00 next to the report's other amounts. */
    private static BigDecimal asMoney(BigDecimal amount, BigDecimal zero) {
        return amount.setScale(Math.max(amount.scale(), zero.scale()));
    }
}
