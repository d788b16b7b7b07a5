package io.scrapline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.alert")
public interface AlertConfig {

    /**
     * How often one replica of the cluster evaluates every rule of every tenant and retries failed sends, so that an
     * alert a lost prompt missed still goes out; {@code off} to leave alerts to the prompts.
     */
    @WithDefault("30s")
    String sweepEvery();
}
