package io.scrapline.alert.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.scrapline.alert.domain.Notice.Level;

/**
 * When a recipient gets an alert, and whether alone or in a digest: a critical alert at once; a warning at once or, for
 * a member who asked for a digest, with the others of the hour at its end; either way a warning due in the member's
 * quiet hours waits until they end.
 *
 * @param due
 *            when the delivery is first due
 * @param digestFrom
 *            the start of the digest's hour, null for an alert of its own; likewise {@code digestUntil}, its end
 * @param zone
 *            the member's time zone (their quiet hours'), else UTC: digests' hours and times are in it
 */
public record DeliveryPlan(Instant due, Instant digestFrom, Instant digestUntil, ZoneId zone) {

    public DeliveryPlan {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean digest() {
        return digestUntil != null;
    }

    public static DeliveryPlan of(Level level, Member member, Instant now) {
        QuietHours quiet = member.quietHours();
        ZoneId zone = quiet == null ? ZoneOffset.UTC : quiet.zone();
        if (level == Level.CRITICAL) {
            return new DeliveryPlan(now, null, null, zone);
        }
        if (!member.hourlyDigest()) {
            return new DeliveryPlan(afterQuietHours(quiet, now), null, null, zone);
        }
        ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        Instant until = hour.plusHours(1).toInstant();
        return new DeliveryPlan(afterQuietHours(quiet, until), hour.toInstant(), until, zone);
    }

    private static Instant afterQuietHours(QuietHours quiet, Instant at) {
        return quiet == null ? at : quiet.endOf(at).orElse(at);
    }
}
