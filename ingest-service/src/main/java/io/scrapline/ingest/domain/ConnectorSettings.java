package io.scrapline.ingest.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.platform.problem.FieldError;

/**
 * What a connector fetches and how, read from its {@code config} object. Checked as a whole, so that every bad field is
 * named at once (as {@code config.url}, {@code config.auth.client_id}, ...).
 * <p>
 * Secrets (an auth header's value, an OAuth2 client secret, a database password) are stored with the settings but never
 * shown: reads get {@link #MASK} in their place. A write that sends the mask back, or leaves a secret out, keeps the
 * stored secret, but only while the secret would still go to the same place: pointing a connector elsewhere needs the
 * secret given again, so that whoever can edit a connector cannot send its secret to a server of their choosing. At
 * rest the secrets are sealed (AES-256-GCM, see {@code SecretBox}) by {@code ConnectorRepository}, through
 * {@link #mapSecrets}; in memory they are plain.
 */
public sealed interface ConnectorSettings permits ConnectorSettings.Rest, ConnectorSettings.Database {

    /** What reads show in place of a secret. */
    String MASK = "********";

    String REST = "rest";
    String DATABASE = "database";

    /** Source field name (a column for a database) to record field name; unmapped source fields are ignored. */
    Map<String, String> fieldMap();

    /** Pages one run fetches at most; null for the configured default. */
    Integer pageLimit();

    /** A paged JSON API: each page's records at {@code itemsPath}, the next page's cursor at {@code nextCursorPath}. */
    record Rest(String url, String itemsPath, String cursorParam, String nextCursorPath, Map<String, String> fieldMap,
            Auth auth, Integer pageLimit) implements ConnectorSettings {
    }

    /** How a REST pull authenticates: {@code none}, {@code header} or {@code oauth2_client_credentials}. */
    record Auth(String type, String headerName, String headerValue, String tokenUrl, String clientId,
            String clientSecret, String scope, String clientAuth) {

        public static final String NONE = "none";
        public static final String HEADER = "header";
        public static final String OAUTH2 = "oauth2_client_credentials";
        /** The client authenticates to the token endpoint with HTTP Basic (RFC 6749 §2.3.1), the default. */
        public static final String CLIENT_AUTH_BASIC = "basic";
        /** The client sends its id and secret in the form body instead (for providers that require it). */
        public static final String CLIENT_AUTH_BODY = "body";

        static Auth none() {
            return new Auth(NONE, null, null, null, null, null, null, null);
        }
    }

    /** A read-only query against a source's PostgreSQL database; {@code $1} is the watermark. */
    record Database(String host, int port, String database, String user, String password, String query,
            String watermarkColumn, String initialWatermark, Map<String, String> fieldMap, Integer pageLimit)
            implements ConnectorSettings {
    }

    Set<String> KINDS = Set.of(REST, DATABASE);

    /**
     * The settings of a connector of {@code kind} that fetches {@code type} (null when the type is itself invalid: the
     * field map is then checked for shape only). Errors are added to {@code errors}; the answer is null if there were
     * any.
     */
    static ConnectorSettings parse(String kind, RecordType type, JsonNode config, List<FieldError> errors) {
        return ConnectorSettingsReader.parse(kind, type, config, errors);
    }

    /** The settings of a stored connector, which were checked when they were stored. */
    static ConnectorSettings stored(String kind, RecordType type, JsonNode config) {
        return ConnectorSettingsReader.stored(kind, type, config);
    }

    /** A copy of {@code config} with every secret replaced by {@link #MASK}. */
    static ObjectNode masked(ObjectNode config) {
        return ConnectorSecrets.masked(config);
    }

    /**
     * Takes into {@code incoming} the secrets it leaves out (or sends as {@link #MASK}) from {@code stored}, where the
     * secret still goes to the same place. A secret that cannot be kept is an error: it must be given again.
     */
    static void keepSecrets(JsonNode incoming, ObjectNode stored, List<FieldError> errors) {
        ConnectorSecrets.keep(incoming, stored, errors);
    }

    /** A copy of {@code config} with {@code change} applied to every secret it holds (to seal or open them). */
    static ObjectNode mapSecrets(ObjectNode config, UnaryOperator<String> change) {
        return ConnectorSecrets.map(config, change);
    }
}
