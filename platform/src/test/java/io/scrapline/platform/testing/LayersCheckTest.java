package io.scrapline.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayersCheckTest {

    @TempDir
    Path root;

    @Test
    void findsEveryImportAgainstTheLayersAndNothingElse() throws IOException {
        write("rest/ThingResource.java", "import io.scrapline.x.service.ThingService;\n"
                + "import io.scrapline.x.repository.ThingRepository;\nimport io.scrapline.platform.auth.Caller;\n");
        write("service/ThingService.java", "import io.scrapline.x.repository.ThingRepository;\n"
                + "import io.scrapline.x.rest.ThingRequests.Thing;\nimport io.scrapline.platform.auth.Caller;\n");
        write("service/OtherService.java",
                "import io.scrapline.x.client.ThingClient;\n" + "import io.scrapline.platform.auth.CallerScope;\n");
        write("client/ThingClient.java", "import io.scrapline.x.domain.Thing;\nimport io.scrapline.x.config.XConfig;\n"
                + "import io.scrapline.x.service.ThingService;\n");
        write("repository/ThingRepository.java", "import io.scrapline.x.domain.Thing;\n");
        write("domain/Thing.java",
                "import io.scrapline.x.config.XConfig;\nimport static io.scrapline.x.service.A.b;\n");
        write("job/ThingJob.java", "import io.scrapline.x.service.ThingService;\n");

        assertThat(Layers.violations(root, "io.scrapline.x")).containsExactlyInAnyOrder(
                "io/scrapline/x/rest/ThingResource.java: import io.scrapline.x.repository.",
                "io/scrapline/x/service/ThingService.java: import io.scrapline.x.rest.",
                "io/scrapline/x/service/ThingService.java: import io.scrapline.platform.auth.Caller",
                "io/scrapline/x/client/ThingClient.java: import io.scrapline.x.service.",
                "io/scrapline/x/domain/Thing.java: import static io.scrapline.x.service.");
    }

    @Test
    void findsTheFilesOverTheirLengthAndPlatformHasNone() throws IOException {
        write("domain/Short.java", "");
        Path longer = root.resolve("io/scrapline/x/domain/Long.java");
        Files.writeString(longer, "line\n".repeat(501));
        assertThat(Layers.longerThan(root, 500)).containsExactly("io/scrapline/x/domain/Long.java: 501 lines");
        assertThat(Layers.longerThan(Path.of("src/main"), 500)).isEmpty();
    }

    private void write(String file, String imports) throws IOException {
        Path path = root.resolve("io/scrapline/x").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "package p;\n\n" + imports + "\nclass C {\n}\n");
    }
}
