package io.scrapline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.ingest")
public interface IngestConfig {

    /** Rows validated and landed per statement; bounds the memory a batch needs whatever its size. */
    @WithDefault("5000")
    int chunkSize();

    /** Rows one batch may hold; a larger batch is refused with 413 and nothing stored. */
    @WithDefault("5000000")
    int maxRows();

    /** Errors listed in one answer; the counts always cover every row. */
    @WithDefault("1000")
    int maxErrors();
}
