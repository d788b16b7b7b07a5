package io.scrapline.alert.domain;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.scrapline.platform.problem.FieldError;

/**
 * The settings of notices as written: each field checked on its own by the request's constraints, and together, with
 * the time zone, by {@link #errors()}. {@code digest} is {@code daily} or {@code off} (off when left out);
 * {@code sendAt} ({@code HH:MM}, 07:00 when left out) and {@code timeZone} (an IANA zone, required) belong to a daily
 * digest only.
 */
public record ReferenceNoticeInput(String audience, Boolean enabled, String digest, String sendAt, String timeZone) {

    /** Every error the fields make together, named by field. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (daily()) {
            if (timeZone == null) {
                errors.add(new FieldError(null, "time_zone", "is required with a daily digest"));
            } else if (zone() == null) {
                errors.add(new FieldError(null, "time_zone", "unknown IANA time zone " + timeZone));
            }
        } else {
            if (sendAt != null) {
                errors.add(new FieldError(null, "send_at", "only a daily digest has a send time"));
            }
            if (timeZone != null) {
                errors.add(new FieldError(null, "time_zone", "only a daily digest has a time zone"));
            }
        }
        return errors;
    }

    public boolean daily() {
        return ReferenceNoticeSettings.DAILY.equals(digest);
    }

    /** The local time the digest goes out at; null without a digest. */
    public LocalTime digestAt() {
        if (!daily()) {
            return null;
        }
        return sendAt == null ? ReferenceNoticeSettings.DEFAULT_DIGEST_AT : LocalTime.parse(sendAt);
    }

    /** The digest's time zone; null without a digest or when it is no zone. */
    public ZoneId zone() {
        if (!daily() || timeZone == null) {
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
