package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.reporting.domain.ReportDifferences;

/** What the period endpoints answer. */
public final class PeriodResponses {

    private PeriodResponses() {
    }

    /**
     * A plant-period's close: {@code status} {@code closed} with the version in force, or the close job's
     * {@code queued}, {@code running} or {@code failed} with its attempts and last error.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record PeriodClose(String plant, String period, String status, Integer version, OffsetDateTime closedAt,
            String closedBy, Integer attempts, String lastError) {
    }

    /** One stored version of a closed period's report; {@code differences} is null for version 1. */
    @RegisterForReflection
    public record ReportVersion(String plant, String period, int version, OffsetDateTime createdAt, String createdBy,
            String currency, BigDecimal totalCost, ReportDifferences differences) {
    }
}
