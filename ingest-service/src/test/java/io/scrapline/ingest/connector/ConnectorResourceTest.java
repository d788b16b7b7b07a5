package io.scrapline.ingest.connector;

import static io.restassured.RestAssured.given;
import static io.scrapline.ingest.connector.ConnectorTests.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.ingest.service.SecretService;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/** The connector API itself: definitions, validation, secrets, roles. Nothing here runs a connector. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConnectorResourceTest {

    private static final String PATH = "/api/v1/sources/plex-mes/connectors/defects";
    private static final String SECRET = "k-5e1b77";

    @Inject
    TenantDb db;

    @Inject
    SecretService secrets;

    @Inject
    SecretBox box;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenant() {
        tenant = ConnectorTests.newTenantWithPlant(db);
        admin = TestTokens.get().token(tenant, "admin");
    }

    private static String restConnector(String url, String headerValue) {
        return """
                {"kind": "rest", "record_type": "defects", "interval_seconds": 900, "enabled": false,
                 "config": {"url": "%s", "items_path": "/data", "cursor_param": "since",
                            "next_cursor_path": "/next", "field_map": %s,
                            "auth": {"type": "header", "header_name": "X-Api-Key", "header_value": "%s"}}}"""
                .formatted(url, ConnectorTests.DEFECT_FIELD_MAP, headerValue);
    }

    private ValidatableResponse put(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(PATH).then();
    }

    @Test
    void createsAndReplacesAConnectorAndNeverShowsItsSecret() {
        put(admin, restConnector("https://mes.example.com/api/defects", SECRET)).statusCode(201)
                .header("Location", containsString(PATH)).body("kind", equalTo("rest"))
                .body("record_type", equalTo("defects")).body("interval_seconds", equalTo(900))
                .body("enabled", equalTo(false)).body("status", equalTo("idle")).body("cursor", nullValue())
                .body("last_run", nullValue()).body("config.auth.header_value", equalTo("********"))
                .body("config.field_map.qty", equalTo("quantity")).body(not(containsString(SECRET)));
        assertThat(count(db, tenant, "SELECT count(*) FROM source_systems WHERE source = 'plex-mes'")).isEqualTo(1);

        // Sent back as read (masked), to another path of the same server: the stored secret is kept.
        put(admin, restConnector("https://mes.example.com/api/v2/defects", "********")).statusCode(200)
                .body("config.url", equalTo("https://mes.example.com/api/v2/defects"));
        assertThat(count(db, tenant,
                "SELECT count(*) FROM connectors WHERE config->'auth'->>'header_value' LIKE 'enc:v1:devtest:%'"))
                        .as("kept, and sealed at rest").isEqualTo(1);
        assertThat(
                count(db, tenant, "SELECT count(*) FROM connectors WHERE config::text LIKE '%' || $1 || '%'", SECRET))
                        .isZero();

        // To another server, the secret must be given again.
        put(admin, restConnector("https://collector.example.net/defects", "********")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("config.auth.header_value")));

        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get(PATH).then().statusCode(200)
                .body("config.url", equalTo("https://mes.example.com/api/v2/defects"))
                .body(not(containsString(SECRET)));
    }

    @Test
    void plaintextSecretsOfAConnectorFromBeforeEncryptionAreSealedByTheStartUpStep() {
        ConnectorTests.storeDirectly(db, tenant, "plex-mes", "defects", "rest", """
                {"url": "https://mes.example.com/api/defects", "items_path": "/data", "cursor_param": "since",
                 "next_cursor_path": "/next", "field_map": %s,
                 "auth": {"type": "header", "header_name": "X-Api-Key", "header_value": "%s"}}"""
                .formatted(ConnectorTests.DEFECT_FIELD_MAP, SECRET));
        ConnectorTests.storeDirectly(db, tenant, "legacy-mes", "defects", "database", """
                {"host": "mes-db.example.com", "database": "mes", "user": "ro", "password": "pw-%s",
                 "query": "SELECT * FROM d WHERE updated_at > $1::timestamptz", "watermark_column": "updated_at",
                 "initial_watermark": "2026-01-01T00:00:00Z", "field_map": %s}""".formatted(SECRET,
                ConnectorTests.DEFECT_FIELD_MAP));

        assertThat(secrets.reseal(tenant).await().indefinitely()).isEqualTo(2);
        String header = ConnectorTests.text(db, tenant,
                "SELECT config->'auth'->>'header_value' FROM connectors WHERE source = 'plex-mes'");
        String password = ConnectorTests.text(db, tenant,
                "SELECT config->>'password' FROM connectors WHERE source = 'legacy-mes'");
        assertThat(header).startsWith("enc:v1:devtest:");
        assertThat(password).startsWith("enc:v1:devtest:");
        assertThat(box.open(header)).isEqualTo(SECRET);
        assertThat(box.open(password)).isEqualTo("pw-" + SECRET);
        assertThat(
                count(db, tenant, "SELECT count(*) FROM connectors WHERE config::text LIKE '%' || $1 || '%'", SECRET))
                        .isZero();

        // The kept secret is the real one: sent back masked to the same server, it is kept, and never shown.
        put(admin, restConnector("https://mes.example.com/api/v2/defects", "********")).statusCode(200)
                .body(not(containsString(SECRET))).body(not(containsString("enc:v1")));
        assertThat(box.open(ConnectorTests.text(db, tenant,
                "SELECT config->'auth'->>'header_value' FROM connectors WHERE source = 'plex-mes'"))).isEqualTo(SECRET);
        given().auth().oauth2(admin).get("/api/v1/sources/legacy-mes/connectors/defects").then().statusCode(200)
                .body("config.password", equalTo("********")).body(not(containsString("enc:v1")));
    }

    @Test
    void namesEveryErrorOfAConnectorAndStoresNothing() {
        String body = """
                {"kind": "rest", "record_type": "defects", "interval_seconds": 0,
                 "config": {"url": "mes.example.com/defects", "items_path": "data", "next_cursor_path": "/next",
                            "field_map": {"id": "source_id", "colour": "paint"},
                            "auth": {"type": "oauth2_client_credentials", "client_id": "scrapline"},
                            "since": "2026-01-01"}}""";
        JsonPath problem = put(admin, body).statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).extract().jsonPath();
        assertThat(problem.getList("errors", Map.class)).extracting(e -> (String) e.get("field")).contains(
                "interval_seconds", "config.url", "config.items_path", "config.cursor_param", "config.field_map.colour",
                "config.field_map", "config.auth.token_url", "config.auth.client_secret", "config.since");
        assertThat(problem.getList("errors", Map.class)).extracting(e -> (String) e.get("message"))
                .contains("maps no source field to required field occurred_at");

        put(admin, "{\"kind\": \"ftp\", \"record_type\": \"widgets\", \"config\": {}}").statusCode(422)
                .body("errors.field", equalTo(List.of("kind", "record_type")));
        put(admin, "{\"kind\": \"rest\", \"record_type\": \"defects\", \"config\": {}, \"colour\": \"red\"}")
                .statusCode(422).body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(admin).get(PATH).then().statusCode(404);
        assertThat(count(db, tenant, "SELECT count(*) FROM source_systems")).isZero();
    }

    @Test
    void unknownConnectorsAreNotFound() {
        given().auth().oauth2(admin).get(PATH).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).get(PATH + "/runs").then().statusCode(404);
        given().auth().oauth2(admin).post(PATH + "/run").then().statusCode(404);
        // A source name no source can have is refused as a parameter before any look-up.
        given().auth().oauth2(admin).post("/api/v1/sources/plex mes/connectors/x/run").then().statusCode(422)
                .body("errors[0].field", equalTo("source"));
        put(admin, restConnector("https://mes.example.com/api/defects", SECRET)).statusCode(201);
        given().auth().oauth2(admin).queryParam("limit", 0).get(PATH + "/runs").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be from 1 to 500"));
        given().auth().oauth2(admin).queryParam("limit", 501).get(PATH + "/runs").then().statusCode(422)
                .body("errors.field", equalTo(List.of("limit")));
        given().auth().oauth2(admin).get(PATH + "/runs").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void callersNeedATokenAndTheRole() {
        String body = restConnector("https://mes.example.com/api/defects", SECRET);
        given().contentType(ContentType.JSON).body(body).put(PATH).then().statusCode(401);
        given().get(PATH).then().statusCode(401);
        given().get(PATH + "/runs").then().statusCode(401);
        given().post(PATH + "/run").then().statusCode(401);

        String ingest = TestTokens.get().token(tenant, "ingest");
        String quality = TestTokens.get().token(tenant, "quality");
        put(ingest, body).statusCode(403);
        put(admin, body).statusCode(201);
        given().auth().oauth2(ingest).get(PATH).then().statusCode(200);
        given().auth().oauth2(ingest).get(PATH + "/runs").then().statusCode(200);
        given().auth().oauth2(ingest).post(PATH + "/run").then().statusCode(403);
        given().auth().oauth2(quality).get(PATH).then().statusCode(403);
        given().auth().oauth2(quality).get(PATH + "/runs").then().statusCode(403);
    }

    @Test
    void documentsTheEndpointsWithExamples() {
        String connector = "paths.'/api/v1/sources/{source}/connectors/{connector}'.";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(connector + "put.requestBody.content.'application/json'.examples.rest.value.kind",
                        equalTo("rest"))
                .body(connector + "put.requestBody.content.'application/json'.examples.database.value.config"
                        + ".watermark_column", equalTo("updated_at"))
                .body(connector + "get.responses.'200'.content.'application/json'.examples.connector.value.config.auth"
                        + ".header_value", equalTo("********"))
                .body("paths.'/api/v1/sources/{source}/connectors/{connector}/runs'.get.responses.'200'.content"
                        + ".'application/json'.examples.runs.value[0].status", equalTo("failed"))
                .body("paths.'/api/v1/sources/{source}/connectors/{connector}/run'.post.responses.'409'",
                        notNullValue());
    }
}
