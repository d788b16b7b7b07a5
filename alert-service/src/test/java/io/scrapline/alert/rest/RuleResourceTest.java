package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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

/** Rules through the API: stored, read, listed and deleted; every problem named; scope claims; tenants apart. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RuleResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;

    @BeforeEach
    void aTenantWithTwoPlantsAndAudiences() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        for (String plant : List.of("PA1", "PA2")) {
            sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES (current_tenant(), $1, $1,"
                    + " 'USD', 'America/New_York')", plant);
        }
        for (String audience : List.of("quality", "plant-managers")) {
            put(admin, "/api/v1/audiences/" + audience,
                    Map.of("members", List.of(Map.of("role", "quality", "email", audience + "@example.com"))))
                            .statusCode(204);
        }
    }

    @Test
    void aRuleIsStoredReadListedAndDeleted() {
        put(admin, "/api/v1/alert-rules/l2-shift", shiftRule("PA1", "L2")).statusCode(204);

        given().auth().oauth2(admin).get("/api/v1/alert-rules/l2-shift").then().statusCode(200)
                .body("id", equalTo("l2-shift")).body("name", equalTo("Line 2 per shift")).body("plant", equalTo("PA1"))
                .body("line", equalTo("L2")).body("metric", equalTo("cost")).body("window", equalTo("shift"))
                .body("window_hours", nullValue()).body("thresholds.level", equalTo(List.of("warning", "critical")))
                .body("thresholds[0].factor", equalTo("2")).body("thresholds[0].trailing_windows", equalTo(20))
                .body("thresholds[0].value", nullValue()).body("thresholds[1].value", equalTo("2000.00"))
                .body("thresholds[1].audiences", equalTo(List.of("quality", "plant-managers")))
                .body("thresholds[1].escalation_policy", equalTo("critical-scrap")).body("enabled", equalTo(true))
                .body("updated_by", equalTo(tenant + "-admin@demo.scrapline.local"));
        put(admin, "/api/v1/alert-rules/pa2-v1", v1Rule("PA2", "500.00")).statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/alert-rules").then().statusCode(200).body("id",
                equalTo(List.of("l2-shift", "pa2-v1")));
        given().auth().oauth2(admin).queryParam("plant", "PA2").get("/api/v1/alert-rules").then().statusCode(200)
                .body("id", equalTo(List.of("pa2-v1")));
        // Reporting reads the lowest absolute threshold of the rule.
        assertThat(count("SELECT count(*) FROM alert_rules WHERE rule_id = 'l2-shift' AND threshold = 2000.00"))
                .isOne();

        given().auth().oauth2(admin).delete("/api/v1/alert-rules/l2-shift").then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/alert-rules/l2-shift").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).delete("/api/v1/alert-rules/l2-shift").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM alert_thresholds WHERE rule_id = 'l2-shift'")).isZero();
    }

    @Test
    void v1sBodyIsStillAcceptedAsOneWarningThresholdOverThePeriodToDate() {
        put(admin, "/api/v1/alert-rules/mach-dim", v1Rule("PA1", "500.00")).statusCode(204);

        given().auth().oauth2(admin).get("/api/v1/alert-rules/mach-dim").then().statusCode(200)
                .body("window", equalTo("period_to_date")).body("defect_code", equalTo("MACH-DIM"))
                .body("thresholds", hasSize(1)).body("thresholds[0].level", equalTo("warning"))
                .body("thresholds[0].value", equalTo("500.00"))
                .body("thresholds[0].audiences", equalTo(List.of("quality")));
        assertThat(count("SELECT count(*) FROM alert_rules WHERE time_window = 'period' AND metric = 'cost'")).isOne();
    }

    @Test
    void aReplacedRuleKeepsOnlyItsNewThresholds() {
        put(admin, "/api/v1/alert-rules/r", shiftRule("PA1", "L2")).statusCode(204);
        Map<String, Object> critical = new LinkedHashMap<>(shiftRule("PA1", "L2"));
        critical.put("thresholds",
                List.of(Map.of("level", "critical", "value", "2500.00", "audiences", List.of("plant-managers"))));
        put(admin, "/api/v1/alert-rules/r", critical).statusCode(204);

        given().auth().oauth2(admin).get("/api/v1/alert-rules/r").then().statusCode(200)
                .body("thresholds.level", equalTo(List.of("critical"))).body("thresholds[0].value", equalTo("2500.00"));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("plant", "PA1");
        bad.put("line", "bad line");
        bad.put("defect_code", "MACH-DIM");
        bad.put("defect_category", "MACHINING");
        bad.put("metric", "money");
        bad.put("window", "fortnight");
        bad.put("window_hours", 3);
        bad.put("thresholds", List.of(Map.of("level", "warning", "value", "0", "factor", "2", "audiences", List.of()),
                Map.of("level", "warning", "trailing_windows", 5, "audiences", List.of("bad audience"))));

        put(admin, "/api/v1/alert-rules/bad", bad).statusCode(422).contentType(PROBLEM)
                .body("errors.field",
                        equalTo(List.of("defect_category", "line", "metric", "window", "audiences", "factor",
                                "trailing_windows", "value", "audiences", "level", "trailing_windows", "value")))
                .body("errors.row", equalTo(java.util.Arrays.asList(null, null, null, null, 1, 1, 1, 1, 2, 2, 2, 2)));
        assertThat(count("SELECT count(*) FROM alert_rules")).isZero();
    }

    @Test
    void aPlantAndEachAudienceThatDoNotExistAreNamed() {
        Map<String, Object> rule = new LinkedHashMap<>(shiftRule("NOPE", "L2"));
        rule.put("thresholds", List.of(Map.of("level", "warning", "value", "1", "audiences", List.of("quality", "x")),
                Map.of("level", "critical", "value", "2", "audiences", List.of("y"))));

        put(admin, "/api/v1/alert-rules/r", rule).statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("plant", "audiences", "audiences")))
                .body("errors.row", equalTo(java.util.Arrays.asList(null, 1, 2)))
                .body("errors.message", equalTo(List.of("no plant NOPE", "no audience x", "no audience y")));
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeNorDeleteTheRules() {
        put(admin, "/api/v1/alert-rules/r", shiftRule("PA1", "L2")).statusCode(204);
        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");

        given().auth().oauth2(other).get("/api/v1/alert-rules/r").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/alert-rules").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).delete("/api/v1/alert-rules/r").then().statusCode(404);
        put(other, "/api/v1/alert-rules/r", v1Rule("PA1", "1.00")).statusCode(422).body("errors.field",
                equalTo(List.of("plant", "audience")));
        given().auth().oauth2(admin).get("/api/v1/alert-rules/r").then().statusCode(200).body("line", equalTo("L2"));
    }

    @Test
    void theTokensPlantsAndLinesBoundWhichRulesItSeesAndChanges() {
        put(admin, "/api/v1/alert-rules/pa1-l2", shiftRule("PA1", "L2")).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa1-plant", v1Rule("PA1", "500.00")).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa2-plant", v1Rule("PA2", "500.00")).statusCode(204);
        String pa2 = TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "quality");
        String pa1Line2 = TestTokens.get().scopedToken(tenant, List.of("PA1"), List.of("L2"), "quality");

        given().auth().oauth2(pa2).get("/api/v1/alert-rules").then().body("id", equalTo(List.of("pa2-plant")));
        given().auth().oauth2(pa2).get("/api/v1/alert-rules/pa1-plant").then().statusCode(404);
        given().auth().oauth2(pa2).delete("/api/v1/alert-rules/pa1-l2").then().statusCode(404);
        given().auth().oauth2(pa1Line2).get("/api/v1/alert-rules").then().body("id", equalTo(List.of("pa1-l2")));
        given().auth().oauth2(pa1Line2).get("/api/v1/alert-rules/pa1-plant").then().statusCode(404);

        // A token of line L2 keeps the rules of its line, not those of the whole plant or of another line.
        put(pa1Line2, "/api/v1/alert-rules/pa1-l2", shiftRule("PA1", "L2")).statusCode(204);
        put(pa1Line2, "/api/v1/alert-rules/pa1-l2", shiftRule("PA1", "L3")).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("line L3 is outside the token's scope"));
        put(pa1Line2, "/api/v1/alert-rules/pa1-plant", shiftRule("PA1", "L2")).statusCode(403).body("detail",
                equalTo("rule pa1-plant watches a line outside the token's scope"));
        given().auth().oauth2(pa1Line2).delete("/api/v1/alert-rules/pa1-l2").then().statusCode(204);
        assertThat(count("SELECT count(*) FROM alert_rules WHERE rule_id = 'pa1-plant' AND line_id IS NULL")).isOne();
    }

    @Test
    void onlyAdminsAndQualityWriteRules() {
        given().contentType(ContentType.JSON).body(v1Rule("PA1", "1")).put("/api/v1/alert-rules/r").then()
                .statusCode(401);
        put(TestTokens.get().token(tenant, "controller"), "/api/v1/alert-rules/r", v1Rule("PA1", "1")).statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).delete("/api/v1/alert-rules/r").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get("/api/v1/alert-rules").then()
                .statusCode(403);
    }

    static Map<String, Object> shiftRule(String plant, String line) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Line 2 per shift");
        rule.put("plant", plant);
        rule.put("line", line);
        rule.put("metric", "cost");
        rule.put("window", "shift");
        rule.put("thresholds",
                List.of(Map.of("level", "warning", "factor", "2", "trailing_windows", 20, "audiences",
                        List.of("quality")),
                        Map.of("level", "critical", "value", "2000.00", "audiences",
                                List.of("quality", "plant-managers"), "escalation_policy", "critical-scrap")));
        return rule;
    }

    static Map<String, Object> v1Rule(String plant, String threshold) {
        return Map.of("plant", plant, "defect_code", "MACH-DIM", "metric", "cost", "window", "period", "threshold",
                threshold, "audience", "quality");
    }

    private ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private void sql(String sql, Object... parameters) {
        new TenantRows(db, tenant).sql(sql, parameters);
    }

    private long count(String sql) {
        return new TenantRows(db, tenant).count(sql);
    }
}
