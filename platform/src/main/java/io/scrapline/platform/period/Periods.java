package io.scrapline.platform.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Accounting periods (contract.md: {@code YYYY-MM} for a calendar month). */
public final class Periods {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private Periods() {
    }

    /** The calendar-month period that contains the instant in the plant's time zone. */
    public static String calendarMonth(Instant at, ZoneId plantZone) {
        return YearMonth.from(at.atZone(plantZone)).format(MONTH);
    }

    /** The calendar-month period that contains the date. */
    public static String calendarMonth(LocalDate date) {
        return YearMonth.from(date).format(MONTH);
    }

    /** Whether the text is a calendar-month period. */
    public static boolean isCalendarMonth(String period) {
        return period != null && period.matches("\\d{4}-(0[1-9]|1[0-2])");
    }

    /** The period before a calendar-month period. */
    public static String previous(String period) {
        return YearMonth.parse(period, MONTH).minusMonths(1).format(MONTH);
    }
}
