package io.scrapline.alert.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import io.scrapline.platform.period.FiscalCalendar;

/**
 * When the daily and weekly reports of a plant fall due, in the plant's time zone. Only the latest due run is ever
 * named: a service that was down over several send times sends the latest report once, not one per day it missed, and
 * since a run is named by the day its report is as of, a run already queued is never queued again.
 */
public final class DistributionSchedule {

    /**
     * A run that has fallen due: its key, when it fell due, and what it sends: the period to date through {@code asOf}
     * (daily; {@code period} is the period of that day) or the week to date from Monday {@code weekStart} through
     * {@code asOf} (weekly).
     */
    public record Due(String runKey, Instant dueAt, String period, LocalDate weekStart, LocalDate asOf) {
    }

    private DistributionSchedule() {
    }

    /**
     * The latest daily run at or before {@code now}: today's at {@code sendAt} once that has passed, else yesterday's;
     * its report is as of the day before it goes out.
     */
    public static Due daily(LocalTime sendAt, ZoneId zone, FiscalCalendar calendar, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        if (at(day, sendAt, zone).isAfter(now)) {
            day = day.minusDays(1);
        }
        LocalDate asOf = day.minusDays(1);
        return new Due("daily:" + asOf, at(day, sendAt, zone), calendar.period(asOf), null, asOf);
    }

    /**
     * The latest weekly run at or before {@code now}: on {@code weekday} at {@code sendAt}; its report is the week to
     * date through the day before it goes out (the whole week before, when it goes out on a Monday).
     */
    public static Due weekly(DayOfWeek weekday, LocalTime sendAt, ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(weekday));
        if (at(day, sendAt, zone).isAfter(now)) {
            day = day.minusWeeks(1);
        }
        LocalDate asOf = day.minusDays(1);
        LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Due("weekly:" + weekName(monday), at(day, sendAt, zone), null, monday, asOf);
    }

    /** The key of the month-end run of a closed period's version. */
    public static String monthEndKey(String period, int version) {
        return "month_end:" + period + ":v" + version;
    }

    /** The ISO week of a day, as 2026-W46. */
    public static String weekName(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The instant a local time of a day is in a zone; a time a clock change skips is taken as the hour after. */
    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }
}
