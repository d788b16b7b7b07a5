package io.scrapline.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request bodies of the source-system endpoints. */
@RegisterForReflection(targets = { SourceRequests.NewSource.class })
public final class SourceRequests {

    /** A source name as it appears in the URLs of the ingest endpoints. */
    public static final String SOURCE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String SOURCE_NAME_RULE = "must be 1-64 letters, digits, '.', '_' or '-'";

    private SourceRequests() {
    }

    public record NewSource(@NotBlank @Pattern(regexp = SOURCE_NAME, message = SOURCE_NAME_RULE) String source,
            @Size(max = 500) String description) {
    }
}
