package io.scrapline.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A connector as an admin sent it, not yet checked: {@link ConnectorDefinition#of} checks it as a whole, with the
 * stored connector's secrets and the egress policy's verdict at hand, so that every bad field is named at once.
 */
public record ConnectorDraft(String kind, String recordType, Integer intervalSeconds, Boolean enabled,
        JsonNode config) {
}
