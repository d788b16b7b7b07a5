package io.scrapline.ingest.rest;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.ingest.domain.Connector;
import io.scrapline.ingest.domain.ConnectorOverview;
import io.scrapline.ingest.domain.ConnectorRun;
import io.scrapline.ingest.domain.ConnectorSettings;

/** A connector as an API caller sees it: its settings with the secrets masked, and where its runs have got to. */
@RegisterForReflection
public record ConnectorView(String source, String connector, String kind, String recordType, int intervalSeconds,
        boolean enabled, ObjectNode config, String cursor, String status, OffsetDateTime lastRunAt,
        OffsetDateTime lastSuccessAt, String lastError, OffsetDateTime nextRunAt, OffsetDateTime updatedAt,
        ConnectorRun lastRun) {

    static ConnectorView of(ConnectorOverview overview) {
        Connector connector = overview.connector();
        return new ConnectorView(connector.source(), connector.connector(), connector.kind(),
                connector.recordType().path(), connector.intervalSeconds(), connector.enabled(),
                ConnectorSettings.masked(connector.config()), connector.cursor(), connector.status(),
                connector.lastRunAt(), connector.lastSuccessAt(), connector.lastError(), connector.nextRunAt(),
                connector.updatedAt(), overview.lastRun());
    }
}
