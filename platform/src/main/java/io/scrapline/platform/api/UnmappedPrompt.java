package io.scrapline.platform.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/**
 * costing-service to alert-service, after a commit: costing parked events of these source values because no
 * cross-reference maps them; tell the people who keep the cross-references of those that are new. At most
 * {@link #MAX_VALUES}: a run that parked more names none (an empty list), and alert-service then looks at every value
 * parked.
 */
@RegisterForReflection
public record UnmappedPrompt(@NotNull @Size(max = MAX_VALUES) List<@Valid @NotNull Value> values) {

    /** The most values one prompt names. */
    public static final int MAX_VALUES = 1000;

    public static final String UNMAPPED_PART = "unmapped_part";
    public static final String UNMAPPED_DEFECT_CODE = "unmapped_defect_code";

    /**
     * A source value without a cross-reference: the exception's {@code reason} ({@code unmapped_part} or
     * {@code unmapped_defect_code}), the source system and the source's part number or defect code.
     */
    @RegisterForReflection
    public record Value(
            @NotNull @Pattern(regexp = UNMAPPED_PART + "|"
                    + UNMAPPED_DEFECT_CODE, message = "must be unmapped_part or unmapped_defect_code") String reason,
            @NotBlank @Code String source, @NotBlank @Size(max = InputRules.NAME_MAX) String value) {
    }
}
