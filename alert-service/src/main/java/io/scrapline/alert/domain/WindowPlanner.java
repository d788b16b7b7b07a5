package io.scrapline.alert.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.platform.period.FiscalCalendar;

/**
 * Which window instances of a rule a {@link Touch} can have moved, and what an instance's key stands for. Windows are
 * in the plant's time zone: a day from midnight to midnight; a week from Monday; a shift instance is a day and a shift
 * code (the date its events occurred on, so a shift across midnight counts on each of its two days); the period to date
 * is the booking period of the plant's fiscal calendar; a rolling window is the last N hours, its alerts keyed by the
 * N-hour block (from the epoch) that the evaluation falls in, so that it alerts at most once per block.
 */
public final class WindowPlanner {

    /** Without a time range (the sweep, or a prompt that names none): the windows of the last day. */
    static final Duration CURRENT = Duration.ofDays(1);

    private WindowPlanner() {
    }

    /**
     * The instances of {@code rule} that {@code touch} reaches at {@code now}; none when they all ended longer than
     * {@code maxAge} ago (a load of history alerts nobody) or, for a rolling window, before the last N hours.
     */
    public static Optional<WindowTarget> target(CandidateRule rule, Touch touch, Instant now, Duration maxAge) {
        ZoneId zone = rule.zone();
        FiscalCalendar calendar = rule.calendar();
        switch (rule.window()) {
            case PERIOD_TO_DATE -> {
                String period = touch.period() != null ? touch.period() : calendar.period(now, zone);
                if (!calendar.isValid(period)) {
                    return Optional.empty();
                }
                FiscalCalendar.Range range = calendar.range(period);
                String lookback = period;
                for (int i = 0; i < 2 * rule.maxTrailing(); i++) {
                    lookback = calendar.previous(lookback);
                }
                return Optional.of(new WindowTarget(rule, range.first().atStartOfDay(zone).toInstant(),
                        range.last().plusDays(1).atStartOfDay(zone).toInstant(), period, lookback, null));
            }
            case ROLLING_HOURS -> {
                Duration length = Duration.ofHours(rule.windowHours());
                Instant start = now.minus(length);
                if (touch.to() != null && touch.to().isBefore(start)) {
                    return Optional.empty();
                }
                long block = length.toSeconds();
                Instant blockStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), block) * block);
                return Optional.of(new WindowTarget(rule, start, now, null, null,
                        "rolling/" + rule.windowHours() + "h/" + blockStart));
            }
            default -> {
                Instant from = touch.from() != null ? touch.from() : now.minus(CURRENT);
                Instant to = touch.to() != null ? touch.to() : now;
                LocalDate first = from.atZone(zone).toLocalDate();
                LocalDate last = to.atZone(zone).toLocalDate();
                // The oldest instance still evaluated is the one the horizon falls in: it ends after the horizon.
                LocalDate oldest = now.minus(maxAge).atZone(zone).toLocalDate();
                if (rule.window() == RuleWindow.WEEK_TO_DATE) {
                    first = monday(first);
                    last = monday(last).plusDays(6);
                    oldest = monday(oldest);
                }
                if (first.isBefore(oldest)) {
                    first = oldest;
                }
                if (first.isAfter(last)) {
                    return Optional.empty();
                }
                return Optional.of(new WindowTarget(rule, first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant(), null, null, null));
            }
        }
    }

    /**
     * The instance of {@code rule}'s window that {@code key} names, its events having occurred from {@code firstAt} to
     * {@code lastAt}: a window "to date" ends at {@code now} while it runs; a shift instance spans its events.
     */
    public static WindowInstance instance(CandidateRule rule, String key, Instant firstAt, Instant lastAt,
            Instant now) {
        ZoneId zone = rule.zone();
        FiscalCalendar calendar = rule.calendar();
        String[] parts = key.split("/", 3);
        ZonedDateTime end = now.atZone(zone);
        return switch (rule.window()) {
            case PERIOD_TO_DATE -> {
                FiscalCalendar.Range range = calendar.range(parts[1]);
                yield new WindowInstance(key, new Window(rule.window().kind(), range.first().atStartOfDay(zone),
                        earlier(range.last().plusDays(1).atStartOfDay(zone), end), parts[1]), parts[1], null);
            }
            case DAY, WEEK_TO_DATE -> {
                LocalDate day = LocalDate.parse(parts[1]);
                LocalDate next = rule.window() == RuleWindow.DAY ? day.plusDays(1) : day.plusWeeks(1);
                yield new WindowInstance(key, new Window(rule.window().kind(), day.atStartOfDay(zone),
                        earlier(next.atStartOfDay(zone), end), null), calendar.period(day), null);
            }
            case SHIFT -> new WindowInstance(key,
                    new Window(rule.window().kind(), firstAt.atZone(zone), lastAt.atZone(zone), parts[2]),
                    calendar.period(LocalDate.parse(parts[1])), parts[2]);
            case ROLLING_HOURS ->
                    new WindowInstance(key, new Window(rule.window().kind(), end.minusHours(rule.windowHours()), end,
                            "last " + rule.windowHours() + " hours"), calendar.period(now, zone), null);
        };
    }

    /** The Monday of the week of {@code day}. */
    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
