package io.scrapline.reporting.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportBuilder.WeekCost;
import io.scrapline.reporting.domain.ReportBuilder.YearSum;

/**
 * Reports cut at a day. The figures of a period as of day D are the period's figures less the events of the period that
 * occurred after D: the rollups stay the source, so that the cut at the period's last day is the period's report to the
 * cent (a correction booked in the period counts in every cut, as the rollups do not date it), and the daily cut reads
 * only the events since the day ended. A week's report sums the events of its days instead, whatever period they are
 * booked in.
 */
public final class ReportCut {

    private ReportCut() {
    }

    /** The figures less {@code after}, the period's events that occurred after the cut, in its rollups' grouping. */
    public static ReportFigures less(ReportFigures figures, List<Sum> after) {
        return new ReportFigures(less(figures.sums(), after), figures.uncosted(), figures.prior(), figures.budgets(),
                figures.vitalFewThreshold(), figures.scrapVariances(), figures.firstPeriod(),
                figures.yearToDate() == null ? null : lessYear(figures.yearToDate(), after), figures.weeks(),
                figures.weekly(), figures.ncrs(), figures.thresholds(), null, null, figures.scrapQuantityChecks());
    }

    /**
     * Rollup sums less event sums of the same keys. A key left without events is dropped, as the rollup reads drop it
     * ({@code HAVING sum(events) <> 0}).
     */
    public static List<Sum> less(List<Sum> sums, List<Sum> after) {
        Map<List<String>, Sum> byKey = new LinkedHashMap<>();
        sums.forEach(sum -> byKey.merge(key(sum), sum, ReportCut::plus));
        after.forEach(sum -> byKey.merge(key(sum), negated(sum), ReportCut::plus));
        return byKey.values().stream().filter(sum -> sum.events() != 0).toList();
    }

    /** The year to date less the events of its last period that occurred after the cut. */
    public static List<YearSum> lessYear(List<YearSum> year, List<Sum> after) {
        Map<List<String>, YearSum> byKey = new LinkedHashMap<>();
        year.forEach(sum -> byKey.merge(List.of(sum.line(), sum.costType(), sum.coqClass()), sum, ReportCut::plus));
        after.forEach(sum -> byKey.merge(List.of(sum.line(), sum.costType(), sum.coqClass()),
                new YearSum(sum.line(), sum.costType(), sum.coqClass(), sum.amount().negate(), -sum.events()),
                ReportCut::plus));
        return byKey.values().stream().filter(sum -> sum.events() != 0).toList();
    }

    /**
     * The weekly costs of a week report's trend: the weeks before from the weekly rollups, and the week's own, which is
     * its events through the day it is as of.
     */
    public static List<WeekCost> withWeek(List<WeekCost> before, LocalDate monday, List<Sum> week) {
        List<WeekCost> costs = new ArrayList<>(before);
        week.forEach(sum -> costs.add(new WeekCost(sum.line(), monday, sum.defectCode(), sum.amount())));
        return costs;
    }

    /** The ISO week of a Monday, as a week report names its period: 2026-W46. */
    public static String weekName(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static List<String> key(Sum sum) {
        return List.of(sum.line(), sum.workCenter(), sum.defectCode(), sum.shift(), sum.costType(), sum.coqClass());
    }

    private static Sum negated(Sum sum) {
        return new Sum(sum.line(), sum.workCenter(), sum.defectCode(), sum.description(), sum.costType(),
                sum.coqClass(), sum.amount().negate(), sum.quantity().negate(), -sum.events(), sum.shift(),
                sum.recoverableAmount().negate(), sum.exposureAmount().negate());
    }

    private static Sum plus(Sum a, Sum b) {
        return new Sum(a.line(), a.workCenter(), a.defectCode(), a.description(), a.costType(), a.coqClass(),
                a.amount().add(b.amount()), a.quantity().add(b.quantity()), a.events() + b.events(), a.shift(),
                a.recoverableAmount().add(b.recoverableAmount()), a.exposureAmount().add(b.exposureAmount()));
    }

    private static YearSum plus(YearSum a, YearSum b) {
        return new YearSum(a.line(), a.costType(), a.coqClass(), a.amount().add(b.amount()), a.events() + b.events());
    }
}
