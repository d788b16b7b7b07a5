package io.scrapline.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static io.scrapline.ingest.connector.ConnectorTests.count;
import static io.scrapline.ingest.connector.ConnectorTests.mesPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/** REST pulls against a real HTTP server playing a plant's MES: a paged API of defects behind a key or OAuth2. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RestConnectorTest {

    private static final String API_KEY = "k-7f3a9c";
    private static final String CLIENT_SECRET = "cs-91d2e4";
    private static final String HEADER_AUTH = """
            {"type": "header", "header_name": "X-Api-Key", "header_value": "%s"}""".formatted(API_KEY);

    private static WireMockServer mes;

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    /** This test's own part of the MES, so that no stub is shared between tests. */
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
    void newTenantAndMes() {
        tenant = ConnectorTests.newTenantWithPlant(db);
        admin = TestTokens.get().token(tenant, "admin");
        api = "/mes/" + UUID.randomUUID();
    }

    @Test
    void storesEveryPageWithMappedFieldsAndTheNextRunFetchesNothingNew() {
        stubPage("X-Api-Key", API_KEY, null, mesPage("c2", 1, 2));
        stubPage("X-Api-Key", API_KEY, "c2", mesPage("c3", 3, 4));
        stubPage("X-Api-Key", API_KEY, "c3", mesPage("c4", 5));
        stubPage("X-Api-Key", API_KEY, "c4", mesPage(null));
        putConnector("defects", HEADER_AUTH, false).statusCode(201).header("Location",
                containsString("/api/v1/sources/plex-mes/connectors/defects"));

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("pages")).isEqualTo(3);
        assertThat(run.getInt("records")).isEqualTo(5);
        assertThat(run.getInt("attempts")).as("four GETs, the last an empty page").isEqualTo(4);
        assertThat(run.getString("cursor_before")).isNull();
        assertThat(run.getString("cursor_after")).isEqualTo("c4");
        assertThat(run.getString("error")).isNull();

        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records WHERE version = 1")).isEqualTo(5);
        assertThat(
                count(db, tenant,
                        "SELECT count(*) FROM defect_records WHERE source_id = 'MES-3' AND quantity = 3 "
                                + "AND work_center_id = 'WC-110' AND occurred_at = '2026-10-14T13:03:00Z'"))
                                        .isEqualTo(1);
        given().auth().oauth2(admin).get(connectorPath("defects")).then().statusCode(200).body("cursor", equalTo("c4"))
                .body("status", equalTo("idle")).body("last_error", nullValue())
                .body("last_run.run_id", equalTo(run.getInt("run_id")))
                .body("config.auth.header_value", equalTo("********")).body(not(containsString(API_KEY)));

        JsonPath again = runNow("defects");
        assertThat(again.getString("status")).isEqualTo("succeeded");
        assertThat(again.getInt("records")).isZero();
        assertThat(again.getString("cursor_before")).isEqualTo("c4");
        assertThat(again.getString("cursor_after")).isEqualTo("c4");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(5);
        mes.verify(1, getRequestedFor(urlPathEqualTo(api + "/defects")).withQueryParam("cursor", absent()));

        List<Integer> runs = given().auth().oauth2(admin).get(connectorPath("defects") + "/runs").then().statusCode(200)
                .extract().path("run_id");
        assertThat(runs).containsExactly(again.getInt("run_id"), run.getInt("run_id"));
    }

    @Test
    void authenticatesWithOAuth2ClientCredentialsAndKeepsTheToken() {
        mes.stubFor(post(urlPathEqualTo(api + "/token")).withBasicAuth("scrapline", CLIENT_SECRET)
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=mes.read"))
                .willReturn(okJson("{\"access_token\": \"tok-1\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")));
        stubPage("Authorization", "Bearer tok-1", null, mesPage("c2", 1, 2));
        stubPage("Authorization", "Bearer tok-1", "c2", mesPage(null));
        putConnector("defects", """
                {"type": "oauth2_client_credentials", "token_url": "%s", "client_id": "scrapline",
                 "client_secret": "%s", "scope": "mes.read"}""".formatted(base() + api + "/token", CLIENT_SECRET),
                false).statusCode(201).body(not(containsString(CLIENT_SECRET)));

        assertThat(runNow("defects").getInt("records")).isEqualTo(2);
        assertThat(runNow("defects").getString("status")).isEqualTo("succeeded");
        mes.verify(1, postRequestedFor(urlPathEqualTo(api + "/token")));
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(2);
        given().auth().oauth2(admin).get(connectorPath("defects")).then().statusCode(200)
                .body("config.auth.client_secret", equalTo("********")).body(not(containsString(CLIENT_SECRET)));
    }

    @Test
    void retriesAServerErrorAndSucceeds() {
        mes.stubFor(pageRequest("X-Api-Key", API_KEY, null).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance")).willSetStateTo("up"));
        mes.stubFor(pageRequest("X-Api-Key", API_KEY, null).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(mesPage(null, 1, 2))));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("attempts")).isEqualTo(2);
        assertThat(run.getInt("records")).isEqualTo(2);
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(2);
    }

    @Test
    void aSourceFailingOnPageTwoKeepsPageOneAndTheNextRunResumesWithoutGapOrDuplicate() {
        stubPage("X-Api-Key", API_KEY, null, mesPage("c2", 1, 2));
        StubMapping down = mes.stubFor(pageRequest("X-Api-Key", API_KEY, "c2")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"database unavailable\"}")));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);

        JsonPath failed = runNow("defects");
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getInt("pages")).isEqualTo(1);
        assertThat(failed.getInt("records")).isEqualTo(2);
        assertThat(failed.getInt("attempts")).as("page 1, then page 2 three times").isEqualTo(4);
        assertThat(failed.getString("cursor_after")).isEqualTo("c2");
        assertThat(failed.getString("error")).contains("cursor=c2", "remote answered HTTP 500", "(3 attempts)")
                .as("the remote's body goes to the service log only").doesNotContain("database unavailable");
        given().auth().oauth2(admin).get(connectorPath("defects")).then().statusCode(200)
                .body("status", equalTo("failed")).body("cursor", equalTo("c2"))
                .body("last_error", containsString("remote answered HTTP 500"));
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(2);

        mes.removeStub(down);
        stubPage("X-Api-Key", API_KEY, "c2", mesPage("c3", 3, 4));
        // The last page carries no next cursor: the connector stays at c3 and re-reads that page next time.
        stubPage("X-Api-Key", API_KEY, "c3", mesPage(null, 5));
        JsonPath resumed = runNow("defects");
        assertThat(resumed.getString("status")).isEqualTo("succeeded");
        assertThat(resumed.getString("cursor_before")).isEqualTo("c2");
        assertThat(resumed.getString("cursor_after")).isEqualTo("c3");
        assertThat(resumed.getInt("records")).isEqualTo(3);

        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(5);
        assertThat(count(db, tenant, "SELECT count(DISTINCT source_id) FROM defect_records")).isEqualTo(5);
        assertThat(count(db, tenant, "SELECT max(version) FROM defect_records")).isEqualTo(1);
        mes.verify(1, getRequestedFor(urlPathEqualTo(api + "/defects")).withQueryParam("cursor", absent()));
        given().auth().oauth2(admin).get(connectorPath("defects")).then().body("status", equalTo("idle"))
                .body("last_error", nullValue());
    }

    @Test
    void aClientErrorFailsTheRunAtOnce() {
        mes.stubFor(pageRequest("X-Api-Key", API_KEY, null).willReturn(aResponse().withStatus(403)));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getInt("attempts")).isEqualTo(1);
        assertThat(run.getString("error")).contains("remote answered HTTP 403");
    }

    @Test
    void rejectedRecordsAreNamedInTheRunLogAndTheOthersStored() {
        stubPage("X-Api-Key", API_KEY, null, "{\"data\": [" + ConnectorTests.mesDefect(1, 4) + ","
                + ConnectorTests.mesDefect(2, -1) + "], \"paging\": {}}");
        putConnector("defects", HEADER_AUTH, false).statusCode(201);

        JsonPath run = runNow("defects");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("records")).isEqualTo(2);
        assertThat(run.getString("error")).contains("1 of 2 records rejected", "record 2 quantity: must be > 0");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(1);
    }

    @Test
    void anotherTenantCanNeitherSeeNorRunNorChangeTheConnector() {
        stubPage("X-Api-Key", API_KEY, null, mesPage(null, 1));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);
        runNow("defects");

        String otherTenant = ConnectorTests.newTenantWithPlant(db);
        String other = TestTokens.get().token(otherTenant, "admin", "ingest");
        given().auth().oauth2(other).get(connectorPath("defects")).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other).get(connectorPath("defects") + "/runs").then().statusCode(404);
        given().auth().oauth2(other).post(connectorPath("defects") + "/run").then().statusCode(404);
        // Its PUT of the same names makes a connector of its own, which cannot borrow this tenant's secret.
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(connectorBody(HEADER_AUTH.replace(API_KEY, "********"), false)).put(connectorPath("defects"))
                .then().statusCode(422).body("errors[0].field", equalTo("config.auth.header_value"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(connectorBody(HEADER_AUTH.replace(API_KEY, "their-key"), false)).put(connectorPath("defects"))
                .then().statusCode(201).body("cursor", nullValue()).body("last_run", nullValue());

        given().auth().oauth2(admin).get(connectorPath("defects")).then().statusCode(200).body("last_run.records",
                equalTo(1));
        assertThat(count(db, tenant, "SELECT count(*) FROM connectors WHERE config->'auth'->>'header_value' = $1",
                API_KEY)).as("sealed at rest").isZero();
        assertThat(count(db, tenant,
                "SELECT count(*) FROM connectors WHERE config->'auth'->>'header_value' LIKE 'enc:v1:devtest:%'"))
                        .isEqualTo(1);
        assertThat(count(db, otherTenant, "SELECT count(*) FROM defect_records")).isZero();
        assertThat(count(db, otherTenant, "SELECT count(*) FROM connector_runs")).isZero();
    }

    @Test
    void theSchedulerRunsEnabledConnectorsWhenTheyAreDue() throws InterruptedException {
        stubPage("X-Api-Key", API_KEY, null, mesPage(null, 1, 2));
        putConnector("scheduled", HEADER_AUTH, true).statusCode(201);

        Instant deadline = Instant.now().plusSeconds(20);
        while (count(db, tenant, "SELECT count(*) FROM defect_records") < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(2);
        while (count(db, tenant, "SELECT count(*) FROM connector_runs WHERE status = 'succeeded'") < 1
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        String nextRun = given().auth().oauth2(admin).get(connectorPath("scheduled")).then().statusCode(200)
                .body("last_run.status", equalTo("succeeded")).body("status", equalTo("idle")).extract()
                .path("next_run_at");
        assertThat(OffsetDateTime.parse(nextRun)).as("the next run is an interval away")
                .isAfter(OffsetDateTime.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void aConnectorRunsOnceAtATime() throws InterruptedException {
        mes.stubFor(pageRequest("X-Api-Key", API_KEY, null).willReturn(okJson(mesPage(null, 1)).withFixedDelay(2000)));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin)
                .post(connectorPath("defects") + "/run").then().extract().statusCode());
        Instant deadline = Instant.now().plusSeconds(10);
        while (count(db, tenant, "SELECT count(*) FROM connector_runs WHERE status = 'running'") == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        given().auth().oauth2(admin).post(connectorPath("defects") + "/run").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("running already"));
        assertThat(first.join()).isEqualTo(200);
        assertThat(count(db, tenant, "SELECT count(*) FROM connector_runs")).isEqualTo(1);
    }

    @Test
    void aRunLeftRunningByAStoppedServiceIsClosedByTheNextRun() {
        stubPage("X-Api-Key", API_KEY, null, mesPage(null, 1));
        putConnector("defects", HEADER_AUTH, false).statusCode(201);
        db.inTenant(tenant,
                connection -> connection.query("INSERT INTO connector_runs (tenant_id, source, connector, "
                        + "status) VALUES (current_tenant(), 'plex-mes', 'defects', 'running')").execute())
                .await().indefinitely();

        assertThat(runNow("defects").getString("status")).isEqualTo("succeeded");
        given().auth().oauth2(admin).get(connectorPath("defects") + "/runs").then().statusCode(200)
                .body("status", equalTo(List.of("succeeded", "failed")))
                .body("[1].error", containsString("interrupted")).body("[1].finished_at", not(nullValue()));
    }

    /** The MES's base URL, on the allow-listed address. */
    private static String base() {
        return "http://" + ConnectorTests.ALLOWED_HOST + ":" + mes.port();
    }

    private MappingBuilder pageRequest(String header, String value, String cursor) {
        MappingBuilder request = get(urlPathEqualTo(api + "/defects")).withQueryParam("site", WireMock.equalTo("DAY1"))
                .withHeader(header, WireMock.equalTo(value));
        return request.withQueryParam("cursor", cursor == null ? absent() : WireMock.equalTo(cursor));
    }

    private void stubPage(String header, String value, String cursor, String body) {
        mes.stubFor(pageRequest(header, value, cursor).willReturn(okJson(body)));
    }

    private String connectorBody(String auth, boolean enabled) {
        return """
                {"kind": "rest", "record_type": "defects", "interval_seconds": 3600, "enabled": %s,
                 "config": {"url": "%s", "items_path": "/data", "cursor_param": "cursor",
                            "next_cursor_path": "/paging/next", "field_map": %s, "auth": %s}}""".formatted(enabled,
                base() + api + "/defects?site=DAY1", ConnectorTests.DEFECT_FIELD_MAP, auth);
    }

    private ValidatableResponse putConnector(String name, String auth, boolean enabled) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(connectorBody(auth, enabled))
                .put(connectorPath(name)).then();
    }

    private JsonPath runNow(String name) {
        return given().auth().oauth2(admin).post(connectorPath(name) + "/run").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String connectorPath(String name) {
        return "/api/v1/sources/plex-mes/connectors/" + name;
    }
}
