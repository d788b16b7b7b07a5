package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.scrapline.platform.money.Money;

/**
 * {@code scrap cost = quantity × unit value − salvage} (docs/cost-model.md §4), rounded once to the currency's minor
 * unit. Salvage reduces the cost but never makes it negative.
 */
public final class ScrapValuation {

    /** The result, and the arithmetic that produced it, step by step, written out when asked for. */
    public record Valued(BigDecimal unitValue, BigDecimal amount, boolean stageAssumed,
            Supplier<Map<String, Object>> explained) {

        public Map<String, Object> explanation() {
            return explained.get();
        }
    }

    private ScrapValuation() {
    }

    /**
     * @param operation
     *            the operation where the scrap occurred, or null: then full standard cost, stage assumed
     *
     * @throws IllegalArgumentException
     *             if the operation is not in the cost roll
     */
    public static Valued value(ScrapMethod method, CostRoll roll, String operation, BigDecimal quantity,
            BigDecimal salvagePerUnit, String currency, RoundingMode rounding) {
        return value(method, roll, operation, quantity, quantity, salvagePerUnit, currency, rounding);
    }

    /**
     * As {@link #value(ScrapMethod, CostRoll, String, BigDecimal, BigDecimal, String, RoundingMode)}, for a quantity
     * converted into the cost roll's unit: the salvage is per unit of the event's own {@code salvageQuantity}.
     */
    public static Valued value(ScrapMethod method, CostRoll roll, String operation, BigDecimal quantity,
            BigDecimal salvageQuantity, BigDecimal salvagePerUnit, String currency, RoundingMode rounding) {
        boolean stageAssumed = operation == null;
        String through = stageAssumed ? roll.lastOperation() : operation;
        if (!roll.hasOperation(through)) {
            throw new IllegalArgumentException(
                    "operation " + through + " is not in the cost roll effective " + roll.effectiveFrom());
        }
        ScrapMethod applied = stageAssumed ? ScrapMethod.FULL_STANDARD : method;
        BigDecimal unitValue = (switch (applied) {
            case CUMULATIVE_STANDARD -> roll.cumulativeThrough(through);
            case FULL_STANDARD -> roll.fullStandard();
            case MATERIAL_ONLY -> roll.materialThrough(through);
        }).setScale(Money.UNIT_SCALE, RoundingMode.HALF_UP);
        BigDecimal gross = quantity.multiply(unitValue);
        BigDecimal salvage = salvagePerUnit == null ? BigDecimal.ZERO : salvageQuantity.multiply(salvagePerUnit);
        BigDecimal net = gross.subtract(salvage).max(BigDecimal.ZERO);
        BigDecimal amount = Money.round(net, currency, rounding);
        return new Valued(unitValue, amount, stageAssumed, () -> explain(applied, roll, through, stageAssumed, quantity,
                unitValue, gross, salvage, net, amount, currency, rounding));
    }

    private static Map<String, Object> explain(ScrapMethod applied, CostRoll roll, String through, boolean stageAssumed,
            BigDecimal quantity, BigDecimal unitValue, BigDecimal gross, BigDecimal salvage, BigDecimal net,
            BigDecimal amount, String currency, RoundingMode rounding) {
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("method", applied.name().toLowerCase());
        explanation.put("stage_assumed", stageAssumed);
        explanation.put("cost_roll_effective_from", roll.effectiveFrom().toString());
        explanation.put("operation", through);
        List<Map<String, String>> operations = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (CostRollLine line : roll.through(applied == ScrapMethod.FULL_STANDARD ? roll.lastOperation() : through)) {
            running = running.add(applied == ScrapMethod.MATERIAL_ONLY ? line.material() : line.total());
            Map<String, String> step = new LinkedHashMap<>();
            step.put("operation", line.operation());
            step.put("material", line.material().toPlainString());
            step.put("labor", line.labor().toPlainString());
            step.put("overhead", line.overhead().toPlainString());
            step.put("cumulative", running.toPlainString());
            operations.add(step);
        }
        explanation.put("operations", operations);
        explanation.put("unit_value", unitValue.toPlainString());
        explanation.put("quantity", ExplanationFormat.quantity(quantity));
        explanation.put("gross", ExplanationFormat.exact(gross));
        explanation.put("salvage", ExplanationFormat.exact(salvage));
        explanation.put("rounding", rounding.name().toLowerCase());
        explanation.put("amount", amount.toPlainString());
        explanation.put("arithmetic",
                ExplanationFormat.quantity(quantity) + " × " + unitValue.toPlainString()
                        + (salvage.signum() == 0 ? "" : " − " + ExplanationFormat.exact(salvage)) + " = "
                        + ExplanationFormat.exact(net) + " → " + amount.toPlainString() + " " + currency);
        return explanation;
    }
}
