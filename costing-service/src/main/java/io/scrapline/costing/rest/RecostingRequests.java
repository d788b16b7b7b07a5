package io.scrapline.costing.rest;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.costing.domain.RecostingJob;

/** Request and response bodies of the re-costing endpoints. */
@RegisterForReflection(targets = { RecostingRequests.Request.class, RecostingRequests.Job.class })
public final class RecostingRequests {

    private RecostingRequests() {
    }

    /** Re-cost the current events of an open plant-period, and say why. */
    public record Request(String plant, String period, String reason) {
    }

    /**
     * A job and its progress: events to re-cost (known once it is split into parts) and re-costed so far, parts and
     * parts done, who asked and when it started and finished.
     */
    public record Job(long id, String plant, String period, String reason, String status, Long totalEvents,
            long doneEvents, Integer parts, int doneParts, String requestedBy, String claimedBy, String lastError,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

        static Job of(RecostingJob job) {
            return new Job(job.id(), job.plant(), job.period(), job.reason(), job.status(), job.totalEvents(),
                    job.doneEvents(), job.parts(), job.doneParts(), job.requestedBy(), job.claimedBy(), job.lastError(),
                    job.createdAt(), job.startedAt(), job.finishedAt());
        }
    }
}
