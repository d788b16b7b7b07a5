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

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertRequests.Rule.class, AlertRequests.Member.class, AlertRequests.Audience.class })
public final class AlertRequests {

    private AlertRequests() {
    }

    /**
     * A threshold rule. This version watches the cost of one defect code in a plant's open period; quantity metrics and
     * shift, day and week windows are refused with a clear error until they are built.
     */
    public record Rule(@NotBlank String plant, @NotBlank String defectCode,
            @NotNull @Pattern(regexp = "cost", message = "only cost is supported in this version") String metric,
            @NotNull @Pattern(regexp = "period", message = "only period is supported in this version") String window,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal threshold, @NotBlank String audience,
            Boolean enabled) {
    }

    public record Member(String name, @NotBlank String role, @NotBlank @Email String email, String phone,
            String webhookUrl, List<String> lines) {
    }

    public record Audience(@NotNull @NotEmpty List<@Valid @NotNull Member> members) {
    }
}
