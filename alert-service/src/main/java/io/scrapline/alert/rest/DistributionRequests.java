package io.scrapline.alert.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/** Request bodies of the distribution endpoints. */
@RegisterForReflection(targets = { DistributionRequests.Subscription.class })
public final class DistributionRequests {

    private DistributionRequests() {
    }

    /**
     * An audience's subscription to a plant's report ({@code *}: every plant's): {@code cadence} {@code daily},
     * {@code weekly} or {@code month_end}; {@code formats} some of {@code pdf}, {@code xlsx}, {@code html_link}
     * (checked with what the fields say together, so that a wrong one is named {@code formats}); {@code send_at} the
     * plant's local time for daily and weekly (06:00 when left out); {@code weekday} the day of a weekly one (monday
     * when left out).
     */
    public record Subscription(@NotBlank @Code String audience,
            @NotBlank @Pattern(regexp = "\\*|"
                    + InputRules.CODE, message = "must be a plant code, or * for every plant") String plant,
            @NotNull @Pattern(regexp = "daily|weekly|month_end", message = "must be daily, weekly or month_end") String cadence,
            @NotNull @Size(min = 1, max = 3, message = "must name 1 to 3 formats") List<String> formats,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time HH:MM") String sendAt,
            @Pattern(regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday", message = "must be a day of the week: monday to sunday") String weekday,
            Boolean enabled) {
    }
}
