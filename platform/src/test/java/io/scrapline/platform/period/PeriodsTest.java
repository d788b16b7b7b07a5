package io.scrapline.platform.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Calendar-month periods in the plant's time zone (docs/cost-model.md §9, contract.md conventions). */
class PeriodsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void thePeriodIsTheMonthInThePlantsTimeZone() {
        // 2026-11-01T02:30Z is 2026-10-31T22:30 in New York (EDT, UTC−4), 2026-11-01T11:30 in Tokyo
        Instant at = Instant.parse("2026-11-01T02:30:00Z");

        assertThat(Periods.calendarMonth(at, NEW_YORK)).isEqualTo("2026-10");
        assertThat(Periods.calendarMonth(at, ZoneId.of("UTC"))).isEqualTo("2026-11");
        assertThat(Periods.calendarMonth(at, TOKYO)).isEqualTo("2026-11");
    }

    @Test
    void aPlantEastOfUtcStartsTheMonthEarlier() {
        // 2026-10-31T15:30Z is 2026-11-01T00:30 in Tokyo (UTC+9)
        assertThat(Periods.calendarMonth(Instant.parse("2026-10-31T15:30:00Z"), TOKYO)).isEqualTo("2026-11");
        assertThat(Periods.calendarMonth(Instant.parse("2026-10-31T14:59:59Z"), TOKYO)).isEqualTo("2026-10");
    }

    @Test
    void theMonthTurnsAtLocalMidnightInStandardTime() {
        // New York in winter is UTC−5: 2026-03-01T04:59:59Z is 2026-02-28T23:59:59, 05:00Z is 2026-03-01T00:00
        assertThat(Periods.calendarMonth(Instant.parse("2026-03-01T04:59:59Z"), NEW_YORK)).isEqualTo("2026-02");
        assertThat(Periods.calendarMonth(Instant.parse("2026-03-01T05:00:00Z"), NEW_YORK)).isEqualTo("2026-03");
    }

    @Test
    void theYearTurnsInThePlantsTimeZone() {
        // 2027-01-01T03:00Z is 2026-12-31T22:00 in New York
        assertThat(Periods.calendarMonth(Instant.parse("2027-01-01T03:00:00Z"), NEW_YORK)).isEqualTo("2026-12");
    }

    @Test
    void aDatesPeriodIsItsMonthWithTwoDigits() {
        assertThat(Periods.calendarMonth(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01");
        assertThat(Periods.calendarMonth(LocalDate.of(2026, 10, 31))).isEqualTo("2026-10");
    }

    @Test
    void calendarMonthPeriodsAreRecognised() {
        assertThat(Periods.isCalendarMonth("2026-10")).isTrue();
        assertThat(Periods.isCalendarMonth("2026-01")).isTrue();
        assertThat(Periods.isCalendarMonth("2026-12")).isTrue();
    }

    @Test
    void anythingElseIsNotACalendarMonth() {
        assertThat(Periods.isCalendarMonth(null)).isFalse();
        assertThat(Periods.isCalendarMonth("")).isFalse();
        assertThat(Periods.isCalendarMonth("2026-1")).isFalse();
        assertThat(Periods.isCalendarMonth("2026-00")).isFalse();
        assertThat(Periods.isCalendarMonth("2026-13")).isFalse();
        assertThat(Periods.isCalendarMonth("26-10")).isFalse();
        assertThat(Periods.isCalendarMonth("2026-10-01")).isFalse();
        assertThat(Periods.isCalendarMonth("2026/10")).isFalse();
        // a fiscal period of a 4-4-5 calendar is a period, but not a calendar month
        assertThat(Periods.isCalendarMonth("2026-P10")).isFalse();
    }

    @Test
    void thePreviousPeriodIsTheMonthBefore() {
        assertThat(Periods.previous("2026-10")).isEqualTo("2026-09");
        assertThat(Periods.previous("2026-03")).isEqualTo("2026-02");
    }

    @Test
    void thePreviousPeriodOfJanuaryIsLastDecember() {
        assertThat(Periods.previous("2026-01")).isEqualTo("2025-12");
    }
}
