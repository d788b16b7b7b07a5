package io.scrapline.alert.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.scrapline.alert.domain.Notice.Level;

/**
 * Several alerts sent as one message, e.g. those of an hour for a member who asked for a digest; times are shown in
 * {@code zone}, the member's.
 */
public record Digest(Instant from, Instant to, ZoneId zone, List<Notice> notices) {

    public Digest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        notices = List.copyOf(notices);
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("a digest holds at least one alert");
        }
    }

    public long critical() {
        return notices.stream().filter(notice -> notice.level() == Level.CRITICAL).count();
    }

    /** {@code 3 alerts (1 critical), 2026-05-14 14:00 to 15:00 (America/New_York)}. */
    public String headline() {
        int count = notices.size();
        long critical = critical();
        String from = Figures.time(this.from, zone);
        String to = Figures.time(this.to, zone);
        if (from.substring(0, 10).equals(to.substring(0, 10))) {
            to = to.substring(11);
        }
        return count + (count == 1 ? " alert" : " alerts") + (critical > 0 ? " (" + critical + " critical)" : "") + ", "
                + from + " to " + to + " (" + zone.getId() + ")";
    }
}
