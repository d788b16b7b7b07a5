package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import io.scrapline.costing.domain.OrderValuation.Basis;
import io.scrapline.costing.domain.OrderValuation.OrderFigures;
import io.scrapline.costing.domain.OrderValuation.Scrap;
import io.scrapline.costing.domain.OrderValuation.ScrapAction;

/** Scrap at the order's actual or estimated cost (docs/cost-model.md §6), figures worked by hand. */
class OrderValuationTest {

    /**
     * WIP total 10000.00, scrap cost already posted 500.00, moved to inventory 6000.00, 60 completed, 20 scrapped;
     * estimated WIP remaining 4000.00 for the 40 still to come.
     */
    private static final OrderFigures ORDER = figures("10000.00", "4000.00", "500.00", "6000.00", "60", "20", "40");

    private static final Scrap FOUR_WRITTEN_OFF = new Scrap(new BigDecimal("4"), null, ScrapAction.WRITE_OFF,
            "6100-SCRAP");

    @Test
    void actualCostDividesByCompletedAndScrappedUnits() {
        // (10000.00 − 500.00 − 6000.00) / (60 + 20) = 3500.00 / 80 = 43.75; 4 × 43.75 = 175.00
        OrderValuation.Valued valued = usd(Basis.ACTUAL, ORDER, false, FOUR_WRITTEN_OFF);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("43.750000"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("175.00"));
        assertThat(valued.explanation()).containsEntry("include_scrap_in_completions", false).containsEntry(
                "unit_value_arithmetic", "(10000.00 − 500.00 − 6000.00) / (60 + 20) = 3500.00 / 80 = 43.750000");
    }

    @Test
    void actualCostLeavesScrapOutOfTheDivisorWhenItIsIncludedInCompletions() {
        // same order: 3500.00 / 60 = 58.333333…; 4 × 58.333333 = 233.333332 → 233.33 (not 175.00)
        OrderValuation.Valued valued = usd(Basis.ACTUAL, ORDER, true, FOUR_WRITTEN_OFF);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("58.333333"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("233.33"));
        assertThat(valued.explanation()).containsEntry("include_scrap_in_completions", true).containsEntry("arithmetic",
                "4 × 58.333333 = 233.333332 → 233.33 USD");
    }

    @Test
    void estimatedCostAddsTheRemainingWipAndDividesByTheRemainingQuantity() {
        // (10000.00 + 4000.00 − 500.00 − 6000.00) / 40 = 7500.00 / 40 = 187.50; 4 × 187.50 = 750.00
        OrderValuation.Valued valued = usd(Basis.ESTIMATED, ORDER, false, FOUR_WRITTEN_OFF);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("187.500000"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("750.00"));
        assertThat(valued.explanation()).containsEntry("basis", "estimated").containsEntry("unit_value_arithmetic",
                "(10000.00 + 4000.00 − 500.00 − 6000.00) / 40 = 7500.00 / 40 = 187.500000");
    }

    @Test
    void standardOrdersAreValuedLikeEstimatedOnesAndIgnoreTheCompletionsSetting() {
        // 7500.00 / 40 = 187.50 whichever way the setting is
        assertThat(usd(Basis.STANDARD, ORDER, false, FOUR_WRITTEN_OFF).amount()).isEqualTo(new BigDecimal("750.00"));
        assertThat(usd(Basis.STANDARD, ORDER, true, FOUR_WRITTEN_OFF).amount()).isEqualTo(new BigDecimal("750.00"));
    }

    @Test
    void aZeroDivisorIsRefused() {
        // actual: 0 completed + 0 scrapped = 0
        OrderFigures nothingDone = figures("10000.00", null, "0", "0", "0", "0", null);
        assertThatThrownBy(() -> usd(Basis.ACTUAL, nothingDone, false, FOUR_WRITTEN_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("completed + scrapped");

        // estimated: nothing remaining
        OrderFigures nothingLeft = figures("10000.00", "0", "0", "0", "100", "0", "0");
        assertThatThrownBy(() -> usd(Basis.ESTIMATED, nothingLeft, false, FOUR_WRITTEN_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remaining");
    }

    @Test
    void scrapIncludedInCompletionsCannotBeTheOnlyDivisor() {
        // 0 completed, 20 scrapped: off → 3500.00 / 20 = 175.00; on → divisor 0, refused
        OrderFigures onlyScrap = figures("10000.00", null, "500.00", "6000.00", "0", "20", null);

        assertThat(usd(Basis.ACTUAL, onlyScrap, false, FOUR_WRITTEN_OFF).unitValue())
                .isEqualTo(new BigDecimal("175.000000"));
        assertThatThrownBy(() -> usd(Basis.ACTUAL, onlyScrap, true, FOUR_WRITTEN_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive completed quantity");
    }

    @Test
    void aNegativeDivisorIsRefused() {
        OrderFigures overshot = figures("10000.00", "0", "0", "0", "100", "0", "-5");

        assertThatThrownBy(() -> usd(Basis.ESTIMATED, overshot, false, FOUR_WRITTEN_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }

    @Test
    void estimatedCostWithoutAnEstimateOfTheRemainingWipIsRefusedNotTakenAsZero() {
        OrderFigures noEstimate = figures("10000.00", null, "500.00", "6000.00", "60", "20", "40");

        assertThatThrownBy(() -> usd(Basis.ESTIMATED, noEstimate, false, FOUR_WRITTEN_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("estimated WIP remaining");
    }

    @Test
    void salvageReducesTheCostButNeverBelowZero() {
        // 4 × 43.75 − 4 × 10.00 = 175.00 − 40.00 = 135.00; with 50.00 salvage a unit: 175.00 − 200.00 → 0.00
        assertThat(usd(Basis.ACTUAL, ORDER, false,
                new Scrap(new BigDecimal("4"), new BigDecimal("10.00"), ScrapAction.WRITE_OFF, "6100-SCRAP")).amount())
                        .isEqualTo(new BigDecimal("135.00"));
        assertThat(usd(Basis.ACTUAL, ORDER, false,
                new Scrap(new BigDecimal("4"), new BigDecimal("50.00"), ScrapAction.WRITE_OFF, "6100-SCRAP")).amount())
                        .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void scrapTheErpAbsorbsIsStillValuedButFlaggedAsHiddenInProductCost() {
        // 4 × 43.75 = 175.00 all the same
        OrderValuation.Valued valued = usd(Basis.ACTUAL, ORDER, false,
                new Scrap(new BigDecimal("4"), null, ScrapAction.NO_ACTION, null));

        assertThat(valued.amount()).isEqualTo(new BigDecimal("175.00"));
        assertThat(valued.hiddenInProductCost()).isTrue();
        assertThat(valued.explanation()).containsEntry("scrap_action", "no_action")
                .containsEntry("hidden_in_product_cost", true).containsEntry("scrap_account", "none");
    }

    @Test
    void theAccountIsKeptForReconciliationWithTheGeneralLedger() {
        OrderValuation.Valued writtenOff = usd(Basis.ACTUAL, ORDER, false, FOUR_WRITTEN_OFF);
        OrderValuation.Valued quarantined = usd(Basis.ACTUAL, ORDER, false,
                new Scrap(new BigDecimal("4"), null, ScrapAction.QUARANTINE, "1450-QUARANTINE"));

        assertThat(writtenOff.hiddenInProductCost()).isFalse();
        assertThat(writtenOff.account()).isEqualTo("6100-SCRAP");
        assertThat(writtenOff.explanation()).containsEntry("scrap_action", "write_off").containsEntry("scrap_account",
                "6100-SCRAP");
        assertThat(quarantined.action()).isEqualTo(ScrapAction.QUARANTINE);
        assertThat(quarantined.explanation()).containsEntry("scrap_action", "quarantine").containsEntry("scrap_account",
                "1450-QUARANTINE");
    }

    @Test
    void theAmountIsRoundedOnceWithTheSchemasRoundingMode() {
        // 1.00 / 8 = 0.125; 1 × 0.125 → half-up 0.13, half-even 0.12
        OrderFigures eighth = figures("1.00", null, "0", "0", "8", "0", null);
        Scrap one = new Scrap(BigDecimal.ONE, null, ScrapAction.WRITE_OFF, "6100-SCRAP");

        assertThat(OrderValuation.value(Basis.ACTUAL, eighth, false, one, "USD", RoundingMode.HALF_UP).amount())
                .isEqualTo(new BigDecimal("0.13"));
        assertThat(OrderValuation.value(Basis.ACTUAL, eighth, false, one, "USD", RoundingMode.HALF_EVEN).amount())
                .isEqualTo(new BigDecimal("0.12"));
    }

    private static OrderValuation.Valued usd(Basis basis, OrderFigures order, boolean includeScrapInCompletions,
            Scrap scrap) {
        return OrderValuation.value(basis, order, includeScrapInCompletions, scrap, "USD", RoundingMode.HALF_UP);
    }

    private static OrderFigures figures(String wip, String remainingWip, String scrapPosted, String moved,
            String completed, String scrapped, String remaining) {
        return new OrderFigures(decimal(wip), decimal(remainingWip), decimal(scrapPosted), decimal(moved),
                decimal(completed), decimal(scrapped), decimal(remaining));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
