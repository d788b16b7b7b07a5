package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
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
@RegisterForReflection(targets = { AlertRequests.Rule.class, AlertRequests.Member.class, AlertRequests.Audience.class })
public final class AlertRequests {

    private AlertRequests() {
    }

    /**
     * A threshold rule. This version watches the cost of one defect code in a plant's open period; quantity metrics and
     * shift, day and week windows are refused with a clear error until they are built.
     */
    public record Rule(@NotBlank @Code String plant, @NotBlank @Code String defectCode,
            @NotNull @Pattern(regexp = "cost", message = "only cost is supported in this version") String metric,
            @NotNull @Pattern(regexp = "period", message = "only period is supported in this version") String window,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal threshold,
            @NotBlank @Code String audience, Boolean enabled) {
    }

    public record Member(@Size(max = InputRules.NAME_MAX) String name, @NotBlank @Code String role,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number such as +1 937 555 0100") String phone,
            @Size(max = 2000) String webhookUrl, @Size(max = 100) List<@NotNull @Code String> lines) {
    }

    public record Audience(@NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {
    }
}
