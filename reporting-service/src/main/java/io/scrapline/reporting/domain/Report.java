package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The plant-period report of contract.md, "Reports". Money is a decimal string next to {@code currency}; the vital-few
 * threshold is the share of cost that the Pareto's vital few reach, so a chart can draw it.
 * <p>
 * A view ({@link #inView}) is the same figures with the sections its readers need; the sections it leaves out are null
 * and absent from the JSON. Without a view ({@link #FULL}) the report has every section.
 */
@RegisterForReflection(targets = { Report.class, Report.Totals.class, Report.LineCost.class, Report.CoqCost.class,
        Report.Variance.class, Pareto.Entry.class, Report.ScrapVariance.class, Report.ScrapVarianceTotals.class,
        Report.ShiftCost.class, Report.ShiftDefect.class, Report.YearToDate.class, Report.Trend.class,
        Report.TrendSeries.class, Report.CorrectiveActions.class, Report.Window.class,
        Report.ScrapQuantityCheck.class })
public record Report(String plant, String plantName, String period, String currency, String status, int version,
        String view, @JsonInclude(JsonInclude.Include.NON_NULL) Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LineCost> byLine,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Pareto.Entry> pareto,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal vitalFewThreshold,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CoqCost> coq,
        @JsonInclude(JsonInclude.Include.NON_NULL) Variance variance,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ScrapVariance> scrapVariance,
        @JsonInclude(JsonInclude.Include.NON_NULL) ScrapVarianceTotals scrapVarianceTotals,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ShiftCost> byShift,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ShiftDefect> defectsByShift,
        @JsonInclude(JsonInclude.Include.NON_NULL) YearToDate yearToDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Trend trend,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CorrectiveActions> correctiveActions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Window window,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartSections.PartCost> byPart,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartSections.PartEntry> partPareto,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartSections.CategoryShare> categories,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ScrapQuantityCheck> scrapQuantityChecks) {

    /** A report without the sections by part and category and the quantity checks (a cut report, an older snapshot). */
    public Report(String plant, String plantName, String period, String currency, String status, int version,
            String view, Totals totals, List<LineCost> byLine, List<Pareto.Entry> pareto, BigDecimal vitalFewThreshold,
            List<CoqCost> coq, Variance variance, List<ScrapVariance> scrapVariance,
            ScrapVarianceTotals scrapVarianceTotals, List<ShiftCost> byShift, List<ShiftDefect> defectsByShift,
            YearToDate yearToDate, Trend trend, List<CorrectiveActions> correctiveActions, Window window) {
        this(plant, plantName, period, currency, status, version, view, totals, byLine, pareto, vitalFewThreshold, coq,
                variance, scrapVariance, scrapVarianceTotals, byShift, defectsByShift, yearToDate, trend,
                correctiveActions, window, null, null, null, null);
    }

    /** The label of a report with every section: what a request without {@code ?view=} gets. */
    public static final String FULL = "full";
    public static final String CONTROLLER = "controller";
    public static final String QUALITY = "quality";
    public static final String SUPERVISOR = "supervisor";

    /** The description of the Pareto's entry for rework hours that no defect record covers (its code is null). */
    public static final String WITHOUT_DEFECT_RECORD = "Rework without a defect record";

    /** The same figures as version {@code version} of a closed period, labelled for {@code view}. */
    /** An open report of the totals and cost-of-quality classes only, as a consolidation shows a plant. */
    public static Report summary(String plant, String plantName, String period, String currency, String view,
            Totals totals, List<CoqCost> coq) {
        return new Report(plant, plantName, period, currency, "open", 1, view, totals, null, null, null, coq, null,
                null, null, null, null, null, null, null, null);
    }

    public Report closed(int version, String view) {
        return new Report(plant, plantName, period, currency, "closed", version, view, totals, byLine, pareto,
                vitalFewThreshold, coq, variance, scrapVariance, scrapVarianceTotals, byShift, defectsByShift,
                yearToDate, trend, correctiveActions, window, byPart, partPareto, categories, scrapQuantityChecks);
    }

    /** The same figures, saying that they cover {@code window} only (a report as of a day, or of a week). */
    public Report within(Window window) {
        return new Report(plant, plantName, period, currency, status, version, view, totals, byLine, pareto,
                vitalFewThreshold, coq, variance, scrapVariance, scrapVarianceTotals, byShift, defectsByShift,
                yearToDate, trend, correctiveActions, window, byPart, partPareto, categories, scrapQuantityChecks);
    }

    /** The same figures with the sections by part and by defect category. */
    public Report withParts(PartSections parts) {
        return new Report(plant, plantName, period, currency, status, version, view, totals, byLine, pareto,
                vitalFewThreshold, coq, variance, scrapVariance, scrapVarianceTotals, byShift, defectsByShift,
                yearToDate, trend, correctiveActions, window, parts.byPart(), parts.partPareto(), parts.categories(),
                scrapQuantityChecks);
    }

    /** The same figures with the MES scrap that disagrees with the ERP's confirmations (null: no such section). */
    public Report withScrapQuantityChecks(List<ScrapQuantityCheck> checks) {
        return new Report(plant, plantName, period, currency, status, version, view, totals, byLine, pareto,
                vitalFewThreshold, coq, variance, scrapVariance, scrapVarianceTotals, byShift, defectsByShift,
                yearToDate, trend, correctiveActions, window, byPart, partPareto, categories, checks);
    }

    /**
     * The sections of a view, from the same figures: a controller's money by line and cost-of-quality class, the
     * variances, the year to date, cost by part, the defect categories and the MES scrap that disagrees with the ERP's
     * confirmations; quality's Pareto of defect codes and of parts, the defect categories, the 13-week trend and the
     * corrective actions; a supervisor's line by shift with the defect codes over their thresholds, and its cost by
     * part. {@link #FULL} (or null) keeps every section.
     */
    public Report inView(String view) {
        if (view == null || view.equals(FULL)) {
            return this;
        }
        boolean controller = view.equals(CONTROLLER);
        boolean quality = view.equals(QUALITY);
        boolean supervisor = view.equals(SUPERVISOR);
        if (!controller && !quality && !supervisor) {
            throw new IllegalArgumentException("no view " + view);
        }
        return new Report(plant, plantName, period, currency, status, version, view, totals,
                controller || supervisor ? byLine : null, quality ? pareto : null, quality ? vitalFewThreshold : null,
                controller || quality ? coq : null, controller ? variance : null, controller ? scrapVariance : null,
                controller ? scrapVarianceTotals : null, supervisor ? byShift : null,
                supervisor ? defectsByShift : null, controller ? yearToDate : null, quality ? trend : null,
                quality ? correctiveActions : null, window, controller || supervisor ? byPart : null,
                quality ? partPareto : null, controller || quality ? categories : null,
                controller ? scrapQuantityChecks : null);
    }

    /**
     * Recoverable: the supplier recovery expected on parts returned to the vendor, shown apart from (not netted
     * against) the scrap cost. Exposure: the scrap value at risk of parts in quarantine, not yet costed.
     */
    public record Totals(BigDecimal scrapCost, BigDecimal reworkCost, BigDecimal totalCost, BigDecimal scrapQuantity,
            long events, long uncostedEvents, BigDecimal uncostedQuantity, BigDecimal recoverableAmount,
            BigDecimal exposureAmount) {
    }

    public record LineCost(String line, String workCenter, BigDecimal scrapCost, BigDecimal reworkCost,
            BigDecimal totalCost, long events, BigDecimal recoverableAmount, BigDecimal exposureAmount) {
    }

    public record CoqCost(String coqClass, BigDecimal cost) {
    }

    /**
     * Against the prior period and the budget (scrap + rework; null when none is set). Deltas are fractions (0.124 =
     * +12.4 %); a positive budget variance is over budget.
     */
    public record Variance(BigDecimal priorPeriodTotal, BigDecimal periodOverPeriod, BigDecimal budget,
            BigDecimal budgetVariance) {
    }

    /**
     * Planned and unplanned scrap of a part at an operation from its confirmations (docs/cost-model.md §5): the
     * variance is confirmed − planned scrap (negative when favorable), its value in the plant's currency.
     */
    public record ScrapVariance(String part, String operation, BigDecimal plannedQuantity, BigDecimal unplannedQuantity,
            BigDecimal varianceQuantity, BigDecimal varianceValue, long confirmations) {
    }

    public record ScrapVarianceTotals(BigDecimal plannedQuantity, BigDecimal unplannedQuantity,
            BigDecimal totalQuantity, BigDecimal varianceQuantity, BigDecimal varianceValue) {
    }

    public record ShiftCost(String shift, BigDecimal scrapCost, BigDecimal reworkCost, BigDecimal totalCost,
            long events) {
    }

    /**
     * A defect code's events and cost in one shift, ranked within the shift by cost. {@code threshold} is the period
     * cost the plant's alert rule for the code allows (null without a rule); {@code overThreshold} says whether the
     * code's cost in the period, over all shifts of the report's lines, is above it.
     */
    public record ShiftDefect(String shift, int rank, String defectCode, String description, long events,
            BigDecimal quantity, BigDecimal cost, BigDecimal threshold, boolean overThreshold) {
    }

    /** The fiscal year's periods from its first to the report's, summed. */
    public record YearToDate(String firstPeriod, String lastPeriod, BigDecimal scrapCost, BigDecimal reworkCost,
            BigDecimal totalCost, long events, List<CoqCost> coq) {
    }

    /**
     * Weekly cost of the Pareto's top five defect codes over the 13 weeks (Monday to Sunday) that end with the week of
     * the period's last day; {@code weeks} are the Mondays, each series has one cost per week and their total.
     */
    public record Trend(List<LocalDate> weeks, List<TrendSeries> series) {
    }

    public record TrendSeries(String defectCode, String description, List<BigDecimal> costs, BigDecimal total) {
    }

    /**
     * The plant's NCRs of a Pareto defect code, each at its latest version: how many, how many still open, and how many
     * in each corrective-action status ({@code none} when the NCR has no corrective action).
     */
    public record CorrectiveActions(String defectCode, long ncrs, long openNcrs, Map<String, Long> byStatus) {
    }

    /**
     * A work order and operation whose scrap in the MES differs from the scrap the ERP confirmed: the quantity of the
     * current scrap events and of the confirmations, their units when sent, {@code difference} ERP − MES, and the kind
     * ({@code split_work_order}, {@code partial_completion}, {@code not_in_mes} or {@code uom_differs}; docs/api.md).
     */
    public record ScrapQuantityCheck(String workOrder, String operation, String part, BigDecimal mesQuantity,
            long mesEvents, String mesUom, BigDecimal erpQuantity, long confirmations, String erpUom,
            BigDecimal difference, String kind) {
    }

    /**
     * The days, in the plant's time zone, whose events a cut report counts: from the period's first day (or the week's
     * Monday) through the day it is as of. A report of the whole period has none.
     */
    public record Window(LocalDate from, LocalDate through) {
    }
}
