package io.scrapline.costing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.scrapline.platform.period.FiscalCalendar;

/**
 * What costing needs to know besides the record itself, loaded once for a chunk of records: besides the mappings and
 * cost rolls, the NCRs and work orders the records name (keyed by plant and number), the rework-labor records joined to
 * each defect record (by its record id), the labor rates of work centers (keyed by plant and work center, the plant's
 * default under work center {@code ""}), the line of each work center, the closed periods of each plant and the unit
 * factors of each part.
 */
public record ReferenceData(Map<String, Plant> plants, Map<String, List<PartXref>> partXrefs,
        Map<String, String> defectCodeXrefs, Map<String, DefectCode> defectCodes,
        Map<String, List<CostRollLine>> costRolls, Map<String, Ncr> ncrs, Map<String, WorkOrder> workOrders,
        Map<Long, List<LaborRecord>> labor, Map<String, List<ReworkValuation.Rate>> laborRates,
        Map<String, String> workCenterLines, Map<String, Set<String>> closedPeriods,
        Map<String, List<UnitConversion.Factor>> uomFactors) {

    /** With no unit factors. */
    public ReferenceData(Map<String, Plant> plants, Map<String, List<PartXref>> partXrefs,
            Map<String, String> defectCodeXrefs, Map<String, DefectCode> defectCodes,
            Map<String, List<CostRollLine>> costRolls, Map<String, Ncr> ncrs, Map<String, WorkOrder> workOrders,
            Map<Long, List<LaborRecord>> labor, Map<String, List<ReworkValuation.Rate>> laborRates,
            Map<String, String> workCenterLines, Map<String, Set<String>> closedPeriods) {
        this(plants, partXrefs, defectCodeXrefs, defectCodes, costRolls, ncrs, workOrders, labor, laborRates,
                workCenterLines, closedPeriods, Map.of());
    }

    /** With no period closed. */
    public ReferenceData(Map<String, Plant> plants, Map<String, List<PartXref>> partXrefs,
            Map<String, String> defectCodeXrefs, Map<String, DefectCode> defectCodes,
            Map<String, List<CostRollLine>> costRolls, Map<String, Ncr> ncrs, Map<String, WorkOrder> workOrders,
            Map<Long, List<LaborRecord>> labor, Map<String, List<ReworkValuation.Rate>> laborRates,
            Map<String, String> workCenterLines) {
        this(plants, partXrefs, defectCodeXrefs, defectCodes, costRolls, ncrs, workOrders, labor, laborRates,
                workCenterLines, Map.of());
    }

    /** Mappings and cost rolls only: no NCRs, work orders, labor or rates. */
    public ReferenceData(Map<String, Plant> plants, Map<String, List<PartXref>> partXrefs,
            Map<String, String> defectCodeXrefs, Map<String, DefectCode> defectCodes,
            Map<String, List<CostRollLine>> costRolls) {
        this(plants, partXrefs, defectCodeXrefs, defectCodes, costRolls, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());
    }

    /** The plants and their closed periods only, to book reversals of events. */
    public static ReferenceData closedPeriods(Map<String, Plant> plants, Map<String, Set<String>> closedPeriods) {
        return new ReferenceData(plants, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), closedPeriods);
    }

    /** The same with the plants' closed periods. */
    public ReferenceData withClosedPeriods(Map<String, Set<String>> closed) {
        return new ReferenceData(plants, partXrefs, defectCodeXrefs, defectCodes, costRolls, ncrs, workOrders, labor,
                laborRates, workCenterLines, closed, uomFactors);
    }

    /** The same with the parts' unit factors, by part. */
    public ReferenceData withUomFactors(Map<String, List<UnitConversion.Factor>> factors) {
        return new ReferenceData(plants, partXrefs, defectCodeXrefs, defectCodes, costRolls, ncrs, workOrders, labor,
                laborRates, workCenterLines, closedPeriods, factors);
    }

    /** The part's unit factors as given, in either direction. */
    public List<UnitConversion.Factor> uomFactors(String part) {
        return uomFactors.getOrDefault(part, List.of());
    }

    /**
     * The period an event of {@code period} is booked in (docs/cost-model.md §9): its own while open, else the first
     * later period of the plant's calendar that is not closed. A closed period's figures are frozen.
     */
    public String bookingPeriod(String plant, String period) {
        Set<String> closed = closedPeriods.getOrDefault(plant, Set.of());
        if (closed.isEmpty()) {
            return period;
        }
        FiscalCalendar calendar = plants.get(plant).calendar();
        String booked = period;
        while (closed.contains(booked)) {
            booked = calendar.period(calendar.range(booked).last().plusDays(1));
        }
        return booked;
    }

    /** The Monday of the week, in the plant's time zone, of an event at {@code at}: its weekly rollup. */
    public LocalDate week(String plant, Instant at) {
        return RollupDelta.weekOf(at, plants.get(plant).zone());
    }

    /** The latest version of an NCR: its record id and its disposition (null when it has none yet). */
    public record Ncr(long recordId, String sourceId, String disposition) {
    }

    /**
     * The latest version of a production order: how the ERP costs it ({@code standard}, {@code actual},
     * {@code estimated} or null), its close date when closed, its WIP figures, what the ERP does with its scrap, and
     * the unit of its quantities (null: the part's base unit).
     */
    public record WorkOrder(long recordId, String workOrder, String costingMethod, LocalDate closedOn,
            OrderValuation.OrderFigures figures, String scrapAction, String scrapAccount, String uom) {

        /** An order whose quantities name no unit. */
        public WorkOrder(long recordId, String workOrder, String costingMethod, LocalDate closedOn,
                OrderValuation.OrderFigures figures, String scrapAction, String scrapAccount) {
            this(recordId, workOrder, costingMethod, closedOn, figures, scrapAction, scrapAccount, null);
        }
    }

    /** A plant's currency, and the time zone and fiscal calendar that decide the period of its events. */
    public record Plant(String currency, ZoneId zone, FiscalCalendar calendar) {

        /** A plant that keeps calendar months, the default of the plants table. */
        public Plant(String currency, ZoneId zone) {
            this(currency, zone, FiscalCalendar.CALENDAR);
        }
    }

    public record PartXref(LocalDate effectiveFrom, String part) {
    }

    public record DefectCode(String code, String description, String coqClass) {
    }

    public static String key(String first, String second) {
        return first + '\u0000' + second;
    }

    /** The ERP part a source's part number maps to on {@code date}. */
    public Optional<String> part(String source, String sourcePart, LocalDate date) {
        return partXrefs.getOrDefault(key(source, sourcePart), List.of()).stream()
                .filter(x -> !x.effectiveFrom().isAfter(date)).max(Comparator.comparing(PartXref::effectiveFrom))
                .map(PartXref::part);
    }

    public Optional<DefectCode> defectCode(String source, String sourceCode) {
        return Optional.ofNullable(defectCodeXrefs.get(key(source, sourceCode))).map(defectCodes::get);
    }

    public List<CostRollLine> costRoll(String plant, String part) {
        return costRolls.getOrDefault(key(plant, part), List.of());
    }

    public Optional<Ncr> ncr(String plant, String ncr) {
        return ncr == null ? Optional.empty() : Optional.ofNullable(ncrs.get(key(plant, ncr)));
    }

    public Optional<WorkOrder> workOrder(String plant, String workOrder) {
        return workOrder == null ? Optional.empty() : Optional.ofNullable(workOrders.get(key(plant, workOrder)));
    }

    /** The rework-labor records whose hours belong to the defect record, oldest first. */
    public List<LaborRecord> labor(long defectRecordId) {
        return labor.getOrDefault(defectRecordId, List.of());
    }

    /** Every version of the work center's rate; {@code ""} for the plant's default rate. */
    public List<ReworkValuation.Rate> laborRates(String plant, String workCenter) {
        return laborRates.getOrDefault(key(plant, workCenter), List.of());
    }

    /** The line a work center belongs to, {@code ""} while it is not registered. */
    public String line(String plant, String workCenter) {
        return workCenterLines.getOrDefault(key(plant, workCenter), "");
    }
}
