package io.scrapline.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.ingest")
public interface WebhookConfig {

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
