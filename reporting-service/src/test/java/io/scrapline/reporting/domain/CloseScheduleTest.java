package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.period.FiscalCalendar;

/** When each plant's period comes due for its scheduled close, by its time zone and fiscal calendar; dates by hand. */
class CloseScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** P01 2025-12-29..2026-01-25 (4 weeks), P02 2026-01-26..2026-02-22 (4), P03 2026-02-23..2026-03-29 (5), ... */
    private static final FiscalCalendar FOUR_FOUR_FIVE = FiscalCalendar.parse("4-4-5@2025-12-29");

    @Test
    void aCalendarMonthClosesAtTheFirstMidnightAfterItInThePlantsTimeZone() {
        // 2026-11-01 is the Sunday summer time ends in New York, at 02:00: midnight is still EDT, UTC−4.
        assertThat(CloseSchedule.endOf(FiscalCalendar.CALENDAR, NEW_YORK, "2026-10"))
                .isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(CloseSchedule.duePeriod(FiscalCalendar.CALENDAR, NEW_YORK, Instant.parse("2026-11-01T03:59:59Z")))
                .isEqualTo("2026-09");
        assertThat(CloseSchedule.duePeriod(FiscalCalendar.CALENDAR, NEW_YORK, Instant.parse("2026-11-01T04:00:00Z")))
                .isEqualTo("2026-10");
        // December ends in winter time, UTC−5, and the year turns.
        assertThat(CloseSchedule.endOf(FiscalCalendar.CALENDAR, NEW_YORK, "2026-12"))
                .isEqualTo(Instant.parse("2027-01-01T05:00:00Z"));
        assertThat(CloseSchedule.duePeriod(FiscalCalendar.CALENDAR, NEW_YORK, Instant.parse("2027-01-01T05:00:00Z")))
                .isEqualTo("2026-12");
    }

    @Test
    void theSameInstantFindsPlantsInDifferentTimeZonesInDifferentPeriods() {
        // 2026-10-31T15:00Z is midnight of 1 November in Tokyo (UTC+9) but 11:00 on 31 October in New York.
        Instant tokyoMidnight = Instant.parse("2026-10-31T15:00:00Z");
        assertThat(CloseSchedule.endOf(FiscalCalendar.CALENDAR, TOKYO, "2026-10")).isEqualTo(tokyoMidnight);
        assertThat(CloseSchedule.duePeriod(FiscalCalendar.CALENDAR, TOKYO, tokyoMidnight)).isEqualTo("2026-10");
        assertThat(CloseSchedule.duePeriod(FiscalCalendar.CALENDAR, NEW_YORK, tokyoMidnight)).isEqualTo("2026-09");
    }

    @Test
    void aFiscalPeriodClosesAfterItsLastWeek() {
        // P03 ends on Sunday 2026-03-29, the day summer time starts in Berlin: midnight after it is CEST, UTC+2.
        assertThat(CloseSchedule.endOf(FOUR_FOUR_FIVE, BERLIN, "2026-P03"))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(CloseSchedule.duePeriod(FOUR_FOUR_FIVE, BERLIN, Instant.parse("2026-03-29T21:59:59Z")))
                .isEqualTo("2026-P02");
        assertThat(CloseSchedule.duePeriod(FOUR_FOUR_FIVE, BERLIN, Instant.parse("2026-03-29T22:00:00Z")))
                .isEqualTo("2026-P03");
        // P02 ended on 2026-02-22, in winter time (UTC+1), so it was due from 2026-02-22T23:00Z.
        assertThat(CloseSchedule.endOf(FOUR_FOUR_FIVE, BERLIN, "2026-P02"))
                .isEqualTo(Instant.parse("2026-02-22T23:00:00Z"));
    }

    @Test
    void theLastFiscalPeriodOfAYearComesDueWhenTheNextFiscalYearStarts() {
        // 2026-P12 is 2026-11-23..2026-12-27; fiscal 2027 starts on 2026-12-28 (364 days after 2025-12-29).
        assertThat(CloseSchedule.endOf(FOUR_FOUR_FIVE, NEW_YORK, "2026-P12"))
                .isEqualTo(Instant.parse("2026-12-28T05:00:00Z"));
        assertThat(CloseSchedule.duePeriod(FOUR_FOUR_FIVE, NEW_YORK, Instant.parse("2026-12-28T04:59:59Z")))
                .isEqualTo("2026-P11");
        assertThat(CloseSchedule.duePeriod(FOUR_FOUR_FIVE, NEW_YORK, Instant.parse("2026-12-28T05:00:00Z")))
                .isEqualTo("2026-P12");
        // New Year's Day is in 2027-P01 already, so the due period is still 2026-P12, not a calendar month.
        assertThat(CloseSchedule.duePeriod(FOUR_FOUR_FIVE, NEW_YORK, Instant.parse("2027-01-01T12:00:00Z")))
                .isEqualTo("2026-P12");
    }
}
