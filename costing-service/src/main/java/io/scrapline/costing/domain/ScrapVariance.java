package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.ExplanationFormat.exact;
import static io.scrapline.costing.domain.ExplanationFormat.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scrapline.platform.money.Money;

/**
 * Planned and unplanned scrap of one operation confirmation and the value of the scrap variance (docs/cost-model.md
 * §5).
 * <p>
 * The variance is valued at {@code C(k)} of the confirmed operation: the cost roll's costs already exclude planned
 * scrap, so the net target cost per unit is exactly what an unplanned unit more (or less) costs. Scrap confirmed at a
 * milestone covers the operations since the previous milestone; {@code C(milestone)} is the cumulative cost through the
 * milestone, so it already carries those operations and no separate apportioning is needed. The operations it covers
 * are listed in the explanation so that reports can show them.
 * <p>
 * Of the confirmed scrap, the part up to the target is planned and the rest unplanned, so planned + unplanned is always
 * the confirmed scrap; the variance (confirmed − target) is negative, favorable, when less was scrapped than planned.
 * The value is rounded once, to the currency's minor unit, and keeps its sign.
 */
public final class ScrapVariance {

    /** Whether the planned rate is a share of what entered the operation or of its yield (cost schema setting). */
    public enum Convention {
        /** {@code target = yield × r / (1 − r)}: the planned share of the input. The model's default. */
        OF_INPUT,
        /** {@code target = yield × r}. */
        OF_YIELD;

        /** The convention named by the cost schema's {@code planned_scrap_convention}; null means the default. */
        public static Convention of(String setting) {
            if (setting == null) {
                return OF_INPUT;
            }
            return switch (setting) {
                case "of_input" -> OF_INPUT;
                case "of_yield" -> OF_YIELD;
                default -> throw new IllegalArgumentException("unknown planned scrap convention " + setting);
            };
        }
    }

    /** What an operation confirmation reports: the good units that left the operation and the units scrapped there. */
    public record Confirmation(String operation, BigDecimal yieldQuantity, BigDecimal scrapQuantity) {
    }

    /**
     * The split of the confirmed scrap and the value of its variance, with the arithmetic that produced them.
     *
     * @param targetQuantity
     *            the scrap planned for this yield, at {@link Money#UNIT_SCALE} places; zero without a planned rate
     */
    public record Result(BigDecimal targetQuantity, BigDecimal plannedQuantity, BigDecimal unplannedQuantity,
            BigDecimal varianceQuantity, BigDecimal unitValue, BigDecimal value, boolean milestone,
            Map<String, Object> explanation) {
    }

    private ScrapVariance() {
    }

    /**
     * @param plannedRate
     *            the operation's planned scrap rate {@code r}, a fraction in {@code [0, 1)}, or null when none is
     *            planned: then all confirmed scrap is unplanned
     *
     * @throws IllegalArgumentException
     *             if the operation is not in the cost roll, a quantity is negative or the rate is outside
     *             {@code [0, 1)}
     */
    public static Result value(Confirmation confirmation, BigDecimal plannedRate, Convention convention, CostRoll roll,
            String currency, RoundingMode rounding) {
        String operation = confirmation.operation();
        if (!roll.hasOperation(operation)) {
            throw new IllegalArgumentException(
                    "operation " + operation + " is not in the cost roll effective " + roll.effectiveFrom());
        }
        BigDecimal yield = confirmation.yieldQuantity();
        BigDecimal scrap = confirmation.scrapQuantity();
        if (yield.signum() < 0 || scrap.signum() < 0) {
            throw new IllegalArgumentException("confirmation at operation " + operation
                    + " has a negative quantity: yield " + yield.toPlainString() + ", scrap " + scrap.toPlainString());
        }
        if (plannedRate != null && (plannedRate.signum() < 0 || plannedRate.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("planned scrap rate " + plannedRate.toPlainString() + " at operation "
                    + operation + " is not a fraction in [0, 1)");
        }

        BigDecimal target;
        String targetArithmetic;
        if (plannedRate == null) {
            target = BigDecimal.ZERO.setScale(Money.UNIT_SCALE);
            targetArithmetic = "no planned rate: all confirmed scrap is unplanned";
        } else if (convention == Convention.OF_INPUT) {
            target = yield.multiply(plannedRate).divide(BigDecimal.ONE.subtract(plannedRate), Money.UNIT_SCALE,
                    RoundingMode.HALF_UP);
            targetArithmetic = quantity(yield) + " × " + plannedRate.toPlainString() + " / (1 − "
                    + plannedRate.toPlainString() + ") = " + exact(target);
        } else {
            target = yield.multiply(plannedRate).setScale(Money.UNIT_SCALE, RoundingMode.HALF_UP);
            targetArithmetic = quantity(yield) + " × " + plannedRate.toPlainString() + " = " + exact(target);
        }
        BigDecimal planned = scrap.min(target);
        BigDecimal unplanned = scrap.subtract(target).max(BigDecimal.ZERO);
        BigDecimal variance = scrap.subtract(target);

        List<CostRollLine> through = roll.through(operation);
        boolean milestone = through.get(through.size() - 1).milestone();
        BigDecimal unitValue = roll.cumulativeThrough(operation).setScale(Money.UNIT_SCALE, RoundingMode.HALF_UP);
        BigDecimal exactValue = variance.multiply(unitValue);
        BigDecimal value = Money.round(exactValue, currency, rounding);

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("cost_roll_effective_from", roll.effectiveFrom().toString());
        explanation.put("operation", operation);
        explanation.put("milestone", milestone);
        explanation.put("covers_operations", covered(through, milestone));
        explanation.put("yield", quantity(yield));
        explanation.put("confirmed_scrap", quantity(scrap));
        explanation.put("planned_rate", plannedRate == null ? "none" : plannedRate.toPlainString());
        explanation.put("convention", plannedRate == null ? "none" : convention.name().toLowerCase());
        explanation.put("target", targetArithmetic);
        explanation.put("planned", quantity(planned));
        explanation.put("unplanned", quantity(unplanned));
        explanation.put("variance", quantity(scrap) + " − " + exact(target) + " = " + quantity(variance)
                + (variance.signum() < 0 ? " (favorable)" : ""));
        explanation.put("unit_value", unitValue.toPlainString());
        explanation.put("rounding", rounding.name().toLowerCase());
        explanation.put("value", value.toPlainString());
        explanation.put("arithmetic", quantity(variance) + " × " + unitValue.toPlainString() + " = " + exact(exactValue)
                + " → " + value.toPlainString() + " " + currency);
        return new Result(target, planned, unplanned, variance, unitValue, value, milestone, explanation);
    }

    /** The operations the confirmed scrap stands for: back to the previous milestone for a milestone, else itself. */
    private static List<String> covered(List<CostRollLine> through, boolean milestone) {
        int last = through.size() - 1;
        int first = last;
        while (milestone && first > 0 && !through.get(first - 1).milestone()) {
            first--;
        }
        return through.subList(first, last + 1).stream().map(CostRollLine::operation).toList();
    }
}
