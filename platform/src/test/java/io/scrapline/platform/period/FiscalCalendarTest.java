package io.scrapline.platform.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.period.FiscalCalendar.Range;

/**
 * Fiscal periods of the plant's calendar (docs/cost-model.md §9). The 4-4-5 year anchored on Monday 2025-12-29, worked
 * by hand (28-day periods of 4 weeks, 35-day periods of 5):
 *
 * <pre>
 * 2026-P01 2025-12-29..2026-01-25   P05 04-27..05-24   P09 08-24..09-27 (35)
 *      P02 2026-01-26..2026-02-22   P06 05-25..06-28   P10 09-28..10-25
 *      P03 2026-02-23..2026-03-29   P07 06-29..07-26   P11 10-26..11-22
 *      P04 2026-03-30..2026-04-26   P08 07-27..08-23   P12 11-23..12-27 (35)
 * 2027-P01 starts 2026-12-28 (364 days on); 2025-P12 is 2025-11-24..2025-12-28 (the year before starts 2024-12-30)
 * </pre>
 */
class FiscalCalendarTest {

    private static final FiscalCalendar FOUR_FOUR_FIVE = FiscalCalendar.parse("4-4-5@2025-12-29");
    private static final FiscalCalendar FOUR_FIVE_FOUR = FiscalCalendar.parse("4-5-4@2025-12-29");
    private static final FiscalCalendar FIVE_FOUR_FOUR = FiscalCalendar.parse("5-4-4@2025-12-29");

    @Test
    void theFirstQuarterOfA445YearHasPeriodsOfFourFourAndFiveWeeks() {
        assertThat(FOUR_FOUR_FIVE.range("2026-P01")).isEqualTo(range("2025-12-29", "2026-01-25"));
        assertThat(FOUR_FOUR_FIVE.range("2026-P02")).isEqualTo(range("2026-01-26", "2026-02-22"));
        assertThat(FOUR_FOUR_FIVE.range("2026-P03")).isEqualTo(range("2026-02-23", "2026-03-29"));
        assertThat(days(FOUR_FOUR_FIVE.range("2026-P01"))).isEqualTo(28);
        assertThat(days(FOUR_FOUR_FIVE.range("2026-P03"))).isEqualTo(35);
        assertThat(FOUR_FOUR_FIVE.range("2026-P04")).isEqualTo(range("2026-03-30", "2026-04-26"));
    }

    @Test
    void a445YearIsTwelvePeriodsOf364DaysAndTheNextStartsTheDayAfter() {
        assertThat(FOUR_FOUR_FIVE.range("2026-P09")).isEqualTo(range("2026-08-24", "2026-09-27"));
        assertThat(FOUR_FOUR_FIVE.range("2026-P12")).isEqualTo(range("2026-11-23", "2026-12-27"));
        assertThat(FOUR_FOUR_FIVE.range("2027-P01")).isEqualTo(range("2026-12-28", "2027-01-24"));
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-12-29"), LocalDate.parse("2026-12-28")))
                .isEqualTo(364);
    }

    @Test
    void theDaysEitherSideOfEachBoundaryFallInTheirOwnPeriods() {
        assertThat(FOUR_FOUR_FIVE.period(date("2025-12-28"))).isEqualTo("2025-P12");
        assertThat(FOUR_FOUR_FIVE.period(date("2025-12-29"))).isEqualTo("2026-P01");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-01-25"))).isEqualTo("2026-P01");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-01-26"))).isEqualTo("2026-P02");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-02-22"))).isEqualTo("2026-P02");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-02-23"))).isEqualTo("2026-P03");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-03-29"))).isEqualTo("2026-P03");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-03-30"))).isEqualTo("2026-P04");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-12-27"))).isEqualTo("2026-P12");
        assertThat(FOUR_FOUR_FIVE.period(date("2026-12-28"))).isEqualTo("2027-P01");
    }

    @Test
    void everyDayOfTwoYearsFallsInTheRangeOfItsPeriod() {
        for (LocalDate day = date("2024-12-30"); day.isBefore(date("2027-12-27")); day = day.plusDays(1)) {
            for (FiscalCalendar calendar : new FiscalCalendar[] { FOUR_FOUR_FIVE, FOUR_FIVE_FOUR, FIVE_FOUR_FOUR,
                    FiscalCalendar.CALENDAR }) {
                Range range = calendar.range(calendar.period(day));
                assertThat(day).isBetween(range.first(), range.last());
            }
        }
    }

    @Test
    void yearsBeforeTheAnchorCountBack() {
        // 2025-12-29 − 364 days = 2024-12-30; its P12 starts 329 days (11 periods) later, 2025-11-24
        assertThat(FOUR_FOUR_FIVE.range("2025-P01")).isEqualTo(range("2024-12-30", "2025-01-26"));
        assertThat(FOUR_FOUR_FIVE.range("2025-P12")).isEqualTo(range("2025-11-24", "2025-12-28"));
    }

    @Test
    void a454QuarterHasItsFiveWeeksInTheMiddle() {
        assertThat(FOUR_FIVE_FOUR.range("2026-P01")).isEqualTo(range("2025-12-29", "2026-01-25"));
        assertThat(FOUR_FIVE_FOUR.range("2026-P02")).isEqualTo(range("2026-01-26", "2026-03-01"));
        assertThat(FOUR_FIVE_FOUR.range("2026-P03")).isEqualTo(range("2026-03-02", "2026-03-29"));
        assertThat(FOUR_FIVE_FOUR.range("2026-P12")).isEqualTo(range("2026-11-30", "2026-12-27"));
        assertThat(FOUR_FIVE_FOUR.period(date("2026-02-28"))).isEqualTo("2026-P02");
    }

    @Test
    void a544QuarterHasItsFiveWeeksFirst() {
        assertThat(FIVE_FOUR_FOUR.range("2026-P01")).isEqualTo(range("2025-12-29", "2026-02-01"));
        assertThat(FIVE_FOUR_FOUR.range("2026-P02")).isEqualTo(range("2026-02-02", "2026-03-01"));
        assertThat(FIVE_FOUR_FOUR.range("2026-P03")).isEqualTo(range("2026-03-02", "2026-03-29"));
        assertThat(FIVE_FOUR_FOUR.range("2026-P12")).isEqualTo(range("2026-11-30", "2026-12-27"));
        assertThat(FIVE_FOUR_FOUR.period(date("2026-01-30"))).isEqualTo("2026-P01");
    }

    @Test
    void theFiscalPeriodIsTakenInThePlantsTimeZone() {
        // 2026-01-26T03:00Z is 2026-01-25T22:00 in New York (EST, UTC−5): still P01 there, P02 in UTC
        Instant at = Instant.parse("2026-01-26T03:00:00Z");
        assertThat(FOUR_FOUR_FIVE.period(at, ZoneId.of("America/New_York"))).isEqualTo("2026-P01");
        assertThat(FOUR_FOUR_FIVE.period(at, ZoneId.of("UTC"))).isEqualTo("2026-P02");
    }

    @Test
    void thePeriodBeforeP01IsThePreviousYearsP12() {
        assertThat(FOUR_FOUR_FIVE.previous("2026-P01")).isEqualTo("2025-P12");
        assertThat(FOUR_FOUR_FIVE.previous("2026-P02")).isEqualTo("2026-P01");
        assertThat(FOUR_FOUR_FIVE.previous("2026-P10")).isEqualTo("2026-P09");
        assertThat(FOUR_FOUR_FIVE.range(FOUR_FOUR_FIVE.previous("2027-P01")).last()).isEqualTo(date("2026-12-27"));
    }

    @Test
    void calendarMonthsAreTheDefaultAndBehaveAsPeriodsDoes() {
        assertThat(FiscalCalendar.parse(null)).isSameAs(FiscalCalendar.CALENDAR);
        assertThat(FiscalCalendar.parse("calendar").isCalendarMonths()).isTrue();
        assertThat(FiscalCalendar.CALENDAR.period(date("2026-01-25"))).isEqualTo("2026-01");
        assertThat(FiscalCalendar.CALENDAR.period(Instant.parse("2026-11-01T02:30:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo("2026-10");
        assertThat(FiscalCalendar.CALENDAR.range("2028-02")).isEqualTo(range("2028-02-01", "2028-02-29"));
        assertThat(FiscalCalendar.CALENDAR.previous("2026-01")).isEqualTo("2025-12");
    }

    @Test
    void eachCalendarAcceptsItsOwnPeriodsOnly() {
        assertThat(FOUR_FOUR_FIVE.isValid("2026-P01")).isTrue();
        assertThat(FOUR_FOUR_FIVE.isValid("2026-P12")).isTrue();
        assertThat(FOUR_FOUR_FIVE.isValid("2026-P13")).isFalse();
        assertThat(FOUR_FOUR_FIVE.isValid("2026-P00")).isFalse();
        assertThat(FOUR_FOUR_FIVE.isValid("2026-P1")).isFalse();
        assertThat(FOUR_FOUR_FIVE.isValid("2026-01")).isFalse();
        assertThat(FOUR_FOUR_FIVE.isValid(null)).isFalse();
        assertThat(FiscalCalendar.CALENDAR.isValid("2026-01")).isTrue();
        assertThat(FiscalCalendar.CALENDAR.isValid("2026-P01")).isFalse();
        assertThatThrownBy(() -> FOUR_FOUR_FIVE.previous("2026-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-Pnn");
        assertThatThrownBy(() -> FiscalCalendar.CALENDAR.range("2026-P01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-MM");
    }

    @Test
    void eitherFormIsAPeriodInTheAbstract() {
        assertThat(FiscalCalendar.isPeriod("2026-10")).isTrue();
        assertThat(FiscalCalendar.isPeriod("2026-P10")).isTrue();
        assertThat(FiscalCalendar.isPeriod("2026-13")).isFalse();
        assertThat(FiscalCalendar.isPeriod("2026-P13")).isFalse();
        assertThat(FiscalCalendar.isPeriod("October")).isFalse();
        assertThat(FiscalCalendar.isPeriod(null)).isFalse();
    }

    @Test
    void aSettingKeepsItsTextAndEqualsTheSameText() {
        assertThat(FOUR_FOUR_FIVE.setting()).isEqualTo("4-4-5@2025-12-29");
        assertThat(FiscalCalendar.parse("4-4-5@2025-12-29")).isEqualTo(FOUR_FOUR_FIVE).isNotEqualTo(FOUR_FIVE_FOUR);
    }

    @Test
    void aBadSettingIsNamedWithTheAcceptedForms() {
        for (String bad : new String[] { "", "4-4-5", "445@2025-12-29", "4-4-4@2025-12-29", "4-4-5@2025-02-30",
                "4-4-5@29.12.2025", "Calendar", "4-4-5@2025-12-29 " }) {
            assertThatThrownBy(() -> FiscalCalendar.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("must be calendar, 4-4-5@YYYY-MM-DD, 4-5-4@YYYY-MM-DD or 5-4-4@YYYY-MM-DD "
                            + "(the first day of a fiscal year), not " + bad);
        }
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static Range range(String first, String last) {
        return new Range(date(first), date(last));
    }

    private static long days(Range range) {
        return ChronoUnit.DAYS.between(range.first(), range.last()) + 1;
    }
}
