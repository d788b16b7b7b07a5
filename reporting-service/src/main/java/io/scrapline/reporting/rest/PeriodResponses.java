package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.reporting.domain.PeriodCloseState;
import io.scrapline.reporting.domain.ReportDifferences;
import io.scrapline.reporting.domain.ReportVersionSummary;

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

        static PeriodClose of(PeriodCloseState s) {
            return new PeriodClose(s.plant(), s.period(), s.status(), s.version(), s.closedAt(), s.closedBy(),
                    s.attempts(), s.lastError());
        }
    }

    /** One stored version of a closed period's report; {@code differences} is null for version 1. */
    @RegisterForReflection
    public record ReportVersion(String plant, String period, int version, OffsetDateTime createdAt, String createdBy,
            String currency, BigDecimal totalCost, ReportDifferences differences) {

        static ReportVersion of(ReportVersionSummary v) {
            return new ReportVersion(v.plant(), v.period(), v.version(), v.createdAt(), v.createdBy(), v.currency(),
                    v.totalCost(), v.differences());
        }
    }
}
