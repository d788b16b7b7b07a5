package io.scrapline.ingest.domain;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored connector. {@code config} holds the secrets in clear; it never leaves the service unmasked (see
 * {@link ConnectorSettings#masked}). {@code cursor} is where the next run starts: a REST source's page cursor or a
 * database source's watermark, committed with the records it follows.
 */
public record Connector(String source, String connector, String kind, RecordType recordType, ObjectNode config,
        boolean enabled, int intervalSeconds, String cursor, String status, OffsetDateTime lastRunAt,
        OffsetDateTime lastSuccessAt, String lastError, OffsetDateTime nextRunAt, OffsetDateTime updatedAt) {

    public static final String IDLE = "idle";
    public static final String RUNNING = "running";
    public static final String FAILED = "failed";

    public ConnectorSettings settings() {
        return ConnectorSettings.stored(kind, recordType, config);
    }

    /** The run-once-per-cluster lock name of this connector, for the given tenant. */
    public String lockName(String tenant) {
        return "connector:" + tenant + "/" + source + "/" + connector;
    }
}
