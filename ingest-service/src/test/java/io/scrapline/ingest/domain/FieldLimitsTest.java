package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.scrapline.ingest.domain.Field.Kind;
import io.scrapline.platform.input.InputConfig;

/** The limits of issue 10 on every field: text, codes, decimals of numeric(18,6) and years of dates and instants. */
class FieldLimitsTest {

    private static final Field OCCURRED_AT = Field.required("occurred_at", Kind.INSTANT);
    private static final Field EFFECTIVE_FROM = Field.required("effective_from", Kind.DATE);
    private static final Field QUANTITY = Field.required("quantity", Kind.POSITIVE_DECIMAL);
    private static final Field PART = Field.required("part", Kind.TEXT);
    private static final Field LINE = Field.required("line", Kind.CODE);

    @ParameterizedTest
    @ValueSource(strings = { "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z" })
    void refusesInstantsOutsideTheYears(String text) {
        assertThatThrownBy(() -> OCCURRED_AT.read(text)).hasMessage("must be in the years 1900 to 2200");
    }

    @Test
    void theYearsAreConfigurable() {
        InputConfig.Years narrow = new InputConfig.Years(2000, 2030);
        assertThat(OCCURRED_AT.read("2026-10-14T09:30:00Z", narrow)).isNotNull();
        assertThatThrownBy(() -> EFFECTIVE_FROM.read("1999-12-31", narrow))
                .hasMessage("must be in the years 2000 to 2030");
        assertThatThrownBy(() -> EFFECTIVE_FROM.read("+99999-01-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalsFitNumeric18Dot6() {
        assertThat(QUANTITY.read("999999999999.999999")).isEqualTo(new BigDecimal("999999999999.999999"));
        assertThatThrownBy(() -> QUANTITY.read("1000000000000"))
                .hasMessage("must have at most 12 digits before the decimal point");
        assertThatThrownBy(() -> QUANTITY.read("1.1234567"))
                .hasMessage("must have at most 6 digits after the decimal point");
        assertThatThrownBy(() -> QUANTITY.read("1e400")).hasMessage("must be a decimal number such as 12.5");
    }

    @Test
    void textHasNoNulOrControlCharactersAndCodesHaveTheirPattern() {
        assertThatThrownBy(() -> PART.read("MFG\u00004471")).hasMessage("must not contain NUL characters");
        assertThatThrownBy(() -> PART.read("MFG\ufffd")).hasMessage("must be valid UTF-8");
        assertThatThrownBy(() -> PART.read("P".repeat(201))).hasMessage("must be at most 200 characters");
        assertThat(LINE.read("L-1/A")).isEqualTo("L-1/A");
        assertThatThrownBy(() -> LINE.read("L 1")).hasMessageStartingWith("must be 1-64 letters");
        assertThatThrownBy(() -> LINE.read("L".repeat(10_000))).hasMessageStartingWith("must be 1-64 letters");
    }
}
