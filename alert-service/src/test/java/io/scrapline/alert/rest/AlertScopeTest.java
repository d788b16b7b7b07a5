package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code plants} and {@code lines} claims on every alert endpoint a user calls (finding 3 of issue 10: a PA2-only
 * token read PA1's alerts, overwrote PA1's rule and acknowledged PA1's alert). Evaluations take a service token only,
 * whose scope is the whole tenant ({@link AlertEvaluationTest}).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AlertScopeTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    private String pa2Admin;
    private String pa2Quality;
    private String pa1Line1Quality;
    private long pa1Alert;
    private long pa2Alert;

    @BeforeEach
    void twoPlantsEachWithARuleAndAnAlert() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        pa2Admin = TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "admin");
        pa2Quality = TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "quality");
        pa1Line1Quality = TestTokens.get().scopedToken(tenant, List.of("PA1"), List.of("L1"), "quality");
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        for (String plant : List.of("PA1", "PA2")) {
            sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES (current_tenant(), $1, $1,"
                    + " 'USD', 'UTC')", plant);
        }
        put(admin, "/api/v1/audiences/quality", audience()).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa1-dim", rule("PA1", "500.00")).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa2-dim", rule("PA2", "500.00")).statusCode(204);
        pa1Alert = logAlert("pa1-dim", "PA1");
        pa2Alert = logAlert("pa2-dim", "PA2");
    }

    @Test
    void aPlantLimitedTokenListsOnlyItsPlantsAlerts() {
        given().auth().oauth2(pa2Quality).get("/api/v1/alerts").then().statusCode(200).body("plant",
                equalTo(List.of("PA2")));
        given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(2));
    }

    @Test
    void aLineLimitedTokenSeesNoPlantWideAlerts() {
        given().auth().oauth2(pa1Line1Quality).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void anotherPlantsAlertIsNotFoundToAcknowledge() {
        acknowledge(pa2Quality, pa1Alert).statusCode(404).contentType(PROBLEM);
        assertThat(status(pa1Alert)).isEqualTo("sent");
        acknowledge(pa2Quality, pa2Alert).statusCode(204);
        assertThat(status(pa2Alert)).isEqualTo("acknowledged");
    }

    @Test
    void aLineLimitedTokenAcknowledgesOnlyItsPlantsAlerts() {
        acknowledge(pa1Line1Quality, pa2Alert).statusCode(404);
        acknowledge(pa1Line1Quality, pa1Alert).statusCode(204);
        assertThat(status(pa2Alert)).isEqualTo("sent");
    }

    @Test
    void aPlantLimitedTokenCannotOverwriteOrMoveAnotherPlantsRule() {
        put(pa2Quality, "/api/v1/alert-rules/pa1-dim", rule("PA1", "1.00")).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("plant PA1 is outside the token's scope"));
        put(pa2Quality, "/api/v1/alert-rules/pa1-dim", rule("PA2", "1.00")).statusCode(403).contentType(PROBLEM)
                .body("detail", equalTo("rule pa1-dim watches a plant outside the token's scope"));
        assertThat(count("SELECT count(*) FROM alert_rules WHERE rule_id = 'pa1-dim' AND plant_id = 'PA1' "
                + "AND threshold = 500.00")).isEqualTo(1);

        put(pa2Quality, "/api/v1/alert-rules/pa2-dim", rule("PA2", "750.00")).statusCode(204);
        put(pa2Quality, "/api/v1/alert-rules/pa2-new", rule("PA2", "750.00")).statusCode(204);
        assertThat(count("SELECT count(*) FROM alert_rules WHERE plant_id = 'PA2' AND threshold = 750.00"))
                .isEqualTo(2);
    }

    @Test
    void anOutOfScopePlantIsRefusedWhetherItExistsOrNot() {
        put(pa2Quality, "/api/v1/alert-rules/x", rule("NOPE", "1.00")).statusCode(403).body("detail",
                containsString("plant NOPE is outside the token's scope"));
    }

    @Test
    void aLineLimitedTokenCannotWriteAPlantWideRule() {
        put(TestTokens.get().scopedToken(tenant, List.of("PA1"), List.of("L1"), "admin"), "/api/v1/alert-rules/pa1-dim",
                rule("PA1", "1.00")).statusCode(403).contentType(PROBLEM).body("detail",
                        equalTo("an alert rule covers the whole plant PA1; the token is limited to lines L1"));
    }

    @Test
    void audiencesAreSharedByEveryPlantSoOnlyAWholeTenantTokenChangesThem() {
        put(pa2Admin, "/api/v1/audiences/quality",
                Map.of("members", List.of(Map.of("role", "quality", "email", "mallory@example.com")))).statusCode(403)
                        .contentType(PROBLEM).body("detail", equalTo(
                                "an audience covers every plant of the tenant; the token is limited to plants PA2"));
        assertThat(count("SELECT count(*) FROM audiences WHERE members::text LIKE '%mallory%'")).isZero();
    }

    private long logAlert(String rule, String plant) {
        return db
                .inTenant(tenant,
                        connection -> connection
                                .preparedQuery(
                                        """
                                                INSERT INTO alert_log (tenant_id, rule_id, plant_id, period, defect_code, value, threshold, currency,
                                                    recipients, status, attempts, sent_at, level, metric, window_kind, window_key)
                                                VALUES (current_tenant(), $1, $2, '2026-10', 'MACH-DIM', 655.20, 500.00, 'USD',
                                                    ARRAY['dana.ortiz@example.com'], 'sent', 1, now(), 'warning', 'cost',
                                                    'period_to_date', 'period/2026-10')
                                                RETURNING alert_id
                                                """)
                                .execute(Tuple.of(rule, plant)))
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }

    private String status(long alert) {
        return db
                .inTenant(tenant,
                        connection -> connection.preparedQuery("SELECT status FROM alert_log WHERE " + "alert_id = $1")
                                .execute(Tuple.of(alert)))
                .map(rows -> rows.iterator().next().getString(0)).await().indefinitely();
    }

    private ValidatableResponse acknowledge(String token, long id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/alerts/" + id + "/acknowledge")
                .then();
    }

    private ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static Map<String, Object> audience() {
        return Map.of("members",
                List.of(Map.of("name", "Dana Ortiz", "role", "quality", "email", "dana.ortiz@example.com")));
    }

    private static Map<String, Object> rule(String plant, String threshold) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("plant", plant);
        rule.put("defect_code", "MACH-DIM");
        rule.put("metric", "cost");
        rule.put("window", "period");
        rule.put("threshold", threshold);
        rule.put("audience", "quality");
        return rule;
    }

    private void sql(String sql, Object... parameters) {
        db.inTenant(tenant, connection -> connection.preparedQuery(sql)
                .execute(Tuple.from(java.util.Arrays.asList(parameters))).replaceWithVoid()).await().indefinitely();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
