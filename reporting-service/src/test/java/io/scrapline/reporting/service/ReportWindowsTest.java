package io.scrapline.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.period.FiscalCalendar;

/** The periods of the year to date and the weeks of the trend that a report reads. */
class ReportWindowsTest {

    @Test
    void theYearToDateOfCalendarMonthsRunsFromJanuary() {
        assertThat(ReportService.yearToDate(FiscalCalendar.CALENDAR, "2026-03")).containsExactly("2026-01", "2026-02",
                "2026-03");
        assertThat(ReportService.yearToDate(FiscalCalendar.CALENDAR, "2026-01")).containsExactly("2026-01");
    }

    @Test
    void theYearToDateOfA445CalendarRunsFromTheFiscalYearsFirstPeriod() {
        FiscalCalendar calendar = FiscalCalendar.parse("4-4-5@2025-12-29");

        assertThat(ReportService.yearToDate(calendar, "2026-P03")).containsExactly("2026-P01", "2026-P02", "2026-P03");
        assertThat(ReportService.yearToDate(calendar, "2027-P01")).containsExactly("2027-P01");
    }

    @Test
    void theTrendIsThirteenWeeksFromMondayEndingWithTheWeekOfThePeriodsLastDay() {
        // October 2026 ends on Saturday the 31st, in the week from Monday the 26th; 12 weeks before it is 3 August.
        assertThat(ReportService.weeks(LocalDate.of(2026, 10, 31))).hasSize(13).startsWith(LocalDate.of(2026, 8, 3))
                .endsWith(LocalDate.of(2026, 10, 26));
        // 4-4-5 from Monday 2025-12-29: 2026-P01 ends on Sunday 2026-01-25, the last day of the week from the 19th.
        FiscalCalendar calendar = FiscalCalendar.parse("4-4-5@2025-12-29");
        assertThat(ReportService.weeks(calendar.range("2026-P01").last())).startsWith(LocalDate.of(2025, 10, 27))
                .endsWith(LocalDate.of(2026, 1, 19));
    }
}
