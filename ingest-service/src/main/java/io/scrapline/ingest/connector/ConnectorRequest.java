package io.scrapline.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code PUT /api/v1/sources/{source}/connectors/{connector}}. Checked as a whole by the service, so that
 * every bad field (of the connector and of its kind's {@code config}) is named at once.
 */
@RegisterForReflection
public record ConnectorRequest(String kind, String recordType, Integer intervalSeconds, Boolean enabled,
        JsonNode config) {
}
