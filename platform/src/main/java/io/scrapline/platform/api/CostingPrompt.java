package io.scrapline.platform.api;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** ingest-service to costing-service: records of this batch are committed and wait to be costed. */
@RegisterForReflection
public record CostingPrompt(UUID batchId, String recordType) {
}
