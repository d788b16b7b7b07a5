package io.scrapline.alert.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;

/** Request bodies of the notices of unmapped source values. */
@RegisterForReflection(targets = { ReferenceNoticeRequests.Settings.class })
public final class ReferenceNoticeRequests {

    private ReferenceNoticeRequests() {
    }

    /**
     * Who hears of new unmapped source values: {@code audience}; {@code enabled} (true when left out); {@code digest}
     * {@code daily} or {@code off} (off when left out), with {@code send_at} (07:00 when left out) and
     * {@code time_zone} (an IANA zone) for a daily one, checked with what the fields say together.
     */
    public record Settings(@NotBlank @Code String audience, Boolean enabled,
            @Pattern(regexp = "daily|off", message = "must be daily or off") String digest,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time HH:MM") String sendAt,
            @Size(min = 1, max = 64, message = "must be an IANA time zone such as America/Chicago") String timeZone) {
    }
}
