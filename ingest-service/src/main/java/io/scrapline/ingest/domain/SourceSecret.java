package io.scrapline.ingest.domain;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A newly issued webhook secret, shown this once: Scrapline answers with it when a source is created or its secret
 * rotated, and never again. {@code previousSecretExpiresAt} is when the secret it replaced stops being accepted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record SourceSecret(String source, String description, OffsetDateTime createdAt, String webhookSecret,
        OffsetDateTime secretRotatedAt, OffsetDateTime previousSecretExpiresAt) {
}
