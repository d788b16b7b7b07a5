package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.alert.rest.RuleResourceTest.shiftRule;
import static io.scrapline.alert.rest.RuleResourceTest.v1Rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/** The audit of changes to rules and audiences: who, when, before and after; filters, pages, tenants and scopes. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditResourceTest {

    private static final String AUDIT = "/api/v1/alerts/audit";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    private String quality;
    private Instant start;

    @BeforeEach
    void aTenantThatChangedAnAudienceAndRules() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        quality = TestTokens.get().token(tenant, "quality");
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        for (String plant : List.of("PA1", "PA2")) {
            sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES (current_tenant(), $1, $1,"
                    + " 'USD', 'UTC')", plant);
        }
        start = Instant.now();
        audience("quality", "dana.ortiz@example.com");
        audience("plant-managers", "sam.patel@example.com");
        put(admin, "/api/v1/alert-rules/mach-dim", v1Rule("PA1", "500.00")).statusCode(204);
        put(quality, "/api/v1/alert-rules/mach-dim", v1Rule("PA1", "750.00")).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa1-l2", shiftRule("PA1", "L2")).statusCode(204);
        put(admin, "/api/v1/alert-rules/pa2", v1Rule("PA2", "100.00")).statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/alert-rules/pa2").then().statusCode(204);
    }

    @Test
    void everyChangeIsRecordedWithWhoWhenBeforeAndAfter() {
        JsonPath page = audit(admin, Map.of()).body("entries", hasSize(7)).body("next_cursor", nullValue()).extract()
                .jsonPath();

        assertThat(page.getList("entries.action")).containsExactly("deleted", "created", "created", "updated",
                "created", "created", "created");
        assertThat(page.getList("entries.entity_id")).containsExactly("pa2", "pa2", "pa1-l2", "mach-dim", "mach-dim",
                "plant-managers", "quality");
        Map<String, Object> update = page.getMap("entries[3]");
        assertThat(update).containsEntry("entity", "rule").containsEntry("actor",
                tenant + "-quality@demo.scrapline.local");
        assertThat(Instant.parse((String) update.get("at"))).isAfterOrEqualTo(start.minusSeconds(1));
        assertThat(page.getString("entries[3].before.thresholds[0].value")).isEqualTo("500.00");
        assertThat(page.getString("entries[3].after.thresholds[0].value")).isEqualTo("750.00");
        assertThat(page.getString("entries[3].after.window")).isEqualTo("period_to_date");
        assertThat(page.getMap("entries[0].after")).isNull();
        assertThat(page.getString("entries[0].before.plant")).isEqualTo("PA2");
        assertThat(page.getMap("entries[6].before")).isNull();
        assertThat(page.getString("entries[6].after.members[0].email")).isEqualTo("dana.ortiz@example.com");
    }

    @Test
    void entriesAreFilteredAndPaged() {
        audit(admin, Map.of("entity", "rule", "entity_id", "mach-dim")).body("entries.action",
                equalTo(List.of("updated", "created")));
        audit(admin, Map.of("actor", tenant + "-quality@demo.scrapline.local")).body("entries", hasSize(1));
        audit(admin, Map.of("entity", "audience")).body("entries.entity_id",
                equalTo(List.of("plant-managers", "quality")));
        audit(admin, Map.of("to", start.minusSeconds(60).toString())).body("entries", hasSize(0));
        audit(admin, Map.of("from", start.minusSeconds(60).toString(), "entity", "audience")).body("entries",
                hasSize(2));

        String cursor = audit(admin, Map.of("limit", "3"))
                .body("entries.entity_id", equalTo(List.of("pa2", "pa2", "pa1-l2"))).extract().path("next_cursor");
        String next = audit(admin, Map.of("limit", "3", "cursor", cursor))
                .body("entries.entity_id", equalTo(List.of("mach-dim", "mach-dim", "plant-managers"))).extract()
                .path("next_cursor");
        audit(admin, Map.of("limit", "3", "cursor", next)).body("entries.entity_id", equalTo(List.of("quality")))
                .body("next_cursor", nullValue());
    }

    @Test
    void eachInvalidFilterIsNamed() {
        given().auth().oauth2(admin).queryParams(Map.of("from", "yesterday", "limit", "0", "cursor", "x")).get(AUDIT)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from", "limit", "cursor")));
    }

    @Test
    void aTokenReadsItsOwnTenantsAndScopesEntriesOnly() {
        audit(TestTokens.get().token("t-" + UUID.randomUUID(), "admin"), Map.of()).body("entries", hasSize(0));
        audit(TestTokens.get().scopedToken(tenant, List.of("PA2"), List.of(), "quality"), Map.of())
                .body("entries.entity_id", equalTo(List.of("pa2", "pa2")));
        audit(TestTokens.get().scopedToken(tenant, List.of("PA1"), List.of("L2"), "quality"), Map.of())
                .body("entries.entity_id", equalTo(List.of("pa1-l2")));
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get(AUDIT).then().statusCode(403);
        given().get(AUDIT).then().statusCode(401);
    }

    private ValidatableResponse audit(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get(AUDIT).then().statusCode(200);
    }

    private void audience(String id, String email) {
        put(admin, "/api/v1/audiences/" + id, Map.of("members", List.of(Map.of("role", "quality", "email", email))))
                .statusCode(204);
    }

    private ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private void sql(String sql, Object... parameters) {
        new TenantRows(db, tenant).sql(sql, parameters);
    }
}
