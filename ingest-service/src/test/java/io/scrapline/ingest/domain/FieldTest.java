package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.scrapline.platform.input.InputRules;

/**
 * The digit-by-digit reading of date-times reads what the general ISO parser reads, and refuses what it refuses; the
 * character-by-character checks of codes and decimals take what their patterns take.
 */
class FieldTest {

    private static final Pattern CODE = Pattern.compile(InputRules.CODE);
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    @ParameterizedTest
    @ValueSource(strings = { "", "P1", "DAY1", "WC-110", "a.b_c/d-e", "-P1", ".x", "_x", "/x", "P 1", "P1 ", "Ä1",
            "P\u00e41", "١٢", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "P1;", "P1\n" })
    void aCodeIsWhatItsPatternMatches(String text) {
        assertThat(Field.isCode(text)).isEqualTo(CODE.matcher(text).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "3", "3.00", "-1", "+1.5", "0.000001", ".5", "5.", "1e3", "1E+3", "--1", "+", "-",
            "1.2.3", " 1", "1 ", "١", "12345678901234567890.123", "1,5" })
    void aDecimalIsWhatItsPatternMatches(String text) {
        assertThat(Field.isPlainDecimal(text)).isEqualTo(DECIMAL.matcher(text).matches());
    }

    @Test
    void randomTextsAreCodesAndDecimalsExactlyWhenThePatternsSaySo() {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "aZ09._/-+ ,:Ä١";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(Field.isCode(candidate)).as(candidate).isEqualTo(CODE.matcher(candidate).matches());
            assertThat(Field.isPlainDecimal(candidate)).as(candidate).isEqualTo(DECIMAL.matcher(candidate).matches());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-10-14T09:30:00-04:00", "2026-10-14T13:30:00Z", "2026-10-14T09:30:00.5+05:30",
            "2026-10-14T09:30:00.123456789-04:00", "2026-10-14T09:30-04:00", "2026-12-31T23:59:59+14:00",
            "2024-02-29T00:00:00Z" })
    void readsWhatTheIsoParserReads(String text) {
        assertThat(Field.instant(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-10-14T09:30:00", "2026-13-14T09:30:00Z", "2026-02-30T09:30:00Z",
            "2026-10-14T25:30:00Z", "2026-10-14T09:30:00+19:00", "2026-1x-14T09:30:00Z",
            "2026-10-14T09:30:00.1234567890Z", "2026-10-14T09:30:00-0400" })
    void refusesWhatTheIsoParserRefuses(String text) {
        assertThatThrownBy(() -> Field.instant(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
