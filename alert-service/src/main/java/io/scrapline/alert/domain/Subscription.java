package io.scrapline.alert.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An audience's subscription to the report of a plant, or of every plant of the tenant ({@link #EVERY_PLANT}): daily
 * (the period to date through the day before, sent at {@code sendAt} in the plant's time zone), weekly (the week to
 * date through the day before, sent on {@code weekday} at {@code sendAt}) or at month-end (version 1 of a closed
 * period, right after the close; no send time), in some of the formats {@link #PDF}, {@link #XLSX} (attached) and
 * {@link #HTML_LINK} (a link to the report's page).
 */
public record Subscription(String id, String audience, String plant, String cadence, List<String> formats,
        LocalTime sendAt, DayOfWeek weekday, boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        String updatedBy) {

    public static final String EVERY_PLANT = "*";
    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    public static final String MONTH_END = "month_end";
    public static final String PDF = "pdf";
    public static final String XLSX = "xlsx";
    public static final String HTML_LINK = "html_link";
    /** When a daily or weekly report goes out unless the subscription says otherwise. */
    public static final LocalTime DEFAULT_SEND_AT = LocalTime.of(6, 0);
    /** The day a weekly report goes out unless the subscription says otherwise: the week before, whole. */
    public static final DayOfWeek DEFAULT_WEEKDAY = DayOfWeek.MONDAY;

    public Subscription {
        formats = List.copyOf(formats);
    }

    public boolean everyPlant() {
        return EVERY_PLANT.equals(plant);
    }
}
