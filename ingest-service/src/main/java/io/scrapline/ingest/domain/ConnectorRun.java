package io.scrapline.ingest.domain;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One run of a connector, from its run log: what it fetched ({@code pages} and {@code records} count committed pages
 * only), how many requests it took, the cursor before and after, and how it ended. {@code error} also notes the rows
 * the source sent that were rejected, which the run skipped.
 */
@RegisterForReflection
public record ConnectorRun(long runId, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, int pages,
        int records, int attempts, String cursorBefore, String cursorAfter, String error) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
