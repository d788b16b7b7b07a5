package io.scrapline.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A stored parallel run: the manual report of a plant-period as uploaded, and its last comparison with Scrapline's
 * figures ({@code comparisons} counts the first and every re-run). In a list of runs, only the totals.
 */
@RegisterForReflection
public record ParallelRun(long id, String plant, String period, String fileName, String fileFormat, String uploadedBy,
        OffsetDateTime uploadedAt, String comparedBy, OffsetDateTime comparedAt, int comparisons, String currency,
        ParallelComparison.Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ParallelComparison.LineDifference> byLine,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ParallelComparison.Discrepancy> discrepancies) {
}
