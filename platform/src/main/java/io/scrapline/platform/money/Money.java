package io.scrapline.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money is {@code BigDecimal} in Java, {@code numeric} in SQL and a string in JSON; never floating point. Unit values
 * keep {@link #UNIT_SCALE} places; an event's amount is rounded once, to the currency's minor unit.
 */
public final class Money {

    /** Decimal places kept on unit values (docs/cost-model.md §9: at least 6). */
    public static final int UNIT_SCALE = 6;

    private Money() {
    }

    /** The number of decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD). */
    public static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** Rounds an amount once, to the currency's minor unit. */
    public static BigDecimal round(BigDecimal amount, String currency, RoundingMode mode) {
        return amount.setScale(minorUnits(currency), mode);
    }

    /** Parses a decimal string as money; rejects exponents and anything that is not a plain decimal. */
    public static BigDecimal parse(String text) {
        if (text == null || !text.strip().matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberFormatException("not a decimal: " + text);
        }
        return new BigDecimal(text.strip());
    }
}
