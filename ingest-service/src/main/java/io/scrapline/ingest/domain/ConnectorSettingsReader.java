package io.scrapline.ingest.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.scrapline.ingest.domain.ConnectorSettings.Auth;
import io.scrapline.ingest.domain.ConnectorSettings.Database;
import io.scrapline.ingest.domain.ConnectorSettings.Rest;
import io.scrapline.platform.problem.FieldError;

/**
 * Reads and checks a connector's {@code config} object as a whole, naming every bad field at once (see
 * {@link ConnectorSettings}).
 */
final class ConnectorSettingsReader {

    private static final Pattern SELECT = Pattern.compile("(?is)^(select|with)\\b.*");
    private static final Pattern WATERMARK = Pattern.compile("\\$1(?![0-9])");
    private static final Pattern OTHER_PARAMETER = Pattern.compile("\\$(?!1(?![0-9]))[0-9]+");

    private ConnectorSettingsReader() {
    }

    /** See {@link ConnectorSettings#parse}. */
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
        ConfigObject obj = new ConfigObject(config, "config.", errors);
        ConnectorSettings settings = switch (kind) {
            case ConnectorSettings.REST -> rest(obj, type);
            case ConnectorSettings.DATABASE -> database(obj, type);
            default -> null;
        };
        return errors.size() > before ? null : settings;
    }

    /** See {@link ConnectorSettings#stored}. */
    static ConnectorSettings stored(String kind, RecordType type, JsonNode config) {
        List<FieldError> errors = new ArrayList<>();
        ConnectorSettings settings = parse(kind, type, config, errors);
        if (settings == null) {
            throw new IllegalStateException("the stored settings are no longer valid: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).toList());
        }
        return settings;
    }

    private static Rest rest(ConfigObject config, RecordType type) {
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

    private static Auth auth(ConfigObject config) {
        JsonNode node = config.get("auth");
        if (node == null || node.isNull()) {
            return Auth.none();
        }
        if (!node.isObject()) {
            config.error("auth", "must be an object");
            return null;
        }
        ConfigObject auth = config.nested("auth", node);
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

    private static Database database(ConfigObject config, RecordType type) {
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
    private static String query(ConfigObject config) {
        String query = config.text("query", true);
        if (query == null) {
            return null;
        }
        query = query.strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (!SELECT.matcher(query).matches()) {
            config.error("query", "must be a SELECT (or WITH ... SELECT)");
        }
        if (query.contains(";")) {
            config.error("query", "must be a single statement, without ';'");
        }
        if (!WATERMARK.matcher(query).find()) {
            config.error("query", "must use the watermark as $1, e.g. WHERE updated_at > $1::timestamptz");
        }
        if (OTHER_PARAMETER.matcher(query).find()) {
            config.error("query", "may have no parameter but $1");
        }
        return query;
    }

    private static Map<String, String> fieldMap(ConfigObject config, RecordType type) {
        JsonNode node = config.get("field_map");
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
}
