package io.scrapline.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a member is not to be woken: from {@code start} to {@code end}, local time in {@code zone}, every day; a span
 * whose end is not after its start runs over midnight (22:00 to 06:00). A warning that comes due in it waits until it
 * ends; a critical alert does not wait.
 */
public record QuietHours(ZoneId zone, LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours end when they start");
        }
    }

    /** When the quiet hours that {@code at} falls in end, or nothing when {@code at} is outside them. */
    public Optional<Instant> endOf(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overnight = end.isBefore(start);
        if (!overnight) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(day, end)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(day.plusDays(1), end));
        }
        return time.isBefore(end) ? Optional.of(at(day, end)) : Optional.empty();
    }

    /** {@code 22:00-06:00 America/Chicago}. */
    public String text() {
        return start + "-" + end + " " + zone.getId();
    }

    /** A local time on a day; a time that a clock change skips is taken at the first instant after the gap. */
    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
