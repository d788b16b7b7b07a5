package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.ExplanationFormat.exact;
import static io.scrapline.costing.domain.ExplanationFormat.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.scrapline.platform.money.Money;

/**
 * Scrap valued at the production order's own actual or estimated cost (docs/cost-model.md §6), for ERPs that cost
 * orders that way rather than at a standard cost roll: {@code scrap cost = quantity × unit value − salvage}, rounded
 * once.
 * <p>
 * The unit value comes from the order's WIP figures. A zero or negative divisor has no meaningful unit value, so it is
 * refused with an {@link IllegalArgumentException} that the caller turns into an exception record rather than a guess.
 * The scrap action and account ride along in the explanation so that controllers can reconcile the costed event with
 * what the ERP posted to the general ledger.
 */
public final class OrderValuation {

    /** How the ERP costs the order. {@code STANDARD} orders in these ERPs are valued like {@code ESTIMATED}. */
    public enum Basis {
        ACTUAL, ESTIMATED, STANDARD
    }

    /** What the ERP does with the scrap of the operation. */
    public enum ScrapAction {
        /** Absorbed into the cost of the good units: still reported, flagged as hidden in product cost. */
        NO_ACTION,
        /** Posted to the scrap expense account of the reason code. */
        WRITE_OFF,
        /** Moved to a quarantine inventory account. */
        QUARANTINE
    }

    /**
     * The order's WIP figures in plant currency and its quantities. {@code estimatedWipRemaining} and
     * {@code remainingQuantity} are needed for the estimated and standard bases only; absent posted scrap cost or cost
     * moved to inventory count as zero, since an order that has posted none has none.
     */
    public record OrderFigures(BigDecimal wipTotal, BigDecimal estimatedWipRemaining, BigDecimal scrapCostPosted,
            BigDecimal movedToInventory, BigDecimal completedQuantity, BigDecimal scrappedQuantity,
            BigDecimal remainingQuantity) {
    }

    /**
     * The scrap being valued: how many units (of the order's unit), the salvage per unit (or null) of the event's own
     * {@code salvageQuantity} (the same unless its quantity was converted into the order's unit), the ERP's action and
     * the account it posts to (null when there is none, as with {@link ScrapAction#NO_ACTION}); the action is null when
     * the order does not give one.
     */
    public record Scrap(BigDecimal quantity, BigDecimal salvageQuantity, BigDecimal salvagePerUnit, ScrapAction action,
            String account) {

        /** Scrap in the order's own unit. */
        public Scrap(BigDecimal quantity, BigDecimal salvagePerUnit, ScrapAction action, String account) {
            this(quantity, quantity, salvagePerUnit, action, account);
        }
    }

    /** The result with the arithmetic that produced it, step by step. */
    public record Valued(BigDecimal unitValue, BigDecimal amount, ScrapAction action, String account,
            boolean hiddenInProductCost, Map<String, Object> explanation) {
    }

    private OrderValuation() {
    }

    /**
     * @param includeScrapInCompletions
     *            the tenant's setting: when on, the ERP already counts scrapped units among the completions, so they
     *            are left out of the actual divisor rather than counted twice
     *
     * @throws IllegalArgumentException
     *             if the divisor is zero or negative, or a figure the basis needs is missing
     */
    public static Valued value(Basis basis, OrderFigures order, boolean includeScrapInCompletions, Scrap scrap,
            String currency, RoundingMode rounding) {
        BigDecimal wip = required(order.wipTotal(), "WIP total");
        BigDecimal scrapPosted = orZero(order.scrapCostPosted());
        BigDecimal moved = orZero(order.movedToInventory());

        BigDecimal numerator;
        BigDecimal divisor;
        String numeratorArithmetic;
        String divisorArithmetic;
        if (basis == Basis.ACTUAL) {
            BigDecimal completed = required(order.completedQuantity(), "completed quantity");
            numerator = wip.subtract(scrapPosted).subtract(moved);
            numeratorArithmetic = "(" + wip.toPlainString() + " − " + scrapPosted.toPlainString() + " − "
                    + moved.toPlainString() + ")";
            if (includeScrapInCompletions) {
                divisor = completed;
                divisorArithmetic = quantity(completed) + " (scrap included in completions)";
            } else {
                BigDecimal scrapped = orZero(order.scrappedQuantity());
                divisor = completed.add(scrapped);
                divisorArithmetic = "(" + quantity(completed) + " + " + quantity(scrapped) + ")";
            }
        } else {
            BigDecimal remainingWip = required(order.estimatedWipRemaining(), "estimated WIP remaining");
            divisor = required(order.remainingQuantity(), "remaining quantity");
            numerator = wip.add(remainingWip).subtract(scrapPosted).subtract(moved);
            numeratorArithmetic = "(" + wip.toPlainString() + " + " + remainingWip.toPlainString() + " − "
                    + scrapPosted.toPlainString() + " − " + moved.toPlainString() + ")";
            divisorArithmetic = quantity(divisor);
        }
        if (divisor.signum() <= 0) {
            throw new IllegalArgumentException(name(basis) + " unit value has no divisor: " + divisorArithmetic + " = "
                    + quantity(divisor) + "; the order must have a positive "
                    + (basis == Basis.ACTUAL ? "completed" + (includeScrapInCompletions ? "" : " + scrapped")
                            : "remaining")
                    + " quantity");
        }
        BigDecimal unitValue = numerator.divide(divisor, Money.UNIT_SCALE, RoundingMode.HALF_UP);

        BigDecimal gross = scrap.quantity().multiply(unitValue);
        BigDecimal salvage = scrap.salvagePerUnit() == null ? BigDecimal.ZERO
                : scrap.salvageQuantity().multiply(scrap.salvagePerUnit());
        BigDecimal net = gross.subtract(salvage).max(BigDecimal.ZERO);
        BigDecimal amount = Money.round(net, currency, rounding);
        boolean hidden = scrap.action() == ScrapAction.NO_ACTION;

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("basis", name(basis));
        explanation.put("wip_total", wip.toPlainString());
        if (basis != Basis.ACTUAL) {
            explanation.put("estimated_wip_remaining", order.estimatedWipRemaining().toPlainString());
        }
        explanation.put("scrap_cost_posted", scrapPosted.toPlainString());
        explanation.put("moved_to_inventory", moved.toPlainString());
        if (basis == Basis.ACTUAL) {
            explanation.put("include_scrap_in_completions", includeScrapInCompletions);
        }
        explanation.put("unit_value_arithmetic", numeratorArithmetic + " / " + divisorArithmetic + " = "
                + numerator.toPlainString() + " / " + quantity(divisor) + " = " + unitValue.toPlainString());
        explanation.put("unit_value", unitValue.toPlainString());
        explanation.put("quantity", quantity(scrap.quantity()));
        explanation.put("gross", exact(gross));
        explanation.put("salvage", exact(salvage));
        explanation.put("scrap_action", scrap.action() == null ? "none given" : name(scrap.action()));
        explanation.put("hidden_in_product_cost", hidden);
        explanation.put("scrap_account", scrap.account() == null ? "none" : scrap.account());
        explanation.put("rounding", rounding.name().toLowerCase());
        explanation.put("amount", amount.toPlainString());
        explanation.put("arithmetic",
                quantity(scrap.quantity()) + " × " + unitValue.toPlainString()
                        + (salvage.signum() == 0 ? "" : " − " + exact(salvage)) + " = " + exact(net) + " → "
                        + amount.toPlainString() + " " + currency);
        return new Valued(unitValue, amount, scrap.action(), scrap.account(), hidden, explanation);
    }

    private static BigDecimal required(BigDecimal figure, String name) {
        if (figure == null) {
            throw new IllegalArgumentException("the order's " + name + " is missing");
        }
        return figure;
    }

    private static BigDecimal orZero(BigDecimal figure) {
        return figure == null ? BigDecimal.ZERO : figure;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase();
    }
}
