package io.scrapline.platform.api;

import java.util.UUID;

/** ingest-service to costing-service: records of this batch are committed and wait to be costed. */
public record CostingPrompt(UUID batchId, String recordType) {
}
