package io.scrapline.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static io.scrapline.ingest.connector.ConnectorTests.count;
import static io.scrapline.ingest.connector.ConnectorTests.mesPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * A hostile tenant's REST connectors (finding 1 of issue 10): internal addresses in every spelling, an OAuth2 token
 * endpoint on loopback, redirects to loopback, and remote error texts as an oracle. The service itself, listening on
 * loopback, stands in for an internal service; the allow-listed 127.0.0.2 for a plant's MES that works.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RestEgressTest {

    private static final String REFUSED = "address not allowed by egress policy";
    private static final String API_KEY = "k-0c44e1";
    private static final String HEADER_AUTH = """
            {"type": "header", "header_name": "X-Api-Key", "header_value": "%s"}""".formatted(API_KEY);

    private static WireMockServer mes;

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    private String api;

    @BeforeAll
    static void startMes() {
        mes = new WireMockServer(options().dynamicPort().bindAddress(ConnectorTests.ALLOWED_HOST));
        mes.start();
    }

    @AfterAll
    static void stopMes() {
        mes.stop();
    }

    @BeforeEach
    void newTenant() {
        tenant = ConnectorTests.newTenantWithPlant(db);
        admin = TestTokens.get().token(tenant, "admin");
        api = "/mes/" + UUID.randomUUID();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:%d/q/openapi", "http://localhost:%d/q/openapi",
            "http://[::1]:%d/q/openapi", "http://2130706433:%d/q/openapi", "http://0.0.0.0:%d/q/openapi",
            "http://0x7f.1:%d/q/openapi", "http://127.1:%d/q/openapi", "http://0177.0.0.1:%d/q/openapi",
            "http://[::ffff:127.0.0.1]:%d/q/openapi", "http://169.254.169.254/latest/meta-data/?p=%d",
            "http://10.0.0.1:%d/", "http://192.168.1.1:%d/", "http://100.64.0.1:%d/", "http://[fd00::1]:%d/" })
    void aRestConnectorToAnInternalAddressIsRefusedWithTheFieldNamed(String url) {
        put(body(url.formatted(RestAssured.port), HEADER_AUTH)).statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("config.url"))).body("errors[0].message", equalTo(REFUSED));
        assertThat(count(db, tenant, "SELECT count(*) FROM connectors")).isZero();
    }

    @Test
    void anOAuthTokenUrlOnLoopbackIsRefused() {
        put(body(base() + api + "/defects", """
                {"type": "oauth2_client_credentials", "token_url": "http://127.0.0.1:%d/token",
                 "client_id": "scrapline", "client_secret": "cs-1"}""".formatted(RestAssured.port))).statusCode(422)
                .body("errors.field", equalTo(List.of("config.auth.token_url")))
                .body("errors[0].message", equalTo(REFUSED));
    }

    @Test
    void aConnectorStoredPastTheChecksIsRefusedAtItsRunAndNothingOfTheInternalAnswerIsShown() {
        ConnectorTests.storeDirectly(db, tenant, "plex-mes", "internal", "rest",
                """
                        {"url": "http://localhost:%d/q/openapi", "items_path": "", "cursor_param": "c", "next_cursor_path": "/x",
                         "field_map": %s}"""
                        .formatted(RestAssured.port, ConnectorTests.DEFECT_FIELD_MAP));

        JsonPath run = runNow("internal");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getInt("attempts")).isEqualTo(1);
        assertThat(run.getString("error")).contains(REFUSED).doesNotContain("openapi: 3").doesNotContain("127.0.0.1");
    }

    @Test
    void aRedirectFromAnAllowedHostToLoopbackIsRefused() {
        mes.stubFor(get(urlPathEqualTo(api + "/defects")).willReturn(aResponse().withStatus(302).withHeader("Location",
                "http://2130706433:" + RestAssured.port + "/q/openapi")));
        put(body(base() + api + "/defects", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains(REFUSED).doesNotContain("openapi: 3");
    }

    @Test
    void aRedirectWithinAllowedAddressesIsFollowedAndTheKeyGoesOnlyToTheConfiguredOrigin() {
        // The same server under another origin (127.0.0.2 spelled as one number): allowed, but not the key's origin.
        String otherOrigin = "http://2130706434:" + mes.port();
        mes.stubFor(get(urlPathEqualTo(api + "/old")).willReturn(
                aResponse().withStatus(301).withHeader("Location", otherOrigin + api + "/defects?site=DAY1")));
        mes.stubFor(get(urlPathEqualTo(api + "/defects")).willReturn(okJson(mesPage(null, 1, 2))));
        put(body(base() + api + "/old", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("records")).isEqualTo(2);
        mes.verify(1, getRequestedFor(urlPathEqualTo(api + "/old")).withHeader("X-Api-Key", WireMock.equalTo(API_KEY)));
        mes.verify(1, getRequestedFor(urlPathEqualTo(api + "/defects")).withHeader("X-Api-Key", absent()));
    }

    @Test
    void aRedirectLoopEndsTheRun() {
        mes.stubFor(get(urlPathEqualTo(api + "/defects"))
                .willReturn(aResponse().withStatus(307).withHeader("Location", api + "/defects")));
        put(body(base() + api + "/defects", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("too many redirects");
    }

    @Test
    void aRemoteErrorWhoseTextHoldsASecretDoesNotReachTheTenant() {
        mes.stubFor(get(urlPathEqualTo(api + "/defects")).willReturn(aResponse().withStatus(500)
                .withBody("FATAL: password authentication failed; dsn=postgres://app:hunter2@db.internal:5432")));
        put(body(base() + api + "/defects", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("error")).contains("remote answered HTTP 500").doesNotContain("hunter2")
                .doesNotContain("db.internal").doesNotContain("password");
        given().auth().oauth2(admin).get(path("defects")).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hunter2")));

        mes.stubFor(get(urlPathEqualTo(api + "/defects"))
                .willReturn(aResponse().withStatus(200).withBody("<html>internal admin page, token hunter2</html>")));
        JsonPath notJson = runNow("defects");
        assertThat(notJson.getString("error")).contains("the answer is not JSON").doesNotContain("hunter2");
    }

    @Test
    void aTokenEndpointRefusingTheClientIsAnAuthenticationFailureWithoutItsText() {
        mes.stubFor(post(urlPathEqualTo(api + "/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": \"invalid_client\", \"hint\": \"expected secret hunter2\"}")));
        put(body(base() + api + "/defects", """
                {"type": "oauth2_client_credentials", "token_url": "%s", "client_id": "scrapline",
                 "client_secret": "wrong"}""".formatted(base() + api + "/token"))).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("authentication failed (remote answered HTTP 401)")
                .doesNotContain("hunter2").doesNotContain("invalid_client");
    }

    @Test
    void aClosedPortIsNamedAsConnectionRefusedOnly() {
        put(body("http://" + ConnectorTests.ALLOWED_HOST + ":1/defects", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).endsWith(": connection refused (3 attempts)");
    }

    @Test
    void anAllowListedSourceWorks() {
        mes.stubFor(get(urlPathEqualTo(api + "/defects")).withHeader("X-Api-Key", WireMock.equalTo(API_KEY))
                .willReturn(okJson(mesPage(null, 1, 2, 3))));
        put(body(base() + api + "/defects", HEADER_AUTH)).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("records")).isEqualTo(3);
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(3);
    }

    private static String base() {
        return "http://" + ConnectorTests.ALLOWED_HOST + ":" + mes.port();
    }

    private static String body(String url, String auth) {
        return """
                {"kind": "rest", "record_type": "defects", "interval_seconds": 3600, "enabled": false,
                 "config": {"url": "%s", "items_path": "/data", "cursor_param": "cursor",
                            "next_cursor_path": "/paging/next", "field_map": %s, "auth": %s}}""".formatted(url,
                ConnectorTests.DEFECT_FIELD_MAP, auth);
    }

    private ValidatableResponse put(String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path("defects")).then();
    }

    private JsonPath runNow(String name) {
        return given().auth().oauth2(admin).post(path(name) + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static String path(String name) {
        return "/api/v1/sources/plex-mes/connectors/" + name;
    }
}
