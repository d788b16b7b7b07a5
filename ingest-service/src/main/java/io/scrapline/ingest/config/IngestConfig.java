package io.scrapline.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest's batches and webhook deliveries. */
@ConfigMapping(prefix = "scrapline.ingest")
public interface IngestConfig {

    /** Rows validated and landed per statement; bounds the memory a batch needs whatever its size. */
    @WithDefault("5000")
    int chunkSize();

    /**
     * Batches of more rows than this land through {@code COPY} on a JDBC connection, which costs the database less per
     * row; smaller ones, webhook events and connector pages land through the reactive client. Up to this many rows (and
     * a chunk) of a batch are read before it is known which.
     */
    @WithDefault("10000")
    int copyThreshold();

    /** Rows one batch may hold; a larger batch is refused with 413 and nothing stored. */
    @WithDefault("5000000")
    int maxRows();

    /** Errors listed in one answer; the counts always cover every row. */
    @WithDefault("1000")
    int maxErrors();

    /**
     * How far a delivery's {@code webhook-timestamp} may be from now, either way; an older one is refused, so that a
     * captured delivery cannot be replayed later.
     */
    @WithDefault("5m")
    Duration webhookTolerance();

    /** How long the previous webhook secret stays valid after a rotation, so that a source can switch over. */
    @WithDefault("24h")
    Duration webhookSecretGrace();

    /** The largest event body accepted; one event carries one record, so anything larger is refused with 413. */
    @WithDefault("1048576")
    int webhookMaxBytes();
}
