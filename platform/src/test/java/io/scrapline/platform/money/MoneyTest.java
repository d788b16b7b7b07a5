package io.scrapline.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Money rules of docs/cost-model.md §9: decimal, at least 6 places on unit values, rounded once to the minor unit. */
class MoneyTest {

    @Test
    void unitValuesKeepAtLeastSixDecimals() {
        assertThat(Money.UNIT_SCALE).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theMinorUnitComesFromTheCurrency() {
        assertThat(Money.minorUnits("USD")).isEqualTo(2);
        assertThat(Money.minorUnits("EUR")).isEqualTo(2);
        assertThat(Money.minorUnits("JPY")).isZero();
        assertThat(Money.minorUnits("KWD")).isEqualTo(3);
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.minorUnits("XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingIsHalfUpByDefault() {
        // 0.125 → 0.13; 655.195 → 655.20; 0.124999 → 0.12
        assertThat(Money.round(new BigDecimal("0.125"), "USD", RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("0.13"));
        assertThat(Money.round(new BigDecimal("655.195"), "USD", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("655.20"));
        assertThat(Money.round(new BigDecimal("0.124999"), "USD", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void halfEvenRoundsTiesToTheEvenDigit() {
        // 0.125 → 0.12 (2 is even); 0.135 → 0.14 (4 is even); 0.1251 is not a tie → 0.13
        assertThat(Money.round(new BigDecimal("0.125"), "USD", RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("0.12"));
        assertThat(Money.round(new BigDecimal("0.135"), "USD", RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("0.14"));
        assertThat(Money.round(new BigDecimal("0.1251"), "USD", RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void halfUpRoundsANegativeTieAwayFromZero() {
        // a reversal of 0.125 is −0.13, so it cancels the +0.13 it reverses
        assertThat(Money.round(new BigDecimal("-0.125"), "USD", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("-0.13"));
    }

    @Test
    void yenIsRoundedToWholeYen() {
        // 1234.5 → 1235 half-up, 1234 half-even; 655.2 → 655
        assertThat(Money.round(new BigDecimal("1234.5"), "JPY", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("1235"));
        assertThat(Money.round(new BigDecimal("1234.5"), "JPY", RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("1234"));
        assertThat(Money.round(new BigDecimal("655.200000"), "JPY", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("655"));
    }

    @Test
    void dinarsHaveThreeDecimals() {
        // 1.2345 → 1.235 half-up, 1.234 half-even
        assertThat(Money.round(new BigDecimal("1.2345"), "KWD", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("1.235"));
        assertThat(Money.round(new BigDecimal("1.2345"), "KWD", RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("1.234"));
    }

    @Test
    void aRoundedAmountAlwaysHasTheMinorUnitsScale() {
        // 5 → 5.00: the JSON string of an amount always shows its cents
        assertThat(Money.round(new BigDecimal("5"), "USD", RoundingMode.HALF_UP)).hasToString("5.00");
        assertThat(Money.round(BigDecimal.ZERO, "USD", RoundingMode.HALF_UP)).hasToString("0.00");
        assertThat(Money.round(new BigDecimal("655.200000"), "USD", RoundingMode.HALF_UP)).hasToString("655.20");
    }

    @Test
    void roundingUnroundedAmountsOnceDiffersFromSummingRoundedOnes() {
        // three events of 0.333333: each rounds to 0.33 and a report foots 0.99; rounding the sum would give 1.00
        BigDecimal event = Money.round(new BigDecimal("0.333333"), "USD", RoundingMode.HALF_UP);
        BigDecimal footed = event.add(event).add(event);

        assertThat(event).isEqualTo(new BigDecimal("0.33"));
        assertThat(footed).isEqualTo(new BigDecimal("0.99"));
        assertThat(Money.round(new BigDecimal("0.999999"), "USD", RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void plainDecimalsAreParsed() {
        assertThat(Money.parse("655.20")).isEqualTo(new BigDecimal("655.20"));
        assertThat(Money.parse("3")).isEqualTo(new BigDecimal("3"));
        assertThat(Money.parse(" 218.400000 ")).isEqualTo(new BigDecimal("218.400000"));
        assertThat(Money.parse("-1.5")).isEqualTo(new BigDecimal("-1.5"));
    }

    @Test
    void anythingButAPlainDecimalIsRefused() {
        for (String text : Arrays.asList(null, "", " ", "abc", "1e3", "1E+3", "1,000.00", "1.000,00", ".5", "5.", "+1",
                "NaN", "Infinity", "0x10", "$5")) {
            assertThatThrownBy(() -> Money.parse(text)).as(String.valueOf(text))
                    .isInstanceOf(NumberFormatException.class);
        }
    }
}
