package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.CostingExplanations.dispositionExplained;
import static io.scrapline.costing.domain.CostingExplanations.label;
import static io.scrapline.costing.domain.CostingExplanations.laborRate;
import static io.scrapline.costing.domain.CostingExplanations.matchKey;
import static io.scrapline.costing.domain.CostingExplanations.periodExplained;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.scrapline.platform.money.Money;

/**
 * Maps and values one defect record (docs/cost-model.md §2, §4, §6-§9): part and defect code through the source's
 * cross-references, the disposition applied (the NCR's when it gives one), and its cost: scrap at the cost roll in
 * force on the event's date in the plant's time zone or at the production order's actual or estimated cost, rework from
 * the labor hours joined to the event. Anything missing makes an exception, never a guess.
 */
public final class EventCosting {

    /** The reason of the exception of a record whose time cannot be read or whose values cannot be costed. */
    public static final String UNREADABLE_RECORD = "unreadable_record";

    private static final String UNREADABLE_TIME = "%s is not a time costing can read (infinite, or outside the years 1 "
            + "to 9999); a corrected version of the record is costed";

    /** The dispositions of the contract; an NCR's disposition overrides the event's only when it is one of them. */
    public static final List<String> DISPOSITIONS = List.of("scrap", "rework", "use_as_is", "return_to_vendor",
            "quarantine");

    private final ScrapMethod method;
    private final RoundingMode rounding;
    private final BigDecimal laborBurden;
    private final boolean includeScrapInCompletions;
    private final ScrapVariance.Convention convention;
    private final Object schemaExplanation;
    private final boolean explain;
    private final Map<List<CostRollLine>, Map<LocalDate, CostRoll>> rolls = new IdentityHashMap<>();
    private final Map<CostRoll, List<Map<String, Object>>> rollLines = new IdentityHashMap<>();

    /** Keeps nothing: what is put in an explanation nobody asked for. */
    private static final Map<String, Object> NO_EXPLANATION = new AbstractMap<>() {

        @Override
        public Object put(String key, Object value) {
            return null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    };

    /** Costs with the model's defaults except {@code method} and {@code rounding}, as if no schema were approved. */
    public EventCosting(ScrapMethod method, RoundingMode rounding) {
        this(CostSchema.defaults(method, rounding));
    }

    /** Costs with the schema's settings and names the schema on every event, explaining each. */
    public EventCosting(CostSchema schema) {
        this(schema, true);
    }

    /**
     * Costs with the schema's settings; with {@code explain} false, the events' explanations are left empty: costing
     * stores the inputs, and explaining an event replays them (a chunk's explanations would only be garbage to
     * collect).
     */
    public EventCosting(CostSchema schema, boolean explain) {
        this.explain = explain;
        this.method = schema.scrapMethod();
        this.rounding = schema.roundingMode();
        this.laborBurden = schema.laborBurden();
        this.includeScrapInCompletions = schema.includeScrapInCompletions();
        this.convention = ScrapVariance.Convention.of(schema.plannedScrapConvention());
        this.schemaExplanation = schema.explanation();
    }

    /**
     * Costs the record, or parks it as an exception: one whose time cannot be read (stored as {@code infinity} or
     * outside the years 1 to 9999) or whose values cannot be costed waits for a corrected version of the record,
     * instead of failing the chunk it is in again and again. Its exception is in the plant's current period.
     */
    public Outcome cost(DefectRecord record, ReferenceData reference) {
        if (record.occurredAt() == null) {
            return new Outcome.Uncostable(record, currentPeriod(record.plant(), reference), UNREADABLE_RECORD,
                    label(record) + ": " + UNREADABLE_TIME.formatted("occurred_at"));
        }
        try {
            return costReadable(record, reference);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return new Outcome.Uncostable(record, currentPeriod(record.plant(), reference), UNREADABLE_RECORD,
                    label(record) + ": its values cannot be costed (" + e.getMessage() + ")");
        }
    }

    private Outcome costReadable(DefectRecord record, ReferenceData reference) {
        ReferenceData.Plant plant = reference.plants().get(record.plant());
        LocalDate date = record.occurredAt().atZone(plant.zone()).toLocalDate();
        Optional<ReferenceData.WorkOrder> order = reference.workOrder(record.plant(), record.workOrder());
        // The period contains the work order's close date when known, else the event's date (docs/cost-model.md §9).
        LocalDate closedOn = order.map(ReferenceData.WorkOrder::closedOn).orElse(null);
        String period = plant.calendar().period(closedOn == null ? date : closedOn);
        // Late events and corrections of a closed period land in the open period; the event keeps its own period.
        String booked = reference.bookingPeriod(record.plant(), period);

        Optional<String> part = reference.part(record.source(), record.sourcePart(), date);
        if (part.isEmpty()) {
            return new Outcome.Uncostable(record, booked, "unmapped_part",
                    "no part cross-reference for " + record.source() + " part " + record.sourcePart() + " on " + date);
        }
        Optional<ReferenceData.DefectCode> code = reference.defectCode(record.source(), record.sourceDefectCode());
        if (code.isEmpty()) {
            return new Outcome.Uncostable(record, booked, "unmapped_defect_code", "no defect-code cross-reference "
                    + "to a catalogued code for " + record.source() + " code " + record.sourceDefectCode());
        }
        String coqClass = record.customerReturn() ? "external_failure" : code.get().coqClass();
        Optional<ReferenceData.Ncr> ncr = reference.ncr(record.plant(), record.ncr());
        String disposition = ncr.map(ReferenceData.Ncr::disposition).filter(DISPOSITIONS::contains)
                .orElse(record.disposition());

        Map<String, Object> explanation = explanation();
        // Built only when asked for: re-costing a month values a million events and keeps none of it.
        if (explain) {
            explanation.put("schema", schemaExplanation);
            explanation.put("record",
                    Map.of("source", record.source(), "source_id", record.sourceId(), "version", record.version()));
            explanation.put("part", Map.of("source_part", record.sourcePart(), "part", part.get()));
            explanation.put("defect_code", Map.of("source_code", record.sourceDefectCode(), "defect_code",
                    code.get().code(), "coq_class", coqClass, "customer_return", record.customerReturn()));
            Map<String, Object> periodExplained = new LinkedHashMap<>();
            periodExplained.put("event_date", date.toString());
            if (closedOn != null) {
                periodExplained.put("work_order_closed_on", closedOn.toString());
            }
            periodExplained.put("time_zone", plant.zone().getId());
            periodExplained.put("fiscal_calendar", plant.calendar().setting());
            periodExplained.put("period", period);
            if (!booked.equals(period)) {
                periodExplained.put("booked_in", booked);
                periodExplained.put("reason", "period " + period + " of plant " + record.plant()
                        + " is closed: a late event is booked in the first open period after it");
            }
            explanation.put("period", periodExplained);
            explanation.put("disposition", dispositionExplained(record, ncr, disposition));
        }

        Long ncrRecordId = ncr.map(ReferenceData.Ncr::recordId).orElse(null);
        Long orderRecordId = order.map(ReferenceData.WorkOrder::recordId).orElse(null);
        String scrapAction = order.map(ReferenceData.WorkOrder::scrapAction).orElse(null);
        String scrapAccount = order.map(ReferenceData.WorkOrder::scrapAccount).orElse(null);
        BigDecimal zero = Money.round(BigDecimal.ZERO, plant.currency(), rounding);
        BigDecimal zeroUnit = BigDecimal.ZERO.setScale(Money.UNIT_SCALE);

        if (disposition.equals("use_as_is")) {
            explanation.put("valuation", "used as is: counted, no cost");
            return new Outcome.Costed(record, booked, period, part.get(), code.get().code(), coqClass, disposition,
                    zeroUnit, zero, zero, zero, plant.currency(), new Outcome.Provenance(ncrRecordId,
                            record.workOrder(), orderRecordId, scrapAction, scrapAccount, null, null, null, List.of()),
                    explanation);
        }
        if (disposition.equals("rework")) {
            return rework(record, reference, plant, booked, period, part.get(), code.get().code(), coqClass,
                    explanation, new Outcome.Provenance(ncrRecordId, record.workOrder(), orderRecordId, scrapAction,
                            scrapAccount, null, null, null, List.of()));
        }

        ScrapValue valued = order
                .filter(o -> "actual".equals(o.costingMethod()) || "estimated".equals(o.costingMethod()))
                .map(o -> orderValue(record, o, reference.uomFactors(part.get()), part.get(), plant.currency()))
                .orElseGet(() -> standardValue(record, reference, part.get(), date, plant.currency()));
        if (valued.reason() != null) {
            return new Outcome.Uncostable(record, booked, valued.reason(), valued.detail());
        }
        explanation.put("valuation", valued.explanation());
        Outcome.Provenance provenance = new Outcome.Provenance(ncrRecordId, record.workOrder(), orderRecordId,
                scrapAction, scrapAccount, valued.costRollEffectiveFrom(), valued.costRollLines(), null, List.of(),
                valued.uomConversion());
        return switch (disposition) {
            case "return_to_vendor" -> {
                // The contract carries no recovery figure, so the supplier is expected to make good the full scrap
                // cost; the cost stays a scrap cost until the recovery is booked.
                explanation.put("recoverable", Map.of("amount", valued.amount().toPlainString(), "basis",
                        "the full scrap cost: the supplier is expected to make good the returned parts"));
                yield new Outcome.Costed(record, booked, period, part.get(), code.get().code(), coqClass, disposition,
                        valued.unitValue(), valued.amount(), valued.amount(), zero, plant.currency(), provenance,
                        explanation);
            }
            case "quarantine" -> {
                explanation.put("exposure", Map.of("amount", valued.amount().toPlainString(), "basis",
                        "the scrap value at risk; no cost until a final disposition arrives"));
                yield new Outcome.Costed(record, booked, period, part.get(), code.get().code(), coqClass, disposition,
                        valued.unitValue(), zero, zero, valued.amount(), plant.currency(), provenance, explanation);
            }
            default -> new Outcome.Costed(record, booked, period, part.get(), code.get().code(), coqClass, disposition,
                    valued.unitValue(), valued.amount(), zero, zero, plant.currency(), provenance, explanation);
        };
    }

    /**
     * Rework hours that no defect record covers, costed against the work center as rework without a defect record:
     * internal failure, since rework is by definition found before the part left the plant.
     */
    public LaborOutcome costUnmatched(LaborRecord record, ReferenceData reference) {
        if (record.performedAt() == null) {
            return new LaborOutcome.Uncostable(record, currentPeriod(record.plant(), reference),
                    reference.line(record.plant(), record.workCenter()), UNREADABLE_RECORD,
                    label(record) + ": " + UNREADABLE_TIME.formatted("performed_at"));
        }
        try {
            return costUnmatchedReadable(record, reference);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return new LaborOutcome.Uncostable(record, currentPeriod(record.plant(), reference),
                    reference.line(record.plant(), record.workCenter()), UNREADABLE_RECORD,
                    label(record) + ": its values cannot be costed (" + e.getMessage() + ")");
        }
    }

    private LaborOutcome costUnmatchedReadable(LaborRecord record, ReferenceData reference) {
        ReferenceData.Plant plant = reference.plants().get(record.plant());
        LocalDate date = record.performedAt().atZone(plant.zone()).toLocalDate();
        String eventPeriod = plant.calendar().period(date);
        String period = reference.bookingPeriod(record.plant(), eventPeriod);
        String line = reference.line(record.plant(), record.workCenter());
        ReworkValuation.Result result = ReworkValuation.value(
                new ReworkValuation.Rework(record.hours(), date, record.rate(), record.material()),
                reference.laborRates(record.plant(), record.workCenter()), reference.laborRates(record.plant(), ""),
                laborBurden, plant.currency(), rounding);
        if (result instanceof ReworkValuation.NoLaborRate none) {
            return new LaborOutcome.Uncostable(record, period, line, none.reason(),
                    label(record) + ": " + none.detail());
        }
        ReworkValuation.Valued valued = (ReworkValuation.Valued) result;
        Map<String, Object> explanation = explanation();
        explanation.put("schema", schemaExplanation);
        explanation.put("record", Map.of("type", "rework-labor", "source", record.source(), "source_id",
                record.sourceId(), "version", record.version()));
        explanation.put("rework_without_defect_record", "no defect record matches the labor record's "
                + matchKey(record) + "; costed against work center " + record.workCenter());
        explanation.put("period", periodExplained(date, plant, eventPeriod, period));
        explanation.put("valuation", valued.explanation());
        Outcome.Provenance provenance = new Outcome.Provenance(null, record.workOrder(), null, null, null, null, null,
                List.of(laborRate(record, valued.explanation())), List.of(record.recordId()));
        return new LaborOutcome.Costed(record, period, line, valued.amount(), plant.currency(), provenance,
                explanation);
    }

    /**
     * Splits a confirmation's scrap into planned and unplanned and values the variance (docs/cost-model.md §5) at the
     * cost roll of the part in force on the confirmation's date, with the planned rate of the confirmed operation and
     * the schema's planned-scrap convention. Without that cost roll or operation it waits, like an exception.
     */
    public VarianceOutcome costConfirmation(ConfirmationRecord record, ReferenceData reference) {
        if (record.confirmedAt() == null) {
            return new VarianceOutcome.Unvalued(record, currentPeriod(record.plant(), reference), UNREADABLE_RECORD,
                    UNREADABLE_TIME.formatted("confirmed_at"));
        }
        try {
            return costConfirmationReadable(record, reference);
        } catch (DateTimeException | ArithmeticException e) {
            return new VarianceOutcome.Unvalued(record, currentPeriod(record.plant(), reference), UNREADABLE_RECORD,
                    "its values cannot be costed (" + e.getMessage() + ")");
        }
    }

    /**
     * The period an exception of a record that cannot be read is shown in: the plant's current one (or the first open
     * one after it), as the record's own cannot be known.
     */
    private static String currentPeriod(String plant, ReferenceData reference) {
        ReferenceData.Plant found = reference.plants().get(plant);
        if (found == null) {
            return YearMonth.now(ZoneOffset.UTC).toString();
        }
        return reference.bookingPeriod(plant, found.calendar().period(LocalDate.now(found.zone())));
    }

    private VarianceOutcome costConfirmationReadable(ConfirmationRecord record, ReferenceData reference) {
        ReferenceData.Plant plant = reference.plants().get(record.plant());
        LocalDate date = record.confirmedAt().atZone(plant.zone()).toLocalDate();
        String confirmedPeriod = plant.calendar().period(date);
        String period = reference.bookingPeriod(record.plant(), confirmedPeriod);
        Optional<CostRoll> roll = CostRoll.inForce(reference.costRoll(record.plant(), record.part()), date);
        if (roll.isEmpty()) {
            return new VarianceOutcome.Unvalued(record, period, "no_standard_cost", "no standard cost of part "
                    + record.part() + " in plant " + record.plant() + " in force on " + date);
        }
        if (!roll.get().hasOperation(record.operation())) {
            return new VarianceOutcome.Unvalued(record, period, "unknown_operation", "operation " + record.operation()
                    + " is not in the cost roll of part " + record.part() + " effective " + roll.get().effectiveFrom());
        }
        // Yield and scrap are in the confirmation's unit: both are converted into the cost roll's, or it waits.
        List<UnitConversion.Factor> factors = reference.uomFactors(record.part());
        Optional<UnitConversion.Converted> scrap = UnitConversion.convert(record.scrapQuantity(), record.uom(),
                UnitConversion.COST_ROLL, roll.get().uom(), factors);
        Optional<UnitConversion.Converted> yield = UnitConversion.convert(record.yieldQuantity(), record.uom(),
                UnitConversion.COST_ROLL, roll.get().uom(), factors);
        if (scrap.isEmpty() || yield.isEmpty()) {
            return new VarianceOutcome.Unvalued(record, period, UnitConversion.NO_UOM_FACTOR,
                    UnitConversion.missing(record.part(), record.uom(), UnitConversion.COST_ROLL, roll.get().uom()));
        }
        List<CostRollLine> through = roll.get().through(record.operation());
        BigDecimal plannedRate = through.get(through.size() - 1).plannedScrapRate();
        try {
            ScrapVariance.Result result = ScrapVariance.value(
                    new ScrapVariance.Confirmation(record.operation(), yield.get().quantity(), scrap.get().quantity()),
                    plannedRate, convention, roll.get(), plant.currency(), rounding);
            Map<String, Object> explanation = new LinkedHashMap<>();
            explanation.put("schema", schemaExplanation);
            explanation.put("record", Map.of("type", "confirmation", "source", record.source(), "source_id",
                    record.sourceId(), "version", record.version()));
            explanation.put("period", periodExplained(date, plant, confirmedPeriod, period));
            explanation.put("cost_roll_records",
                    roll.get().lines().stream().map(CostingExplanations::costRollLine).toList());
            if (scrap.get().explanation() != null) {
                explanation.put("unit", Map.of("scrap", scrap.get().explanation(), "yield", yield.get().explanation()));
            }
            explanation.put("variance", result.explanation());
            return new VarianceOutcome.Valued(record, period, result, plant.currency(), explanation);
        } catch (IllegalArgumentException e) {
            return new VarianceOutcome.Unvalued(record, period, "invalid_confirmation", e.getMessage());
        }
    }

    private Outcome rework(DefectRecord record, ReferenceData reference, ReferenceData.Plant plant, String booked,
            String period, String part, String defectCode, String coqClass, Map<String, Object> explanation,
            Outcome.Provenance base) {
        List<LaborRecord> labor = reference.labor(record.recordId());
        if (labor.isEmpty()) {
            return new Outcome.Uncostable(record, booked, "no_rework_labor", "rework is costed from the "
                    + "rework-labor hours booked against it; none are linked to this event yet");
        }
        List<ReworkValuation.Booking> bookings = labor.stream()
                .map(l -> new ReworkValuation.Booking(
                        label(l), new ReworkValuation.Rework(l.hours(),
                                l.performedAt().atZone(plant.zone()).toLocalDate(), l.rate(), l.material()),
                        reference.laborRates(l.plant(), l.workCenter())))
                .toList();
        ReworkValuation.Result result = ReworkValuation.valueAll(bookings, reference.laborRates(record.plant(), ""),
                laborBurden, plant.currency(), rounding);
        if (result instanceof ReworkValuation.NoLaborRate none) {
            return new Outcome.Uncostable(record, booked, none.reason(), none.detail());
        }
        ReworkValuation.ValuedBookings valued = (ReworkValuation.ValuedBookings) result;
        Map<String, Object> valuation = new LinkedHashMap<>();
        valuation.put("method", "rework: hours × labor rate × (1 + labor burden) + additional material");
        valuation.putAll(valued.explanation());
        explanation.put("valuation", valuation);
        List<Map<String, Object>> rates = new ArrayList<>();
        for (int i = 0; i < labor.size(); i++) {
            rates.add(laborRate(labor.get(i), valued.lines().get(i)));
        }
        BigDecimal unitValue = record.quantity().signum() == 0 ? BigDecimal.ZERO.setScale(Money.UNIT_SCALE)
                : valued.amount().divide(record.quantity(), Money.UNIT_SCALE, RoundingMode.HALF_UP);
        BigDecimal zero = Money.round(BigDecimal.ZERO, plant.currency(), rounding);
        return new Outcome.Costed(record, booked, period, part, defectCode, coqClass, "rework", unitValue,
                valued.amount(), zero, zero, plant.currency(),
                new Outcome.Provenance(base.ncrRecordId(), base.workOrder(), base.workOrderRecordId(),
                        base.scrapAction(), base.scrapAccount(), null, null, rates,
                        labor.stream().map(LaborRecord::recordId).toList()),
                explanation);
    }

    /**
     * A scrap value, or the reason there is none: {@code reason} is null when valued. {@code uomConversion} is the
     * part's factor the quantity was converted with, null when it was not.
     */
    private record ScrapValue(BigDecimal unitValue, BigDecimal amount, Map<String, Object> explanation,
            LocalDate costRollEffectiveFrom, List<Map<String, Object>> costRollLines, String reason, String detail,
            UnitConversion.Factor uomConversion) {

        static ScrapValue missing(String reason, String detail) {
            return new ScrapValue(null, null, null, null, null, reason, detail, null);
        }
    }

    /**
     * The part's cost roll in force on {@code date}, built once per version for all the events that use it (the
     * versions are the same list for every event of the part).
     */
    private Optional<CostRoll> inForce(List<CostRollLine> versions, LocalDate date) {
        return versions.stream().map(CostRollLine::effectiveFrom).filter(from -> !from.isAfter(date))
                .max(Comparator.naturalOrder()).map(from -> rolls.computeIfAbsent(versions, v -> new HashMap<>())
                        .computeIfAbsent(from, f -> CostRoll.inForce(versions, f).orElseThrow()));
    }

    /** A map to build an explanation in, or one that keeps nothing when explanations are not asked for. */
    private Map<String, Object> explanation() {
        return explain ? new LinkedHashMap<>() : NO_EXPLANATION;
    }

    private ScrapValue standardValue(DefectRecord record, ReferenceData reference, String part, LocalDate date,
            String currency) {
        Optional<CostRoll> roll = inForce(reference.costRoll(record.plant(), part), date);
        if (roll.isEmpty()) {
            return ScrapValue.missing("no_standard_cost",
                    "no standard cost of part " + part + " in plant " + record.plant() + " in force on " + date);
        }
        if (record.operation() != null && !roll.get().hasOperation(record.operation())) {
            return ScrapValue.missing("unknown_operation", "operation " + record.operation()
                    + " is not in the cost roll of part " + part + " effective " + roll.get().effectiveFrom());
        }
        // Never valued as if the units matched: a quantity in another unit than the cost roll's is converted first.
        Optional<UnitConversion.Converted> converted = UnitConversion.convert(record.quantity(), record.uom(),
                UnitConversion.COST_ROLL, roll.get().uom(), reference.uomFactors(part));
        if (converted.isEmpty()) {
            return ScrapValue.missing(UnitConversion.NO_UOM_FACTOR,
                    UnitConversion.missing(part, record.uom(), UnitConversion.COST_ROLL, roll.get().uom()));
        }
        // Salvage is per unit of the record's own quantity.
        ScrapValuation.Valued valued = ScrapValuation.value(method, roll.get(), record.operation(),
                converted.get().quantity(), record.quantity(), record.salvagePerUnit(), currency, rounding);
        List<Map<String, Object>> lines = rollLines.computeIfAbsent(roll.get(),
                r -> r.lines().stream().map(CostingExplanations::costRollLine).toList());
        Map<String, Object> explanation = explanation();
        if (explain) {
            Map<String, Object> unit = converted.get().explanation();
            if (unit != null) {
                explanation.put("unit", unit);
            }
            explanation.putAll(valued.explanation());
        }
        explanation.put("cost_roll_records", lines);
        return new ScrapValue(valued.unitValue(), valued.amount(), explanation, roll.get().effectiveFrom(), lines, null,
                null, converted.get().given());
    }

    private ScrapValue orderValue(DefectRecord record, ReferenceData.WorkOrder order,
            List<UnitConversion.Factor> factors, String part, String currency) {
        OrderValuation.Basis basis = OrderValuation.Basis.valueOf(order.costingMethod().toUpperCase());
        OrderValuation.ScrapAction action = order.scrapAction() == null ? null
                : OrderValuation.ScrapAction.valueOf(order.scrapAction().toUpperCase());
        // The order's quantities are in its own unit: the scrap is converted into it first.
        Optional<UnitConversion.Converted> converted = UnitConversion.convert(record.quantity(), record.uom(),
                UnitConversion.WORK_ORDER, order.uom(), factors);
        if (converted.isEmpty()) {
            return ScrapValue.missing(UnitConversion.NO_UOM_FACTOR,
                    UnitConversion.missing(part, record.uom(), UnitConversion.WORK_ORDER, order.uom()));
        }
        try {
            OrderValuation.Valued valued = OrderValuation.value(basis, order.figures(), includeScrapInCompletions,
                    new OrderValuation.Scrap(converted.get().quantity(), record.quantity(), record.salvagePerUnit(),
                            action, order.scrapAccount()),
                    currency, rounding);
            Map<String, Object> explanation = new LinkedHashMap<>();
            explanation.put("method", "order_" + CostSchema.name(basis));
            explanation.put("work_order", Map.of("work_order", order.workOrder(), "record_id", order.recordId()));
            Map<String, Object> unit = converted.get().explanation();
            if (unit != null) {
                explanation.put("unit", unit);
            }
            explanation.putAll(valued.explanation());
            return new ScrapValue(valued.unitValue(), valued.amount(), explanation, null, null, null, null,
                    converted.get().given());
        } catch (IllegalArgumentException e) {
            return ScrapValue.missing("no_order_value", "work order " + order.workOrder() + ": " + e.getMessage());
        }
    }
}
