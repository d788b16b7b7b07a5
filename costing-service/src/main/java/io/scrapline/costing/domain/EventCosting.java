package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.scrapline.platform.money.Money;

/**
 * Maps and values one defect record (cost-model.md §2, §4, §8): part and defect code through the source's
 * cross-references, the cost roll in force on the event's date in the plant's time zone, the disposition's cost type
 * and the cost-of-quality class. Anything missing makes an exception, never a guess.
 */
public final class EventCosting {

    private final ScrapMethod method;
    private final RoundingMode rounding;
    private final Object schemaExplanation;

    /** Costs with the model's defaults except {@code method} and {@code rounding}, as if no schema were approved. */
    public EventCosting(ScrapMethod method, RoundingMode rounding) {
        this(CostSchema.defaults(method, rounding));
    }

    /** Costs with the schema's method and rounding and names the schema on every event. */
    public EventCosting(CostSchema schema) {
        this.method = schema.scrapMethod();
        this.rounding = schema.roundingMode();
        this.schemaExplanation = schema.explanation();
    }

    public Outcome cost(DefectRecord record, ReferenceData reference) {
        ReferenceData.Plant plant = reference.plants().get(record.plant());
        LocalDate date = record.occurredAt().atZone(plant.zone()).toLocalDate();
        // The event's date only: no work order close date reaches costing yet (cost-model.md §9 prefers it when known).
        String period = plant.calendar().period(date);

        Optional<String> part = reference.part(record.source(), record.sourcePart(), date);
        if (part.isEmpty()) {
            return new Outcome.Uncostable(record, period, "unmapped_part",
                    "no part cross-reference for " + record.source() + " part " + record.sourcePart() + " on " + date);
        }
        Optional<ReferenceData.DefectCode> code = reference.defectCode(record.source(), record.sourceDefectCode());
        if (code.isEmpty()) {
            return new Outcome.Uncostable(record, period, "unmapped_defect_code", "no defect-code cross-reference "
                    + "to a catalogued code for " + record.source() + " code " + record.sourceDefectCode());
        }
        String coqClass = record.customerReturn() ? "external_failure" : code.get().coqClass();

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("schema", schemaExplanation);
        explanation.put("record",
                Map.of("source", record.source(), "source_id", record.sourceId(), "version", record.version()));
        explanation.put("part", Map.of("source_part", record.sourcePart(), "part", part.get()));
        explanation.put("defect_code", Map.of("source_code", record.sourceDefectCode(), "defect_code",
                code.get().code(), "coq_class", coqClass, "customer_return", record.customerReturn()));
        explanation.put("period", Map.of("event_date", date.toString(), "time_zone", plant.zone().getId(),
                "fiscal_calendar", plant.calendar().setting(), "period", period));

        switch (record.disposition()) {
            case "use_as_is", "quarantine" -> {
                explanation.put("disposition", record.disposition().equals("use_as_is") ? "used as is: counted, no cost"
                        : "quarantined: no cost until a final disposition arrives");
                return new Outcome.Costed(record, period, part.get(), code.get().code(), coqClass, record.disposition(),
                        BigDecimal.ZERO.setScale(Money.UNIT_SCALE),
                        Money.round(BigDecimal.ZERO, plant.currency(), rounding), plant.currency(), explanation);
            }
            case "rework" -> {
                return new Outcome.Uncostable(record, period, "no_rework_labor", "rework is costed from the "
                        + "rework-labor hours booked against it; none are linked to this event yet");
            }
            default -> {
                Optional<CostRoll> roll = CostRoll.inForce(reference.costRoll(record.plant(), part.get()), date);
                if (roll.isEmpty()) {
                    return new Outcome.Uncostable(record, period, "no_standard_cost", "no standard cost of part "
                            + part.get() + " in plant " + record.plant() + " in force on " + date);
                }
                if (record.operation() != null && !roll.get().hasOperation(record.operation())) {
                    return new Outcome.Uncostable(record, period, "unknown_operation",
                            "operation " + record.operation() + " is not in the cost roll of part " + part.get()
                                    + " effective " + roll.get().effectiveFrom());
                }
                ScrapValuation.Valued valued = ScrapValuation.value(method, roll.get(), record.operation(),
                        record.quantity(), record.salvagePerUnit(), plant.currency(), rounding);
                explanation.put("valuation", valued.explanation());
                return new Outcome.Costed(record, period, part.get(), code.get().code(), coqClass, record.disposition(),
                        valued.unitValue(), valued.amount(), plant.currency(), explanation);
            }
        }
    }
}
