package io.scrapline.reporting.domain;

import java.time.Instant;
import java.time.ZoneId;

import io.scrapline.platform.period.FiscalCalendar;

/**
 * When a plant's periods close on schedule: at the first midnight after the period's last day, in the plant's time zone
 * and by its fiscal calendar (architecture.md, "Flow of one event", step 4).
 */
public final class CloseSchedule {

    private CloseSchedule() {
    }

    /** The period that has most recently ended at {@code now}: the one before the period that contains it. */
    public static String duePeriod(FiscalCalendar calendar, ZoneId zone, Instant now) {
        return calendar.previous(calendar.period(now, zone));
    }

    /** The instant a period ends, from which it may be closed. */
    public static Instant endOf(FiscalCalendar calendar, ZoneId zone, String period) {
        return calendar.range(period).last().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
