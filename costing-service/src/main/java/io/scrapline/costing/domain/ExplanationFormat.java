package io.scrapline.costing.domain;

import java.math.BigDecimal;

import io.scrapline.platform.money.Money;

/**
 * How figures are written in a costed event's explanation, shared by the valuation rules so that a controller reads the
 * same notation whichever rule produced the figure.
 */
final class ExplanationFormat {

    private ExplanationFormat() {
    }

    /** A quantity as people write it: {@code 3}, {@code 2.5}, {@code -10}. */
    static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** An exact intermediate value, with at least the unit-value scale and no trailing zeros beyond it. */
    static String exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < Money.UNIT_SCALE ? stripped.setScale(Money.UNIT_SCALE) : stripped).toPlainString();
    }

    /** A value that may be absent: {@code none} rather than a zero that was never given. */
    static String orNone(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
