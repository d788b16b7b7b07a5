package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Quiet hours hold a member's warnings until they end, in the member's time zone, over midnight too. */
class QuietHoursTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final QuietHours NIGHT = new QuietHours(CHICAGO, LocalTime.of(22, 0), LocalTime.of(6, 0));
    private static final QuietHours LUNCH = new QuietHours(CHICAGO, LocalTime.of(12, 0), LocalTime.of(13, 0));

    @Test
    void anOvernightSpanEndsTheNextMorningWhenItStartedTheEveningBefore() {
        assertThat(NIGHT.endOf(at(2026, 5, 14, 23, 30))).contains(at(2026, 5, 15, 6, 0));
        assertThat(NIGHT.endOf(at(2026, 5, 15, 2, 15))).contains(at(2026, 5, 15, 6, 0));
        assertThat(NIGHT.endOf(at(2026, 5, 14, 22, 0))).contains(at(2026, 5, 15, 6, 0));
    }

    @Test
    void outsideTheSpanNothingWaitsAndTheEndItselfIsNoLongerQuiet() {
        assertThat(NIGHT.endOf(at(2026, 5, 14, 6, 0))).isEmpty();
        assertThat(NIGHT.endOf(at(2026, 5, 14, 21, 59))).isEmpty();
        assertThat(LUNCH.endOf(at(2026, 5, 14, 11, 59))).isEmpty();
        assertThat(LUNCH.endOf(at(2026, 5, 14, 12, 30))).contains(at(2026, 5, 14, 13, 0));
        assertThat(LUNCH.endOf(at(2026, 5, 14, 13, 0))).isEmpty();
    }

    @Test
    void theEndIsLocalTimeAcrossAClockChange() {
        // Clocks go forward at 02:00 on 2026-03-08 in Chicago: 06:00 that day is 11:00 UTC, not 12:00.
        assertThat(NIGHT.endOf(at(2026, 3, 7, 23, 0))).contains(Instant.parse("2026-03-08T11:00:00Z"));
    }

    @Test
    void aSpanThatEndsWhereItStartsIsRefused() {
        assertThatThrownBy(() -> new QuietHours(CHICAGO, LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHICAGO).toInstant();
    }
}
