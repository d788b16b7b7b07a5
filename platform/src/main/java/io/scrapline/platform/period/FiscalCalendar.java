package io.scrapline.platform.period;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plant's fiscal calendar (docs/cost-model.md §9, contract.md conventions), parsed from the plant's
 * {@code fiscal_calendar} setting:
 * <ul>
 * <li>{@code calendar} — calendar months, periods {@code YYYY-MM} (the default);</li>
 * <li>{@code 4-4-5@YYYY-MM-DD}, {@code 4-5-4@YYYY-MM-DD} or {@code 5-4-4@YYYY-MM-DD} — 52-week fiscal years of four
 * 13-week quarters, each quarter split into three periods of the given numbers of weeks, so twelve periods a year. The
 * date is the first day of one fiscal year (any weekday: the plant's weeks start on that day). Every fiscal year is 364
 * days, before and after that one.</li>
 * </ul>
 * A fiscal period is named {@code YYYY-Pnn}: {@code nn} from 01 to 12, and {@code YYYY} the calendar year in which the
 * anchoring fiscal year ends, counted on by one for each fiscal year after it (back for each before). With
 * {@code 4-4-5@2025-12-29} the fiscal year 2025-12-29..2026-12-27 is 2026, its first period {@code 2026-P01}.
 * <p>
 * Limitation: there is no 53rd week. Real 52/53-week calendars add a week every five or six years to stay near the
 * calendar; this one drifts a day earlier each year (two after a 29 February). A plant that needs the long year sets a
 * new anchor date from the fiscal year that follows it; events already costed keep the period they were given.
 */
public final class FiscalCalendar {

    /** The accepted settings, for error messages. */
    public static final String ACCEPTED_FORMS = "calendar, 4-4-5@YYYY-MM-DD, 4-5-4@YYYY-MM-DD or 5-4-4@YYYY-MM-DD "
            + "(the first day of a fiscal year)";

    /** Calendar months: the setting of a plant that names none. */
    public static final FiscalCalendar CALENDAR = new FiscalCalendar("calendar", null, null);

    private static final Pattern WEEKS_SETTING = Pattern.compile("(4-4-5|4-5-4|5-4-4)@(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FISCAL_PERIOD = Pattern.compile("(\\d{4})-P(0[1-9]|1[0-2])");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int PERIODS = 12;
    private static final int YEAR_DAYS = 364;

    private final String setting;
    /** Weeks of the three periods of every quarter; null for calendar months. */
    private final int[] quarterWeeks;
    /** First day of the anchoring fiscal year; null for calendar months. */
    private final LocalDate anchor;

    private FiscalCalendar(String setting, int[] quarterWeeks, LocalDate anchor) {
        this.setting = setting;
        this.quarterWeeks = quarterWeeks;
        this.anchor = anchor;
    }

    /**
     * The calendar a setting describes; {@code null} means calendar months, as the plants table defaults.
     *
     * @throws IllegalArgumentException
     *             naming the setting and the accepted forms
     */
    public static FiscalCalendar parse(String setting) {
        if (setting == null || setting.equals(CALENDAR.setting)) {
            return CALENDAR;
        }
        Matcher matcher = WEEKS_SETTING.matcher(setting);
        if (matcher.matches()) {
            try {
                LocalDate anchor = LocalDate.parse(matcher.group(2));
                int[] weeks = matcher.group(1).chars().filter(Character::isDigit).map(c -> c - '0').toArray();
                return new FiscalCalendar(setting, weeks, anchor);
            } catch (DateTimeException e) {
                // a well-formed but impossible date such as 2025-02-30 falls through to the message below
            }
        }
        throw new IllegalArgumentException("must be " + ACCEPTED_FORMS + ", not " + setting);
    }

    /** Whether the text is a period of some calendar: {@code YYYY-MM} or {@code YYYY-Pnn}. */
    public static boolean isPeriod(String period) {
        return Periods.isCalendarMonth(period) || period != null && FISCAL_PERIOD.matcher(period).matches();
    }

    /** The setting as stored on the plant. */
    public String setting() {
        return setting;
    }

    public boolean isCalendarMonths() {
        return quarterWeeks == null;
    }

    /** The period that contains the instant in the plant's time zone. */
    public String period(Instant at, ZoneId plantZone) {
        return period(at.atZone(plantZone).toLocalDate());
    }

    /** The period that contains the date. */
    public String period(LocalDate date) {
        if (isCalendarMonths()) {
            return Periods.calendarMonth(date);
        }
        long days = ChronoUnit.DAYS.between(anchor, date);
        long year = Math.floorDiv(days, YEAR_DAYS);
        int dayOfYear = (int) Math.floorMod(days, YEAR_DAYS);
        int period = 0;
        for (int start = 0; start + weeks(period) * 7 <= dayOfYear; period++) {
            start += weeks(period) * 7;
        }
        return String.format("%04d-P%02d", firstYearName() + year, period + 1);
    }

    /** Whether the text is a period of this calendar. */
    public boolean isValid(String period) {
        return isCalendarMonths() ? Periods.isCalendarMonth(period)
                : period != null && FISCAL_PERIOD.matcher(period).matches();
    }

    /**
     * The first and last day of a period of this calendar.
     *
     * @throws IllegalArgumentException
     *             if it is not one
     */
    public Range range(String period) {
        requireValid(period);
        if (isCalendarMonths()) {
            YearMonth month = YearMonth.parse(period, MONTH);
            return new Range(month.atDay(1), month.atEndOfMonth());
        }
        Matcher matcher = FISCAL_PERIOD.matcher(period);
        matcher.matches();
        long year = Integer.parseInt(matcher.group(1)) - firstYearName();
        int index = Integer.parseInt(matcher.group(2)) - 1;
        LocalDate first = anchor.plusDays(year * YEAR_DAYS);
        for (int p = 0; p < index; p++) {
            first = first.plusWeeks(weeks(p));
        }
        return new Range(first, first.plusWeeks(weeks(index)).minusDays(1));
    }

    /**
     * The period before a period of this calendar; the period before {@code P01} is the previous year's {@code P12}.
     *
     * @throws IllegalArgumentException
     *             if it is not one
     */
    public String previous(String period) {
        requireValid(period);
        if (isCalendarMonths()) {
            return Periods.previous(period);
        }
        int year = Integer.parseInt(period.substring(0, 4));
        int index = Integer.parseInt(period.substring(6));
        return index == 1 ? String.format("%04d-P%02d", year - 1, PERIODS)
                : String.format("%04d-P%02d", year, index - 1);
    }

    private void requireValid(String period) {
        if (!isValid(period)) {
            throw new IllegalArgumentException(period + " is not a period of the calendar " + setting + ": use "
                    + (isCalendarMonths() ? "YYYY-MM" : "YYYY-Pnn"));
        }
    }

    private int weeks(int period) {
        return quarterWeeks[period % 3];
    }

    /** The name of the anchoring fiscal year: the calendar year of its last day. */
    private int firstYearName() {
        return anchor.plusDays(YEAR_DAYS - 1).getYear();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FiscalCalendar calendar && calendar.setting.equals(setting);
    }

    @Override
    public int hashCode() {
        return setting.hashCode();
    }

    @Override
    public String toString() {
        return setting;
    }

    /** The first and last day of a period, both inclusive. */
    public record Range(LocalDate first, LocalDate last) {
    }
}
