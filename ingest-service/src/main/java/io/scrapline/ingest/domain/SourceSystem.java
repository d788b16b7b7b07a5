package io.scrapline.ingest.domain;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A source system as its tenant sees it: whether it can sign webhooks (never the secret itself) and how its pull
 * connectors are doing.
 */
@RegisterForReflection(targets = { SourceSystem.class, SourceSystem.ConnectorStatus.class })
public record SourceSystem(String source, String description, OffsetDateTime createdAt, OffsetDateTime lastIngestAt,
        boolean hasWebhookSecret, OffsetDateTime secretRotatedAt, OffsetDateTime previousSecretExpiresAt,
        List<ConnectorStatus> connectors) {

    /** One pull connector of the source and its last and next run. */
    public record ConnectorStatus(String connector, String kind, String recordType, boolean enabled, String status,
            OffsetDateTime lastRunAt, OffsetDateTime lastSuccessAt, String lastError, OffsetDateTime nextRunAt) {
    }

    public SourceSystem withConnectors(List<ConnectorStatus> connectors) {
        return new SourceSystem(source, description, createdAt, lastIngestAt, hasWebhookSecret, secretRotatedAt,
                previousSecretExpiresAt, List.copyOf(connectors));
    }
}
