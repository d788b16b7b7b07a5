package io.scrapline.costing.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Bodies of the unit-conversion endpoints. */
@RegisterForReflection(targets = { UomConversionRequests.Conversion.class, UomConversionRequests.Stored.class })
public final class UomConversionRequests {

    private UomConversionRequests() {
    }

    /**
     * 1 {@code from} of the part is {@code factor} {@code to} (a decimal, a JSON string or number). Checked as a whole
     * by the service.
     */
    @Schema(name = "UomConversion")
    public record Conversion(String from, String to, BigDecimal factor) {
    }

    @Schema(name = "StoredUomConversion")
    public record Stored(String part, String from, String to, BigDecimal factor, OffsetDateTime updatedAt) {
    }
}
