package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import io.scrapline.platform.api.UnmappedPrompt;

/**
 * What an event parked for want of a defect-code cross-reference is worth: its part maps, so its scrap value at the
 * part's cost roll in force on the event's date (the cost schema's scrap method and rounding, less salvage) tells the
 * people who keep the cross-references how much waits on the code. It is an estimate for their notice, never a cost:
 * the event is booked only once the code maps (its disposition may be rework, say). None for any other exception, nor
 * when the part has no cost roll in force or the event's operation is not in it.
 */
public final class ParkedValue {

    private ParkedValue() {
    }

    public static Optional<BigDecimal> of(Outcome.Uncostable parked, ReferenceData reference, CostSchema schema) {
        if (!UnmappedPrompt.UNMAPPED_DEFECT_CODE.equals(parked.reason())) {
            return Optional.empty();
        }
        DefectRecord record = parked.record();
        ReferenceData.Plant plant = reference.plants().get(record.plant());
        if (plant == null || record.occurredAt() == null) {
            return Optional.empty();
        }
        try {
            LocalDate date = record.occurredAt().atZone(plant.zone()).toLocalDate();
            return reference.part(record.source(), record.sourcePart(), date).flatMap(part -> CostRoll
                    .inForce(reference.costRoll(record.plant(), part), date)
                    .filter(roll -> record.operation() == null || roll.hasOperation(record.operation()))
                    // A quantity in a unit the part has no factor for has no estimate either.
                    .flatMap(roll -> UnitConversion
                            .convert(record.quantity(), record.uom(), UnitConversion.COST_ROLL, roll.uom(),
                                    reference.uomFactors(part))
                            .map(converted -> ScrapValuation.value(schema.scrapMethod(), roll, record.operation(),
                                    converted.quantity(), record.quantity(), record.salvagePerUnit(), plant.currency(),
                                    schema.roundingMode()).amount())));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            // Values costing could not read make no estimate; the exception itself says what is wrong.
            return Optional.empty();
        }
    }
}
