package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The digit-by-digit reading of date-times reads what the general ISO parser reads, and refuses what it refuses. */
class FieldTest {

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
