package io.scrapline.alert.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;

/** Request bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertRequests.Rule.class, AlertRequests.Comment.class })
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

    /** An acknowledgement or resolution of an alert, with an optional comment. */
    public record Comment(@Size(max = 2000) String comment) {
    }
}
