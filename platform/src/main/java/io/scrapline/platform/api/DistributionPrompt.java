package io.scrapline.platform.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;

/**
 * reporting-service to alert-service: the close of this plant-period stored this version of its report; distribute it
 * to the month-end subscriptions. Reporting prompts for version 1, the close, only.
 */
@RegisterForReflection
public record DistributionPrompt(@NotBlank @Code String plant,
        @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2]|P(0[1-9]|1[0-2]))", message = "must be a period YYYY-MM or YYYY-Pnn") String period,
        @Min(1) int version) {
}
