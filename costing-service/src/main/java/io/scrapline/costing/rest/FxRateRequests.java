package io.scrapline.costing.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Bodies of the FX-rate endpoints. */
@RegisterForReflection(targets = { FxRateRequests.FxRate.class, FxRateRequests.StoredFxRate.class })
public final class FxRateRequests {

    private FxRateRequests() {
    }

    /** One rate: 1 unit of {@code from} is {@code rate} units of {@code to}. Checked as a whole by the service. */
    public record FxRate(String from, String to, String period, BigDecimal rate, String kind) {
    }

    public record StoredFxRate(String from, String to, String period, BigDecimal rate, String kind,
            OffsetDateTime updatedAt) {
    }
}
