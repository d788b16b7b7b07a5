package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who may prompt an evaluation of the alert rules: a service (costing), with a token of the service key for one tenant.
 * No user's token is accepted, whatever its roles and scope (a line-limited user's batch is evaluated with costing's
 * token, which covers the whole tenant), and a token of the identity provider that claims the service role is no token
 * at all. The sweep is off here, so every alert logged is a prompt's.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertEvaluationTest.PromptsOnly.class)
class AlertEvaluationTest {

    private static final String PROBLEM = "application/problem+json";

    /** No sweep, and a mock mailer that accepts every send. */
    public static class PromptsOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scrapline.alert.sweep-every", "off", "quarkus.mailer.mock", "true");
        }
    }

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private String tenant;

    /** The tenant's DAY1 has a 500.00 rule on MACH-DIM, whose cost in 2026-10 is 655.20. */
    @BeforeEach
    void tenantWithARuleOverItsThreshold() {
        tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String admin = TestTokens.get().token(tenant, "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("role", "quality", "email", "quality@example.com"))))
                .put("/api/v1/audiences/quality").then().statusCode(204);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "defect_code", "MACH-DIM", "metric", "cost", "window", "period",
                        "threshold", "500.00", "audience", "quality"))
                .put("/api/v1/alert-rules/mach-dim").then().statusCode(204);
        CostedEvents.event("MACH-DIM", "655.20", Instant.parse("2026-10-14T16:00:00Z")).quantity("3").insert(db,
                tenant);
    }

    @Test
    void noUsersTokenEvaluates() {
        evaluate(null).statusCode(401);
        for (String token : List.of(TestTokens.get().token(tenant, "ingest"), TestTokens.get().token(tenant, "admin"),
                TestTokens.get().token(tenant, "admin", "ingest", "controller", "quality", "supervisor"),
                TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "ingest"),
                TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "ingest"))) {
            evaluate(token).statusCode(403).contentType(PROBLEM);
        }
        assertThat(alertsLogged(tenant)).isZero();
    }

    @Test
    void theServiceRoleComesFromTheServiceKeyOnly() {
        evaluate(TestTokens.get().token(tenant, "service")).statusCode(401);
        evaluate(TestTokens.get().token(tenant, "ingest", "service")).statusCode(401);
        evaluate(TestTokens.get().tokenClaimingIssuer(TestServiceTokens.ISSUER, tenant, "service")).statusCode(401);
        assertThat(alertsLogged(tenant)).isZero();
    }

    @Test
    void anExpiredServiceTokenIsRefused() {
        evaluate(TestServiceTokens.get().expiredToken("costing-service", tenant, Duration.ofMinutes(5)))
                .statusCode(401);
        assertThat(alertsLogged(tenant)).isZero();
    }

    @Test
    void aServiceTokenEvaluatesTheRulesOfItsOwnTenantOnly() {
        String other = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, other, "DAY1");

        // The same plant, period and code under another tenant's token: that tenant has no rule, so nothing fires.
        evaluate(serviceTokens.sign(other)).statusCode(200).body("sent", equalTo(0));
        assertThat(alertsLogged(tenant)).isZero();

        evaluate(serviceTokens.sign(tenant)).statusCode(200).body("sent", equalTo(1));
        assertThat(alertsLogged(tenant)).isEqualTo(1);
        assertThat(alertsLogged(other)).isZero();
    }

    private ValidatableResponse evaluate(String token) {
        return (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "period", "2026-10", "defect_codes", List.of("MACH-DIM")))
                .post("/api/v1/alerts/evaluations").then();
    }

    private long alertsLogged(String tenantId) {
        return db
                .inTenant(tenantId,
                        connection -> connection.preparedQuery("SELECT count(*) FROM alert_log").execute(Tuple.tuple()))
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }
}
