package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.CHART;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart is versioned with the project: its version and appVersion are the Maven project's version, which is also
 * the tag the build gives the images (bin/images), so the chart's default image tag names the images of the same build.
 * A release sets the version in the poms and in Chart.yaml together (README, "Images and releases").
 */
class ChartVersionTest {

    /** The Maven project's version, passed by the build (k8s/pom.xml). */
    static String projectVersion() {
        String version = System.getProperty("scrapline.projectVersion");
        assertThat(version).as("system property scrapline.projectVersion (set by k8s/pom.xml)").isNotBlank();
        return version;
    }

    @Test
    void chartVersionAndAppVersionAreTheProjectVersion() {
        Map<String, Object> chart;
        try (Reader reader = Files.newBufferedReader(CHART.resolve("Chart.yaml"))) {
            chart = new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(chart).containsEntry("version", projectVersion()).containsEntry("appVersion", projectVersion());
    }
}
