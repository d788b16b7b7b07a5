package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

class ConnectorSettingsTest {

    /** Decimals read as the connectors read them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A field map that covers every required field of a defect. */
    private static final String DEFECT_MAP = """
            {"id": "source_id", "plantCode": "plant", "line": "line", "wc": "work_center", "partNo": "part",
             "code": "defect_code", "qty": "quantity", "disp": "disposition", "ts": "occurred_at"}""";

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode restConfig(String auth) {
        return json("""
                {"url": "https://mes.example.com/api/defects?site=DAY1", "items_path": "/data",
                 "cursor_param": "cursor", "next_cursor_path": "/paging/next", "field_map": %s, "auth": %s}"""
                .formatted(DEFECT_MAP, auth));
    }

    private static ObjectNode databaseConfig(String query) {
        ObjectNode config = json("""
                {"host": "mes-db.plant.local", "database": "mes", "user": "ro", "password": "pw-1",
                 "watermark_column": "updated_at", "initial_watermark": "2026-01-01T00:00:00Z", "field_map": %s}"""
                .formatted(DEFECT_MAP));
        config.put("query", query);
        return config;
    }

    private static List<String> errors(String kind, RecordType type, JsonNode config) {
        List<FieldError> errors = new ArrayList<>();
        ConnectorSettings settings = ConnectorSettings.parse(kind, type, config, errors);
        assertThat(settings == null).isEqualTo(!errors.isEmpty());
        return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void readsARestConfigWithItsDefaults() {
        ConnectorSettings.Rest rest = (ConnectorSettings.Rest) ConnectorSettings.stored("rest", RecordType.DEFECTS,
                restConfig("""
                        {"type": "oauth2_client_credentials", "token_url": "https://idp.example.com/token",
                         "client_id": "scrapline", "client_secret": "cs-1"}"""));
        assertThat(rest.itemsPath()).isEqualTo("/data");
        assertThat(rest.fieldMap()).containsEntry("qty", "quantity").hasSize(9);
        assertThat(rest.auth().clientAuth()).isEqualTo("basic");
        assertThat(rest.auth().scope()).isNull();
        assertThat(rest.pageLimit()).isNull();

        ObjectNode noAuth = restConfig("null");
        noAuth.remove("auth");
        assertThat(
                ((ConnectorSettings.Rest) ConnectorSettings.stored("rest", RecordType.DEFECTS, noAuth)).auth().type())
                        .isEqualTo("none");
    }

    @Test
    void namesEveryErrorOfARestConfig() {
        ObjectNode config = json("""
                {"url": "ftp://mes.example.com/defects", "items_path": "data", "next_cursor_path": "",
                 "field_map": {"id": "source_id", "colour": "paint", "plant": "plant", "site": "plant"},
                 "auth": {"type": "header", "token_url": "https://idp.example.com/token"},
                 "page_limit": 0, "since": "yesterday"}""");
        assertThat(errors("rest", RecordType.DEFECTS, config)).containsExactlyInAnyOrder("config.since: unknown field",
                "config.url: must be an absolute http or https URL",
                "config.items_path: must be a JSON pointer such as /data (\"\" for the whole body)",
                "config.cursor_param: is required", "config.next_cursor_path: must be a JSON pointer such as /data",
                "config.field_map.colour: no field paint in record type defects",
                "config.field_map.site: maps to plant, as plant does",
                "config.field_map: maps no source field to required field line",
                "config.field_map: maps no source field to required field work_center",
                "config.field_map: maps no source field to required field part",
                "config.field_map: maps no source field to required field defect_code",
                "config.field_map: maps no source field to required field quantity",
                "config.field_map: maps no source field to required field disposition",
                "config.field_map: maps no source field to required field occurred_at",
                "config.auth.token_url: unknown field", "config.auth.header_name: is required",
                "config.auth.header_value: is required", "config.page_limit: must be a whole number from 1 to 1000000");
    }

    @Test
    void namesTheErrorsOfOAuth2Settings() {
        assertThat(errors("rest", RecordType.DEFECTS, restConfig("""
                {"type": "oauth2_client_credentials", "token_url": "idp/token", "client_secret": 42,
                 "client_auth": "jwt"}"""))).containsExactlyInAnyOrder("config.auth.client_auth: must be basic or body",
                "config.auth.token_url: must be an absolute http or https URL", "config.auth.client_id: is required",
                "config.auth.client_secret: must be a string");
        assertThat(errors("rest", RecordType.DEFECTS, restConfig("{\"type\": \"kerberos\"}")))
                .containsExactly("config.auth.type: must be none, header or oauth2_client_credentials");
    }

    @Test
    void aDatabaseQueryMustBeOneSelectWithTheWatermarkAsItsOnlyParameter() {
        assertThat(errors("database", RecordType.DEFECTS,
                databaseConfig("SELECT * FROM d WHERE updated_at > $1::timestamptz ORDER BY updated_at LIMIT 500;")))
                        .isEmpty();
        assertThat(errors("database", RecordType.DEFECTS, databaseConfig("DELETE FROM d WHERE id = $1")))
                .containsExactly("config.query: must be a SELECT (or WITH ... SELECT)");
        assertThat(errors("database", RecordType.DEFECTS, databaseConfig("SELECT 1; DROP TABLE d"))).containsExactly(
                "config.query: must be a single statement, without ';'",
                "config.query: must use the watermark as $1, e.g. WHERE updated_at > $1::timestamptz");
        assertThat(errors("database", RecordType.DEFECTS,
                databaseConfig("select * from d where a > $1 and b < $2 and c = $10")))
                        .containsExactly("config.query: may have no parameter but $1");

        ObjectNode config = databaseConfig("SELECT * FROM d WHERE updated_at > $1");
        config.put("port", 70000);
        config.put("host", "mes db");
        config.remove("initial_watermark");
        assertThat(errors("database", RecordType.DEFECTS, config)).containsExactlyInAnyOrder(
                "config.host: must be a host name or IP address", "config.port: must be a whole number from 1 to 65535",
                "config.initial_watermark: is required");
    }

    @Test
    void readsADatabaseConfigWithTheDefaultPort() {
        ConnectorSettings.Database database = (ConnectorSettings.Database) ConnectorSettings.stored("database",
                RecordType.DEFECTS, databaseConfig("SELECT * FROM d WHERE updated_at > $1::timestamptz;"));
        assertThat(database.port()).isEqualTo(5432);
        assertThat(database.query()).isEqualTo("SELECT * FROM d WHERE updated_at > $1::timestamptz");
    }

    @Test
    void masksEverySecretAndNothingElse() {
        ObjectNode header = restConfig(
                "{\"type\": \"header\", \"header_name\": \"X-Api-Key\", \"header_value\": \"k\"}");
        assertThat(ConnectorSettings.masked(header).at("/auth/header_value").asText()).isEqualTo("********");
        assertThat(ConnectorSettings.masked(header).at("/auth/header_name").asText()).isEqualTo("X-Api-Key");
        assertThat(header.at("/auth/header_value").asText()).as("the original is untouched").isEqualTo("k");

        ObjectNode oauth = restConfig("""
                {"type": "oauth2_client_credentials", "token_url": "https://idp.example.com/token",
                 "client_id": "scrapline", "client_secret": "cs-1"}""");
        assertThat(ConnectorSettings.masked(oauth).toString()).doesNotContain("cs-1").contains("scrapline");
        assertThat(ConnectorSettings.masked(databaseConfig("SELECT $1")).toString()).doesNotContain("pw-1");
    }

    @Test
    void keepsAStoredSecretOnlyWhileItGoesToTheSamePlace() {
        ObjectNode stored = restConfig(
                "{\"type\": \"header\", \"header_name\": \"X-Api-Key\", \"header_value\": \"k-1\"}");

        ObjectNode masked = ConnectorSettings.masked(stored);
        List<FieldError> errors = new ArrayList<>();
        ConnectorSettings.keepSecrets(masked, stored, errors);
        assertThat(errors).isEmpty();
        assertThat(masked.at("/auth/header_value").asText()).isEqualTo("k-1");

        ObjectNode left = stored.deepCopy();
        ((ObjectNode) left.get("auth")).remove("header_value");
        left.put("url", "https://mes.example.com:443/api/v2/defects");
        ConnectorSettings.keepSecrets(left, stored, errors);
        assertThat(errors).as("another path on the same origin").isEmpty();
        assertThat(left.at("/auth/header_value").asText()).isEqualTo("k-1");

        ObjectNode moved = ConnectorSettings.masked(stored);
        moved.put("url", "https://elsewhere.example.net/api/defects");
        ConnectorSettings.keepSecrets(moved, stored, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("config.auth.header_value");
        assertThat(moved.at("/auth/header_value").asText()).isEqualTo("********");

        errors.clear();
        ConnectorSettings.keepSecrets(ConnectorSettings.masked(stored), null, errors);
        assertThat(errors).as("the mask is no secret").extracting(FieldError::field)
                .containsExactly("config.auth.header_value");

        ObjectNode database = databaseConfig("SELECT $1");
        ObjectNode otherHost = ConnectorSettings.masked(database);
        otherHost.put("host", "attacker.example.net");
        errors.clear();
        ConnectorSettings.keepSecrets(otherHost, database, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("config.password");
    }

    @Test
    void aDefinitionNamesEveryErrorOfTheConnectorAndItsConfig() {
        ConnectorDraft draft = new ConnectorDraft("ftp", "widgets", 0, null, null);
        assertThatThrownBy(() -> ConnectorDefinition.of("plex mes", "defects", draft, null)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("config", "interval_seconds", "kind", "record_type", "source"));

        ConnectorDefinition definition = ConnectorDefinition.of("plex-mes", "defects",
                new ConnectorDraft("rest", "defects", null, null, restConfig("{\"type\": \"none\"}")), null);
        assertThat(definition.intervalSeconds()).isEqualTo(300);
        assertThat(definition.enabled()).isTrue();
    }

    @Test
    void mapsSourceFieldsAndIgnoresTheOthers() {
        JsonNode item = json("""
                {"id": "D-1", "qty": 0.00001, "count": 12, "ok": true, "nested": {"plant": "DAY1"},
                 "operator": "J. Doe", "note": null}""");
        Map<String, String> row = RecordMapping.fromJson(item, Map.of("id", "source_id", "qty", "quantity", "count",
                "shift", "ok", "customer_return", "/nested/plant", "plant", "note", "ncr"));
        assertThat(row).containsOnly(Map.entry("source_id", "D-1"), Map.entry("quantity", "0.00001"),
                Map.entry("shift", "12"), Map.entry("customer_return", "true"), Map.entry("plant", "DAY1"));
    }
}
