package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.reporting.domain.ReportBuilder.NcrCount;
import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportBuilder.Threshold;
import io.scrapline.reporting.domain.ReportBuilder.WeekCost;
import io.scrapline.reporting.domain.ReportBuilder.YearSum;

/**
 * Everything a plant-period report is built from, by line: the rollup sums, the events still in open exceptions, the
 * prior period's totals, the budgets and the "vital few" share; the scrap variances of the plant, the fiscal year to
 * date from {@code firstPeriod}, the weekly costs of the trend's {@code weeks}, the NCRs by defect code and the alert
 * thresholds of defect codes. A closed period stores these with its report, so a token limited to some lines gets the
 * frozen figures of its lines rather than the live ones. A snapshot stored before the later sections were kept has them
 * null, and its report has no such sections; so are the part and category rollups of a cut report.
 */
@RegisterForReflection(targets = { ReportFigures.class, ReportFigures.LineUncosted.class, ReportFigures.LineTotal.class,
        Sum.class, Budgets.Row.class, YearSum.class, WeekCost.class, NcrCount.class, Threshold.class,
        PartSections.PartSum.class, PartSections.CodeCategory.class, Report.ScrapQuantityCheck.class })
public record ReportFigures(List<Sum> sums, List<LineUncosted> uncosted, List<LineTotal> prior,
        List<Budgets.Row> budgets, BigDecimal vitalFewThreshold, List<Report.ScrapVariance> scrapVariances,
        String firstPeriod, List<YearSum> yearToDate, List<LocalDate> weeks, List<WeekCost> weekly, List<NcrCount> ncrs,
        List<Threshold> thresholds, List<PartSections.PartSum> parts, List<PartSections.CodeCategory> categories,
        List<Report.ScrapQuantityCheck> scrapQuantityChecks) {

    /** Figures without the part and category rollups and the quantity checks: a cut report's, an older snapshot's. */
    public ReportFigures(List<Sum> sums, List<LineUncosted> uncosted, List<LineTotal> prior, List<Budgets.Row> budgets,
            BigDecimal vitalFewThreshold, List<Report.ScrapVariance> scrapVariances, String firstPeriod,
            List<YearSum> yearToDate, List<LocalDate> weeks, List<WeekCost> weekly, List<NcrCount> ncrs,
            List<Threshold> thresholds) {
        this(sums, uncosted, prior, budgets, vitalFewThreshold, scrapVariances, firstPeriod, yearToDate, weeks, weekly,
                ncrs, thresholds, null, null, null);
    }

    public record LineUncosted(String line, long events, BigDecimal quantity) {
    }

    public record LineTotal(String line, BigDecimal total) {
    }

    /**
     * The report of {@code lines} (empty: every line of the plant). Scrap variances come from operation confirmations,
     * which name no line: a report limited to lines has none. NCRs name no line either: their counts are the plant's,
     * for the defect codes of the lines' Pareto. The MES scrap that disagrees with the confirmations is the plant's
     * too: a report limited to lines has none.
     */
    public Report report(String plant, String plantName, String period, String currency, String view,
            List<String> lines) {
        Predicate<String> shown = line -> lines.isEmpty() || lines.contains(line);
        List<LineUncosted> waiting = uncosted.stream().filter(u -> shown.test(u.line())).toList();
        ReportBuilder.Sections sections = new ReportBuilder.Sections(lines.isEmpty() ? scrapVariances : null,
                firstPeriod, yearToDate == null ? null : yearToDate.stream().filter(y -> shown.test(y.line())).toList(),
                weeks, weekly == null ? null : weekly.stream().filter(w -> shown.test(w.line())).toList(), ncrs,
                thresholds == null ? List.of() : thresholds);
        List<Sum> lineSums = sums.stream().filter(s -> shown.test(s.line())).toList();
        Report report = ReportBuilder.build(plant, plantName, period, currency, view, lineSums,
                waiting.stream().mapToLong(LineUncosted::events).sum(),
                waiting.stream().map(LineUncosted::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                prior.stream().filter(p -> shown.test(p.line())).map(LineTotal::total).reduce(BigDecimal.ZERO,
                        BigDecimal::add),
                vitalFewThreshold, Budgets.budget(budgets, lines).orElse(null), sections)
                .withScrapQuantityChecks(lines.isEmpty() ? scrapQuantityChecks : null);
        return parts == null || categories == null ? report
                : report.withParts(PartSections.of(parts, lineSums, categories, shown, vitalFewThreshold, currency));
    }

    /** The same figures with the part rollups and the codes' categories of a report cut at a day. */
    public ReportFigures withParts(List<PartSections.PartSum> cutParts, List<PartSections.CodeCategory> codes) {
        return new ReportFigures(sums, uncosted, prior, budgets, vitalFewThreshold, scrapVariances, firstPeriod,
                yearToDate, weeks, weekly, ncrs, thresholds, cutParts, codes, scrapQuantityChecks);
    }
}
