package io.scrapline.platform.openapi;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The parts of a service's OpenAPI document that depend on where it runs. */
@ConfigMapping(prefix = "scrapline.openapi")
public interface ApiDocumentConfig {

    /**
     * The URL clients reach this service at, without {@code /api/v1} (e.g. {@code https://ingest.scrapline.example}),
     * the server of the document {@code /q/openapi} serves. Absent: the document's built-in server,
     * {@code http://localhost:<the service's port>}, the local run of contract.md.
     */
    Optional<String> serverUrl();
}
