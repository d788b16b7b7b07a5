package io.scrapline.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.ingest.domain.ConnectorDraft;

/**
 * The body of {@code PUT /api/v1/sources/{source}/connectors/{connector}}. It carries no Bean Validation: the body is
 * checked as a whole in the service's transaction (see {@link ConnectorDraft}), where the stored connector supplies the
 * secrets the body leaves out, so that one answer names every bad field of the connector and of its kind's
 * {@code config} along with the hosts the egress policy refuses.
 */
@RegisterForReflection
public record ConnectorRequest(String kind, String recordType, Integer intervalSeconds, Boolean enabled,
        JsonNode config) {

    /** The body as the domain takes it, unchecked. */
    ConnectorDraft draft() {
        return new ConnectorDraft(kind, recordType, intervalSeconds, enabled, config);
    }
}
