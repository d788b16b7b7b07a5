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
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/** Request bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertRequests.Member.class, AlertRequests.Audience.class })
public final class AlertRequests {

    private AlertRequests() {
    }

    public record Member(@Size(max = InputRules.NAME_MAX) String name, @NotBlank @Code String role,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number such as +1 937 555 0100") String phone,
            @Size(max = 2000) String webhookUrl, @Size(max = 100) List<@NotNull @Code String> lines) {
    }

    public record Audience(@NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {
    }
}
