package io.scrapline.ingest.domain;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A host and port a connector connects to, and the config field that names it (for the egress policy's errors). */
public record Destination(String field, String host, int port) {

    /**
     * Where a connector of {@code kind} with {@code config} connects, read leniently: a field that is not yet valid is
     * skipped, since reading the settings names its error.
     */
    public static List<Destination> of(String kind, JsonNode config) {
        List<Destination> destinations = new ArrayList<>();
        if (config == null || !config.isObject()) {
            return destinations;
        }
        if (ConnectorSettings.REST.equals(kind)) {
            addUrl(destinations, "config.url", config.path("url"));
            addUrl(destinations, "config.auth.token_url", config.path("auth").path("token_url"));
        } else if (ConnectorSettings.DATABASE.equals(kind) && config.path("host").isTextual()) {
            JsonNode port = config.path("port");
            int number = port.isMissingNode() || port.isNull() ? 5432 : port.canConvertToInt() ? port.asInt() : -1;
            if (number >= 1 && number <= 65535) {
                destinations.add(new Destination("config.host", config.path("host").asText(), number));
            }
        }
        return destinations;
    }

    private static void addUrl(List<Destination> destinations, String field, JsonNode url) {
        Target target = url.isTextual() ? Target.of(url.asText()) : null;
        if (target != null) {
            destinations.add(new Destination(field, target.host(), target.port()));
        }
    }
}
