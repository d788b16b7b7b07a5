package io.scrapline.costing.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/** Request bodies of the reference-data endpoints. */
@RegisterForReflection(targets = { ReferenceRequests.PlantRequest.class, ReferenceRequests.PartXref.class,
        ReferenceRequests.DefectCodeXref.class, ReferenceRequests.DefectCode.class })
public final class ReferenceRequests {

    private ReferenceRequests() {
    }

    /** Checked as a whole by the service, so that every bad field is named at once. */
    public record PlantRequest(String name, String currency, String timeZone, String fiscalCalendar) {
    }

    public record PartXref(@NotBlank @Size(max = InputRules.NAME_MAX) String sourcePart, @NotBlank @Code String part,
            @NotNull LocalDate effectiveFrom) {
    }

    public record DefectCodeXref(@NotBlank @Size(max = InputRules.NAME_MAX) String sourceCode,
            @NotBlank @Code String defectCode) {
    }

    public record DefectCode(@NotBlank @Code String code, @NotBlank @Size(max = InputRules.TEXT_MAX) String description,
            @NotBlank @Size(max = InputRules.NAME_MAX) String category,
            @NotBlank @Pattern(regexp = "prevention|appraisal|internal_failure|external_failure", message = "must be prevention, appraisal, internal_failure or external_failure") String coqClass) {
    }
}
