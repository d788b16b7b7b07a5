package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.period.FiscalCalendar;

/** When daily and weekly reports fall due in a plant's time zone, and what each is as of. */
class DistributionScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime SIX = LocalTime.of(6, 0);

    @Test
    void aDailyReportIsDueAtItsLocalTimeAsOfTheDayBefore() {
        DistributionSchedule.Due before = DistributionSchedule.daily(SIX, NEW_YORK, FiscalCalendar.CALENDAR,
                at("2026-11-15T05:59:59"));
        assertThat(before.runKey()).isEqualTo("daily:2026-11-13");
        assertThat(before.dueAt()).isEqualTo(at("2026-11-14T06:00:00"));

        DistributionSchedule.Due after = DistributionSchedule.daily(SIX, NEW_YORK, FiscalCalendar.CALENDAR,
                at("2026-11-15T06:00:00"));
        assertThat(after.runKey()).isEqualTo("daily:2026-11-14");
        assertThat(after.asOf()).isEqualTo(LocalDate.parse("2026-11-14"));
        assertThat(after.period()).isEqualTo("2026-11");
        assertThat(after.weekStart()).isNull();
    }

    @Test
    void theFirstOfTheMonthSendsThePeriodJustEndedWhole() {
        DistributionSchedule.Due due = DistributionSchedule.daily(SIX, NEW_YORK, FiscalCalendar.CALENDAR,
                at("2026-11-01T07:00:00"));
        assertThat(due.runKey()).isEqualTo("daily:2026-10-31");
        assertThat(due.period()).isEqualTo("2026-10");
        // A fiscal calendar names its own period, for the calendar year its fiscal year ends in.
        assertThat(DistributionSchedule
                .daily(SIX, NEW_YORK, FiscalCalendar.parse("4-4-5@2026-01-04"), at("2026-11-01T07:00:00")).period())
                        .isEqualTo("2027-P10");
    }

    @Test
    void afterAnOutageOnlyTheLatestRunIsDue() {
        // Down from the 10th to the 15th at noon: the run due is the 15th's, as of the 14th, and only it.
        Instant back = at("2026-11-15T12:00:00");
        assertThat(DistributionSchedule.daily(SIX, NEW_YORK, FiscalCalendar.CALENDAR, back).runKey())
                .isEqualTo("daily:2026-11-14");
        assertThat(DistributionSchedule.daily(SIX, NEW_YORK, FiscalCalendar.CALENDAR, back.plusSeconds(3600)).runKey())
                .isEqualTo("daily:2026-11-14");
    }

    @Test
    void aSendTimeTheClockSkipsIsTakenAsTheHourAfter() {
        // 8 March 2026: New York's clocks go from 02:00 to 03:00.
        LocalTime skipped = LocalTime.of(2, 30);
        DistributionSchedule.Due due = DistributionSchedule.daily(skipped, NEW_YORK, FiscalCalendar.CALENDAR,
                at("2026-03-08T03:10:00"));
        assertThat(due.runKey()).isEqualTo("daily:2026-03-06");
        DistributionSchedule.Due later = DistributionSchedule.daily(skipped, NEW_YORK, FiscalCalendar.CALENDAR,
                at("2026-03-08T03:31:00"));
        assertThat(later.runKey()).isEqualTo("daily:2026-03-07");
        assertThat(later.dueAt()).isEqualTo(at("2026-03-08T03:30:00"));
    }

    @Test
    void aWeeklyReportOnMondayIsTheWholeWeekBefore() {
        DistributionSchedule.Due due = DistributionSchedule.weekly(DayOfWeek.MONDAY, SIX, NEW_YORK,
                at("2026-11-18T09:00:00"));
        assertThat(due.runKey()).isEqualTo("weekly:2026-W46");
        assertThat(due.weekStart()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(due.asOf()).isEqualTo(LocalDate.parse("2026-11-15"));
        assertThat(due.dueAt()).isEqualTo(at("2026-11-16T06:00:00"));
        assertThat(due.period()).isNull();
    }

    @Test
    void aWeeklyReportOnAnotherDayIsItsWeekToDate() {
        DistributionSchedule.Due thursday = DistributionSchedule.weekly(DayOfWeek.THURSDAY, SIX, NEW_YORK,
                at("2026-11-19T06:00:00"));
        assertThat(thursday.runKey()).isEqualTo("weekly:2026-W47");
        assertThat(thursday.weekStart()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(thursday.asOf()).isEqualTo(LocalDate.parse("2026-11-18"));
        // Before Thursday's send time the week before's is still the latest.
        assertThat(DistributionSchedule.weekly(DayOfWeek.THURSDAY, SIX, NEW_YORK, at("2026-11-19T05:00:00")).runKey())
                .isEqualTo("weekly:2026-W46");
    }

    @Test
    void weeksAreNamedByTheirIsoYear() {
        assertThat(DistributionSchedule.weekName(LocalDate.parse("2026-12-28"))).isEqualTo("2026-W53");
        assertThat(DistributionSchedule.weekName(LocalDate.parse("2027-01-04"))).isEqualTo("2027-W01");
        assertThat(DistributionSchedule.weekName(LocalDate.parse("2025-12-29"))).isEqualTo("2026-W01");
        assertThat(DistributionSchedule.monthEndKey("2026-P11", 1)).isEqualTo("month_end:2026-P11:v1");
    }

    private static Instant at(String newYorkTime) {
        return java.time.LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant();
    }
}
