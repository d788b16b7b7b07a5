package io.scrapline.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

class ServerUrlFilterTest {

    private static OpenAPI built() {
        return OASFactory.createOpenAPI().addServer(OASFactory.createServer().url("http://localhost:8081"));
    }

    private static OpenAPI filtered(Optional<String> serverUrl) {
        OpenAPI document = built();
        new ServerUrlFilter(() -> serverUrl).filterOpenAPI(document);
        return document;
    }

    @Test
    void aConfiguredUrlReplacesTheLocalDefault() {
        OpenAPI document = filtered(Optional.of(" https://ingest.scrapline.example/ "));

        assertThat(document.getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("https://ingest.scrapline.example"));
    }

    @Test
    void withoutOneTheDocumentKeepsItsBuiltInServer() {
        assertThat(filtered(Optional.empty()).getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("http://localhost:8081"));
        assertThat(filtered(Optional.of(" ")).getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("http://localhost:8081"));
    }
}
