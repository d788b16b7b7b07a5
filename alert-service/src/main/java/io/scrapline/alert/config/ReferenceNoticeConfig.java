package io.scrapline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the people who keep the cross-references hear of unmapped source values (docs/architecture.md, "Notices of
 * unmapped source values"): notices are queued once per cluster (and at once when costing prompts), and claimed and
 * sent by every replica.
 */
@ConfigMapping(prefix = "scrapline.alert.reference-notices")
public interface ReferenceNoticeConfig extends MailingQueueConfig {

    /**
     * How often one replica of the cluster looks for values parked since (a prompt costing lost), notes the values
     * mapped since, and queues the daily digest that fell due; {@code off} to leave notices to costing's prompts and
     * send no digest.
     */
    @WithDefault("1m")
    String scheduleEvery();

    /** The most lines of one plant a digest lists, the most worth first; it counts the rest. */
    @WithDefault("25")
    int digestLinesPerPlant();
}
