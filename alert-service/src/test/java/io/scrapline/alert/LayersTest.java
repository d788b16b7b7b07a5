package io.scrapline.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.testing.Layers;

/** The house's layers point one way: rest → service → repository → domain; no file of the module passes 500 lines. */
class LayersTest {

    @Test
    void layersPointOneWay() {
        assertThat(Layers.violations(Path.of("src/main/java"), "io.scrapline.alert")).isEmpty();
    }

    @Test
    void noFileIsOverFiveHundredLines() {
        assertThat(Layers.longerThan(Path.of("src/main"), 500)).isEmpty();
    }
}
