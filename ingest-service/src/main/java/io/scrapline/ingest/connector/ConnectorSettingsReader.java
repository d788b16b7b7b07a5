package io.scrapline.ingest.connector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.ingest.connector.ConnectorSettings.Auth;
import io.scrapline.ingest.connector.ConnectorSettings.Database;
import io.scrapline.ingest.connector.ConnectorSettings.Rest;
import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.platform.problem.FieldError;

/** Reads and checks a connector's {@code config} object, and keeps its secrets (see {@link ConnectorSettings}). */
final class ConnectorSettingsReader {

    private ConnectorSettingsReader() {
    }

    static ConnectorSettings parse(String kind, RecordType type, JsonNode config, List<FieldError> errors) {
        int before = errors.size();
        if (config == null || config.isNull()) {
            errors.add(new FieldError(null, "config", "is required"));
            return null;
        }
        if (!config.isObject()) {
            errors.add(new FieldError(null, "config", "must be an object"));
            return null;
        }
        Obj obj = new Obj(config, "config.", errors);
        ConnectorSettings settings = switch (kind) {
            case ConnectorSettings.REST -> rest(obj, type);
            case ConnectorSettings.DATABASE -> database(obj, type);
            default -> null;
        };
        return errors.size() > before ? null : settings;
    }

    static ConnectorSettings stored(String kind, RecordType type, JsonNode config) {
        List<FieldError> errors = new ArrayList<>();
        ConnectorSettings settings = parse(kind, type, config, errors);
        if (settings == null) {
            throw new IllegalStateException("the stored settings are no longer valid: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).toList());
        }
        return settings;
    }

    /**
     * Where a connector of {@code kind} with {@code config} connects, read leniently (a field that is not yet valid is
     * skipped; its error comes from {@link #parse}): the config field named, host and port.
     */
    static List<Destination> destinations(String kind, JsonNode config) {
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

    /** A host and port a connector connects to, and the config field that names it. */
    record Destination(String field, String host, int port) {
    }

    private static void addUrl(List<Destination> destinations, String field, JsonNode url) {
        Target target = url.isTextual() ? Target.of(url.asText()) : null;
        if (target != null) {
            destinations.add(new Destination(field, target.host(), target.port()));
        }
    }

    /** A copy of {@code config} with {@code change} applied to every secret it holds. */
    static ObjectNode mapSecrets(ObjectNode config, UnaryOperator<String> change) {
        ObjectNode copy = config.deepCopy();
        for (Secret secret : Secret.values()) {
            ObjectNode holder = secret.holder(copy);
            if (holder != null && holder.hasNonNull(secret.name) && holder.get(secret.name).isTextual()) {
                holder.put(secret.name, change.apply(holder.get(secret.name).asText()));
            }
        }
        return copy;
    }

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

    static void keepSecrets(JsonNode incoming, ObjectNode stored, List<FieldError> errors) {
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

    private static Rest rest(Obj config, RecordType type) {
        config.onlyKnown(
                Set.of("url", "items_path", "cursor_param", "next_cursor_path", "field_map", "auth", "page_limit"));
        String url = config.httpUrl("url");
        String itemsPath = config.pointer("items_path", true);
        String cursorParam = config.text("cursor_param", true);
        if (cursorParam != null && !cursorParam.matches("[A-Za-z0-9._~\\[\\]-]{1,100}")) {
            config.error("cursor_param", "must be a query parameter name");
        }
        String nextCursorPath = config.pointer("next_cursor_path", false);
        Map<String, String> fieldMap = fieldMap(config, type);
        Auth auth = auth(config);
        Integer pageLimit = config.integer("page_limit", 1, 1_000_000);
        return new Rest(url, itemsPath, cursorParam, nextCursorPath, fieldMap, auth, pageLimit);
    }

    private static Auth auth(Obj config) {
        JsonNode node = config.node.get("auth");
        if (node == null || node.isNull()) {
            return Auth.none();
        }
        if (!node.isObject()) {
            config.error("auth", "must be an object");
            return null;
        }
        Obj auth = new Obj(node, config.path + "auth.", config.errors);
        String type = auth.text("type", true);
        if (type == null) {
            return null;
        }
        switch (type) {
            case Auth.NONE -> {
                auth.onlyKnown(Set.of("type"));
                return Auth.none();
            }
            case Auth.HEADER -> {
                auth.onlyKnown(Set.of("type", "header_name", "header_value"));
                String name = auth.text("header_name", true);
                if (name != null && !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}")) {
                    auth.error("header_name", "must be an HTTP header name");
                }
                return new Auth(type, name, auth.text("header_value", true), null, null, null, null, null);
            }
            case Auth.OAUTH2 -> {
                auth.onlyKnown(Set.of("type", "token_url", "client_id", "client_secret", "scope", "client_auth"));
                String clientAuth = auth.text("client_auth", false);
                if (clientAuth != null && !clientAuth.equals(Auth.CLIENT_AUTH_BASIC)
                        && !clientAuth.equals(Auth.CLIENT_AUTH_BODY)) {
                    auth.error("client_auth", "must be basic or body");
                }
                return new Auth(type, null, null, auth.httpUrl("token_url"), auth.text("client_id", true),
                        auth.text("client_secret", true), auth.text("scope", false),
                        clientAuth == null ? Auth.CLIENT_AUTH_BASIC : clientAuth);
            }
            default -> {
                auth.error("type", "must be none, header or oauth2_client_credentials");
                return null;
            }
        }
    }

    private static Database database(Obj config, RecordType type) {
        config.onlyKnown(Set.of("host", "port", "database", "user", "password", "query", "watermark_column",
                "initial_watermark", "field_map", "page_limit"));
        String host = config.text("host", true);
        if (host != null && !host.matches("[A-Za-z0-9._:-]{1,253}")) {
            config.error("host", "must be a host name or IP address");
        }
        Integer port = config.integer("port", 1, 65535);
        String query = query(config);
        Map<String, String> fieldMap = fieldMap(config, type);
        return new Database(host, port == null ? 5432 : port, config.text("database", true), config.text("user", true),
                config.text("password", false), query, config.text("watermark_column", true),
                config.text("initial_watermark", true), fieldMap, config.integer("page_limit", 1, 1_000_000));
    }

    /**
     * The query without a trailing semicolon. It must be one SELECT with the watermark as its only parameter; that it
     * only reads is enforced by the read-only session it runs in, not by this check.
     */
    private static String query(Obj config) {
        String query = config.text("query", true);
        if (query == null) {
            return null;
        }
        query = query.strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (!Pattern.compile("(?is)^(select|with)\\b.*").matcher(query).matches()) {
            config.error("query", "must be a SELECT (or WITH ... SELECT)");
        }
        if (query.contains(";")) {
            config.error("query", "must be a single statement, without ';'");
        }
        if (!Pattern.compile("\\$1(?![0-9])").matcher(query).find()) {
            config.error("query", "must use the watermark as $1, e.g. WHERE updated_at > $1::timestamptz");
        }
        if (Pattern.compile("\\$(?!1(?![0-9]))[0-9]+").matcher(query).find()) {
            config.error("query", "may have no parameter but $1");
        }
        return query;
    }

    private static Map<String, String> fieldMap(Obj config, RecordType type) {
        JsonNode node = config.node.get("field_map");
        if (node == null || node.isNull()) {
            config.error("field_map", "is required");
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            config.error("field_map", "must be an object of source field name to record field name");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String source = entry.getKey();
            String field = "field_map." + source;
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                config.error(field, "must be the name of a record field");
                continue;
            }
            String target = entry.getValue().asText();
            if (source.isBlank()) {
                config.error(field, "must name a source field");
            } else if (type != null && type.field(target).isEmpty()) {
                config.error(field, "no field " + target + " in record type " + type.path());
            } else if (sourceOf.containsKey(target)) {
                config.error(field, "maps to " + target + ", as " + sourceOf.get(target) + " does");
            } else {
                sourceOf.put(target, source);
                map.put(source, target);
            }
        }
        if (type != null) {
            for (Field required : type.fields()) {
                if (required.required() && !sourceOf.containsKey(required.name())) {
                    config.error("field_map", "maps no source field to required field " + required.name());
                }
            }
        }
        return map;
    }

    /** An object of the config being read, with the dotted path its errors are named by. */
    private static final class Obj {

        final JsonNode node;
        final String path;
        final List<FieldError> errors;

        Obj(JsonNode node, String path, List<FieldError> errors) {
            this.node = node;
            this.path = path;
            this.errors = errors;
        }

        void error(String name, String message) {
            errors.add(new FieldError(null, path + name, message));
        }

        void onlyKnown(Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!known.contains(name)) {
                    error(name, "unknown field");
                }
            }
        }

        String text(String name, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    error(name, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                error(name, "must be a string");
                return null;
            }
            if (required && value.asText().isBlank()) {
                error(name, "must not be blank");
                return null;
            }
            return value.asText();
        }

        Integer integer(String name, int min, int max) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < min
                    || value.asInt() > max) {
                error(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return value.asInt();
        }

        String httpUrl(String name) {
            String text = text(name, true);
            if (text == null) {
                return null;
            }
            if (Target.of(text) == null) {
                error(name, "must be an absolute http or https URL");
                return null;
            }
            return text;
        }

        /** A JSON pointer (RFC 6901) such as {@code /data}; the empty pointer (the whole body) only if allowed. */
        String pointer(String name, boolean emptyAllowed) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                error(name, "is required");
                return null;
            }
            String text = value.asText();
            try {
                JsonPointer.compile(text);
                if (value.isTextual() && (emptyAllowed || !text.isEmpty())) {
                    return text;
                }
            } catch (IllegalArgumentException e) {
                // named below
            }
            error(name, "must be a JSON pointer such as /data" + (emptyAllowed ? " (\"\" for the whole body)" : ""));
            return null;
        }
    }
}
