package io.scrapline.reporting.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The close hands version 1 over to alert-service (a real HTTP server standing in for it) with reporting's own service
 * token for the tenant, once, after it commits; a restatement hands nothing over, and alert-service failing does not
 * fail the close.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertServiceStandIn.Profile.class)
class DistributionPromptTest {

    private static final String CLOSES = "/api/v1/alerts/distributions/closes";

    @AlertServiceStandIn.Server
    WireMockServer alert;

    @Inject
    TenantDb db;

    @Inject
    ObjectMapper json;

    private String tenant;
    private String controller;

    @BeforeEach
    void plantWithOctober() {
        alert.resetAll();
        alert.stubFor(post(urlEqualTo(CLOSES)).willReturn(okJson("{\"queued\": 1}")));
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), 'DAY1', '2026-10', 'L1', 'WC-110', 'MACH-DIM', 'A', 'scrap',
                    'internal_failure', 655.20, 3, 1)
                """).execute(Tuple.tuple())).await().indefinitely();
    }

    @Test
    void theCloseHandsVersionOneOverOnceWithAServiceTokenOfTheTenant() throws Exception {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200)
                .body("version", equalTo(1));

        LoggedRequest prompt = awaitPrompts(1).get(0);
        JsonNode body = json.readTree(prompt.getBodyAsString());
        assertThat(body.get("plant").asText()).isEqualTo("DAY1");
        assertThat(body.get("period").asText()).isEqualTo("2026-10");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        JsonNode claims = claims(prompt);
        assertThat(claims.get("iss").asText()).isEqualTo(TestServiceTokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("reporting-service");
        assertThat(claims.get("groups").toString()).isEqualTo("[\"service\"]");
        assertThat(claims.has("plants")).isFalse();

        // A restatement stores version 2 and hands nothing over; a second close is refused.
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/restate").then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(409);
        Thread.sleep(1500);
        assertThat(promptsOf(tenant)).hasSize(1);
    }

    @Test
    void alertServiceFailingDoesNotFailTheClose() {
        alert.stubFor(post(urlEqualTo(CLOSES)).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200)
                .body("status", equalTo("closed"));
        awaitPrompts(1);
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-10").then().statusCode(200)
                .body("status", equalTo("closed")).body("totals.total_cost", equalTo("655.20"));
    }

    private List<LoggedRequest> awaitPrompts(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<LoggedRequest> prompts = promptsOf(tenant);
        while (prompts.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            prompts = promptsOf(tenant);
        }
        assertThat(prompts).hasSize(count);
        return prompts;
    }

    /** The prompts whose token names {@code tenantId}: the stand-in is shared by the tests of this class. */
    private List<LoggedRequest> promptsOf(String tenantId) {
        return alert.findAll(postRequestedFor(urlEqualTo(CLOSES))).stream()
                .filter(request -> claims(request).path("tenant").asText().equals(tenantId)).toList();
    }

    private JsonNode claims(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
