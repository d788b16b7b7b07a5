package io.scrapline.alert.domain;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Who hears of new unmapped source values, for the whole tenant (the cross-references are shared by every plant): the
 * audience, whether notices are on, and the daily digest of open exceptions at a local time ({@code digestAt} and
 * {@code timeZone} null when it is off).
 *
 * @param enabledSince
 *            when notices last began: a value first parked before is not notified on its own
 * @param digestSince
 *            when the digest last began (null when it is off): a digest that fell due before is not sent
 */
public record ReferenceNoticeSettings(String audience, boolean enabled, LocalTime digestAt, ZoneId timeZone,
        OffsetDateTime enabledSince, OffsetDateTime digestSince, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        String updatedBy) {

    public static final String DAILY = "daily";
    public static final String OFF = "off";
    /** When the digest goes out unless the settings say otherwise. */
    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(7, 0);

    public boolean digest() {
        return digestAt != null;
    }
}
