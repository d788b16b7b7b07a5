package io.scrapline.ingest.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.platform.problem.FieldError;

/**
 * The secrets of a connector's {@code config}: where each one lives, how reads mask them, and when a write that leaves
 * one out keeps the stored one (see {@link ConnectorSettings}).
 */
final class ConnectorSecrets {

    private ConnectorSecrets() {
    }

    /** A copy of {@code config} with {@code change} applied to every secret it holds. */
    static ObjectNode map(ObjectNode config, UnaryOperator<String> change) {
        ObjectNode copy = config.deepCopy();
        for (Secret secret : Secret.values()) {
            ObjectNode holder = secret.holder(copy);
            if (holder != null && holder.hasNonNull(secret.name) && holder.get(secret.name).isTextual()) {
                holder.put(secret.name, change.apply(holder.get(secret.name).asText()));
            }
        }
        return copy;
    }

    /** A copy of {@code config} with every secret replaced by {@link ConnectorSettings#MASK}. */
    static ObjectNode masked(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        for (Secret secret : Secret.values()) {
            ObjectNode holder = secret.holder(copy);
            if (holder != null && holder.hasNonNull(secret.name) && !holder.get(secret.name).asText().isEmpty()) {
                holder.put(secret.name, ConnectorSettings.MASK);
            }
        }
        return copy;
    }

    /** See {@link ConnectorSettings#keepSecrets}. */
    static void keep(JsonNode incoming, ObjectNode stored, List<FieldError> errors) {
        if (!(incoming instanceof ObjectNode config)) {
            return;
        }
        for (Secret secret : Secret.values()) {
            ObjectNode holder = secret.holder(config);
            if (holder == null) {
                continue;
            }
            JsonNode given = holder.get(secret.name);
            boolean masked = given != null && given.isTextual() && ConnectorSettings.MASK.equals(given.asText());
            if (given != null && !given.isNull() && !masked) {
                continue;
            }
            ObjectNode storedHolder = stored == null ? null : secret.holder(stored);
            String kept = storedHolder == null || !storedHolder.hasNonNull(secret.name) ? null
                    : storedHolder.get(secret.name).asText();
            boolean applies = kept != null && !kept.isEmpty() && secret.sameOwner(config, stored);
            if (applies && secret.destination(config) != null
                    && secret.destination(config).equals(secret.destination(stored))) {
                holder.put(secret.name, kept);
            } else if (applies || masked) {
                errors.add(
                        new FieldError(null, secret.field,
                                applies ? "must be given again: the stored one is kept only while "
                                        + secret.destinationName + " stays the same"
                                        : "must be the secret itself: there is no stored one to keep"));
                // A placeholder, so that this is the one error the field gets; nothing is stored with an error.
                holder.put(secret.name, ConnectorSettings.MASK);
            }
        }
    }

    /** Where each secret lives in a config, and where it is sent. */
    private enum Secret {
        HEADER_VALUE("auth", "header_value", "the url's scheme, host and port", Secret::origin),
        CLIENT_SECRET("auth", "client_secret", "token_url", c -> text(c.path("auth"), "token_url")),
        PASSWORD(null, "password", "host and port",
                c -> text(c, "host") == null ? null : text(c, "host") + ":" + c.path("port").asText("5432"));

        final String parent;
        final String name;
        final String field;
        final String destinationName;
        final Function<JsonNode, String> destination;

        Secret(String parent, String name, String destinationName, Function<JsonNode, String> destination) {
            this.parent = parent;
            this.name = name;
            this.field = "config." + (parent == null ? "" : parent + ".") + name;
            this.destinationName = destinationName;
            this.destination = destination;
        }

        ObjectNode holder(JsonNode config) {
            JsonNode holder = parent == null ? config : config.get(parent);
            return holder instanceof ObjectNode object ? object : null;
        }

        String destination(JsonNode config) {
            return destination.apply(config);
        }

        /** A stored auth secret belongs to its auth type; a header value is no client secret. */
        boolean sameOwner(JsonNode config, JsonNode stored) {
            return parent == null || text(config.path(parent), "type") != null
                    && text(config.path(parent), "type").equals(text(stored.path(parent), "type"));
        }

        private static String origin(JsonNode config) {
            Target target = Target.of(config.path("url").asText(""));
            return target == null ? null : target.origin();
        }

        private static String text(JsonNode node, String name) {
            JsonNode value = node.get(name);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    }
}
