package io.scrapline.alert.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/** Request bodies of the audience endpoints. */
@RegisterForReflection(targets = { AudienceRequests.Member.class, AudienceRequests.Quiet.class,
        AudienceRequests.Audience.class })
public final class AudienceRequests {

    private AudienceRequests() {
    }

    /**
     * A member and the channels that reach them: any of an email address, a phone number for SMS (E.164 once spaces,
     * dots, dashes and brackets are left out) and a webhook URL with its format ({@code generic}, {@code slack} or
     * {@code teams}); quiet hours, in which warnings wait; {@code digest} {@code hourly} to get warnings as one message
     * an hour; {@code lines} to hear only of those lines' alerts.
     */
    public record Member(@Size(max = InputRules.NAME_MAX) String name, @NotBlank @Code String role,
            @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number such as +1 937 555 0100") String phone,
            @Size(max = 2000) String webhookUrl,
            @Pattern(regexp = "generic|slack|teams", message = "must be generic, slack or teams") String webhookFormat,
            @Valid Quiet quietHours, @Pattern(regexp = "hourly|off", message = "must be hourly or off") String digest,
            @Size(max = 100) List<@NotNull @Code String> lines) {

        AlertInputs.Member input() {
            return new AlertInputs.Member(name, role, email, phone, webhookUrl, webhookFormat,
                    quietHours == null ? null
                            : new AlertInputs.Quiet(quietHours.timeZone(), quietHours.start(), quietHours.end()),
                    digest, lines);
        }
    }

    /** Quiet hours: from {@code start} to {@code end} ({@code HH:MM}, over midnight when end is earlier) each day. */
    public record Quiet(@NotBlank @Size(max = 64) String timeZone, @NotBlank @Size(max = 5) String start,
            @NotBlank @Size(max = 5) String end) {
    }

    public record Audience(@NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {

        AlertInputs.Audience input() {
            return new AlertInputs.Audience(members.stream().map(Member::input).toList());
        }
    }
}
