package io.scrapline.platform.openapi;

import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.servers.Server;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Names the server of this environment ({@code scrapline.openapi.server-url}) in the document {@code /q/openapi}
 * serves, once at start-up. The document is otherwise the one stored at build time, whose server (set by
 * {@code mp.openapi.servers}) is the local default.
 */
@Singleton
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServerUrlFilter implements OASFilter {

    private final ApiDocumentConfig config;

    public ServerUrlFilter(ApiDocumentConfig config) {
        this.config = config;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        config.serverUrl().map(String::strip).filter(url -> !url.isEmpty()).ifPresent(url -> {
            Server server = OASFactory.createServer().url(url.replaceAll("/+$", ""))
                    .description("This environment (scrapline.openapi.server-url)");
            openAPI.setServers(List.of(server));
        });
    }
}
