package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.WindowKind;
import io.scrapline.platform.period.FiscalCalendar;

/** Which window instances a change reaches, in the plant's zone and calendar, and what each instance's key means. */
class WindowPlannerTest {

    private static final ZoneId DAYTON = ZoneId.of("America/New_York");
    /** Thursday 2026-05-14, 15:32 in Dayton. */
    private static final Instant NOW = ZonedDateTime.of(2026, 5, 14, 15, 32, 0, 0, DAYTON).toInstant();
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void dayAndShiftWindowsCoverTheDaysTheEventsOccurredOnInThePlantsZone() {
        Touch touch = touch(at(2026, 5, 12, 23, 30), at(2026, 5, 13, 0, 30));
        WindowTarget day = WindowPlanner.target(rule(RuleWindow.DAY, 0), touch, NOW, WEEK).orElseThrow();
        assertThat(day.rangeStart()).isEqualTo(at(2026, 5, 12, 0, 0));
        assertThat(day.rangeEnd()).isEqualTo(at(2026, 5, 14, 0, 0));
        assertThat(day.period()).isNull();
        assertThat(WindowPlanner.target(rule(RuleWindow.SHIFT, 0), touch, NOW, WEEK).orElseThrow().rangeEnd())
                .isEqualTo(at(2026, 5, 14, 0, 0));
    }

    @Test
    void aWeekRunsFromMondayToSunday() {
        WindowTarget week = WindowPlanner.target(rule(RuleWindow.WEEK_TO_DATE, 0),
                touch(at(2026, 5, 13, 10, 0), at(2026, 5, 13, 11, 0)), NOW, WEEK).orElseThrow();
        assertThat(week.rangeStart()).isEqualTo(at(2026, 5, 11, 0, 0));
        assertThat(week.rangeEnd()).isEqualTo(at(2026, 5, 18, 0, 0));
    }

    @Test
    void windowsThatEndedLongerAgoThanTheHorizonAreNotEvaluated() {
        Touch history = touch(at(2026, 4, 1, 8, 0), at(2026, 4, 30, 8, 0));
        assertThat(WindowPlanner.target(rule(RuleWindow.DAY, 0), history, NOW, WEEK)).isEmpty();
        Touch mixed = touch(at(2026, 4, 1, 8, 0), at(2026, 5, 13, 8, 0));
        assertThat(WindowPlanner.target(rule(RuleWindow.DAY, 0), mixed, NOW, WEEK).orElseThrow().rangeStart())
                .isEqualTo(at(2026, 5, 7, 0, 0));
        // An event of Wednesday 6 May, more than seven days ago, in a week that ended less than seven days ago.
        Touch lastWeek = touch(at(2026, 5, 6, 9, 0), at(2026, 5, 6, 9, 0));
        assertThat(WindowPlanner.target(rule(RuleWindow.DAY, 0), lastWeek, NOW, WEEK)).isEmpty();
        assertThat(
                WindowPlanner.target(rule(RuleWindow.WEEK_TO_DATE, 0), lastWeek, NOW, WEEK).orElseThrow().rangeStart())
                        .isEqualTo(at(2026, 5, 4, 0, 0));
    }

    @Test
    void withoutTimesAChangeReachesTheWindowsOfTheLastDay() {
        WindowTarget day = WindowPlanner.target(rule(RuleWindow.DAY, 0), Touch.current(), NOW, WEEK).orElseThrow();
        assertThat(day.rangeStart()).isEqualTo(at(2026, 5, 13, 0, 0));
        assertThat(day.rangeEnd()).isEqualTo(at(2026, 5, 15, 0, 0));
    }

    @Test
    void thePeriodToDateIsTheBookingPeriodWithTwiceTheTrailingPeriodsBehindIt() {
        WindowTarget named = WindowPlanner.target(rule(RuleWindow.PERIOD_TO_DATE, 3),
                new Touch("DAY1", "2026-03", null, null, null, null, null, null), NOW, WEEK).orElseThrow();
        assertThat(named.period()).isEqualTo("2026-03");
        assertThat(named.lookbackPeriod()).isEqualTo("2025-09");
        assertThat(named.rangeStart()).isEqualTo(at(2026, 3, 1, 0, 0));
        assertThat(named.rangeEnd()).isEqualTo(at(2026, 4, 1, 0, 0));

        WindowTarget current = WindowPlanner.target(rule(RuleWindow.PERIOD_TO_DATE, 0), Touch.current(), NOW, WEEK)
                .orElseThrow();
        assertThat(current.period()).isEqualTo("2026-05");
        assertThat(current.lookbackPeriod()).isEqualTo("2026-05");
    }

    @Test
    void aFiscalPlantsPeriodIsOfItsCalendar() {
        CandidateRule fiscal = new CandidateRule("r", null, "DAY1", null, "USD", DAYTON,
                FiscalCalendar.parse("4-4-5@2025-12-29"), null, null, null, null, null, Metric.COST,
                RuleWindow.PERIOD_TO_DATE, null, 1);
        WindowTarget target = WindowPlanner.target(fiscal, Touch.current(), NOW, WEEK).orElseThrow();
        assertThat(target.period()).isEqualTo("2026-P05");
        assertThat(target.lookbackPeriod()).isEqualTo("2026-P03");
        assertThat(WindowPlanner.target(fiscal, new Touch("DAY1", "2026-05", null, null, null, null, null, null), NOW,
                WEEK)).as("a period of the other calendar").isEmpty();
    }

    @Test
    void aRollingWindowIsTheLastHoursKeyedByItsBlock() {
        CandidateRule rolling = new CandidateRule("r", null, "DAY1", null, "USD", DAYTON, FiscalCalendar.CALENDAR, null,
                null, null, null, null, Metric.QUANTITY, RuleWindow.ROLLING_HOURS, 4, 0);
        WindowTarget target = WindowPlanner.target(rolling, touch(NOW.minusSeconds(600), NOW), NOW, WEEK).orElseThrow();
        assertThat(target.rangeStart()).isEqualTo(NOW.minus(Duration.ofHours(4)));
        assertThat(target.rangeEnd()).isEqualTo(NOW);
        // 15:32 in Dayton is 19:32 UTC, in the block of four hours from 16:00 UTC.
        assertThat(target.rollingKey()).isEqualTo("rolling/4h/2026-05-14T16:00:00Z");
        assertThat(WindowPlanner.target(rolling, touch(NOW.minus(Duration.ofHours(6)), NOW.minus(Duration.ofHours(5))),
                NOW, WEEK)).as("events older than the window").isEmpty();
    }

    @Test
    void anInstanceKeyNamesItsWindowInThePlantsZone() {
        WindowInstance shift = WindowPlanner.instance(rule(RuleWindow.SHIFT, 0), "shift/2026-05-13/B",
                at(2026, 5, 13, 14, 5), at(2026, 5, 13, 21, 40), NOW);
        assertThat(shift.shift()).isEqualTo("B");
        assertThat(shift.period()).isEqualTo("2026-05");
        assertThat(shift.window().kind()).isEqualTo(WindowKind.SHIFT);
        assertThat(shift.window().label()).isEqualTo("B");
        assertThat(shift.window().start()).isEqualTo(ZonedDateTime.of(2026, 5, 13, 14, 5, 0, 0, DAYTON));

        WindowInstance week = WindowPlanner.instance(rule(RuleWindow.WEEK_TO_DATE, 0), "week/2026-05-11",
                at(2026, 5, 12, 9, 0), at(2026, 5, 13, 9, 0), NOW);
        assertThat(week.window().start()).isEqualTo(ZonedDateTime.of(2026, 5, 11, 0, 0, 0, 0, DAYTON));
        assertThat(week.window().end()).as("to date").isEqualTo(NOW.atZone(DAYTON));

        WindowInstance day = WindowPlanner.instance(rule(RuleWindow.DAY, 0), "day/2026-05-12", at(2026, 5, 12, 9, 0),
                at(2026, 5, 12, 9, 0), NOW);
        assertThat(day.window().end()).isEqualTo(ZonedDateTime.of(2026, 5, 13, 0, 0, 0, 0, DAYTON));

        WindowInstance period = WindowPlanner.instance(rule(RuleWindow.PERIOD_TO_DATE, 0), "period/2026-04",
                at(2026, 4, 2, 9, 0), at(2026, 4, 29, 9, 0), NOW);
        assertThat(period.window().label()).isEqualTo("2026-04");
        assertThat(period.window().kind()).isEqualTo(WindowKind.PERIOD_TO_DATE);
        assertThat(period.window().end()).isEqualTo(ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, DAYTON));
    }

    private static CandidateRule rule(RuleWindow window, int trailing) {
        return new CandidateRule("r", null, "DAY1", "Dayton", "USD", DAYTON, FiscalCalendar.CALENDAR, null, null, null,
                null, null, Metric.COST, window, null, trailing);
    }

    private static Touch touch(Instant from, Instant to) {
        return new Touch("DAY1", null, null, null, null, null, from, to);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, DAYTON).toInstant();
    }
}
