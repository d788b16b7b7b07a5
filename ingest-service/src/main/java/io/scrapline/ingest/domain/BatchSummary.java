package io.scrapline.ingest.domain;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.problem.FieldError;

/**
 * What became of a batch. Every received row is counted once: {@code accepted} (stored as a new record),
 * {@code updated} (stored as a new version of a known record), {@code duplicates} (same content as the stored version:
 * no effect) or {@code rejected} (listed in {@code errors}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = { BatchSummary.class, BatchSummary.Costing.class })
public record BatchSummary(UUID batchId, String type, int received, int accepted, int duplicates, int updated,
        int rejected, List<FieldError> errors, Costing costing) {

    /** Costing progress of the defect records a batch stored. */
    public record Costing(long records, long costed, long exceptions, long pending) {
    }
}
