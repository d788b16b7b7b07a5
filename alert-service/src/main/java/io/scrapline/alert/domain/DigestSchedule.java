package io.scrapline.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When the daily digest of open exceptions falls due: at a local time of a time zone. Only the latest due digest is
 * ever named, by the day it goes out on, so after an outage it goes out once, not once per day missed.
 */
public final class DigestSchedule {

    /** The digest of {@code day}, due at {@code dueAt}. */
    public record Due(LocalDate day, Instant dueAt) {
    }

    private DigestSchedule() {
    }

    /**
     * The latest digest at or before {@code now}: today's once {@code sendAt} has passed, else yesterday's. A time a
     * clock change skips is taken as the hour after.
     */
    public static Due latest(LocalTime sendAt, ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        Instant due = day.atTime(sendAt).atZone(zone).toInstant();
        if (due.isAfter(now)) {
            day = day.minusDays(1);
            due = day.atTime(sendAt).atZone(zone).toInstant();
        }
        return new Due(day, due);
    }
}
