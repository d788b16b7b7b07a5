package io.scrapline.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Pull connectors: how often due connectors are looked for, and how patient a run is with its source. */
@ConfigMapping(prefix = "scrapline.connectors")
public interface ConnectorConfig {

    /**
     * How often one replica of the cluster looks for due connectors and runs them (the {@code connector-runs} sweep).
     */
    @WithDefault("5s")
    Duration pollEvery();

    /** Attempts and back-off for a source that fails transiently (HTTP 5xx or 429, I/O errors, lost connections). */
    Retry retry();

    /** Connect timeout for a source's API, its token endpoint and its database. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Longest wait for one answer of a source's API; a timeout counts as a transient failure. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * PostgreSQL {@code statement_timeout} of a database pull's query, set for each of its transactions; the client
     * gives up this long plus the connect timeout after sending it.
     */
    @WithDefault("60s")
    Duration queryTimeout();

    /** Pages one run fetches at most unless the connector sets {@code page_limit}; the next run goes on. */
    @WithDefault("1000")
    int maxPagesPerRun();

    /** How long {@code POST .../run} waits for the run to end before answering 202 with the run still running. */
    @WithDefault("30s")
    Duration runNowWait();

    /** An OAuth2 access token is fetched again this long before it expires. */
    @WithDefault("30s")
    Duration tokenRefreshMargin();

    /** Limits of a database pull. */
    Database database();

    interface Database {

        /**
         * Rows one run reads from a source database at most. A run that reaches the limit after storing pages ends
         * there (the next run goes on from its watermark); a first page larger than the limit fails the run.
         */
        @WithDefault("100000")
        long maxRowsPerRun();

        /** Bytes of column values (as text) one run reads from a source database at most; as the row limit. */
        @WithDefault("64M")
        MemorySize maxBytesPerRun();
    }

    interface Retry {

        /** Attempts per request, the first included; 1 means no retry. */
        @WithDefault("4")
        int attempts();

        /** Wait before the second attempt; doubled for each further attempt. */
        @WithDefault("1s")
        Duration baseDelay();

        /** Longest wait between two attempts. */
        @WithDefault("30s")
        Duration maxDelay();
    }
}
