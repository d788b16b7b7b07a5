package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Subscriptions to reports: their defaults, every error named, the scope rules of alert rules, and tenant isolation.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SubscriptionResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private String tenant;
    private String admin;

    /** DAY1 and DAY2, and the audience {@code controllers}. */
    @BeforeEach
    void tenantWithTwoPlantsAndAnAudience() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone)
                VALUES (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/Chicago')
                """).execute(Tuple.tuple())).await().indefinitely();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("role", "controller", "email", "controller@example.com"))))
                .put("/api/v1/audiences/controllers").then().statusCode(204);
    }

    @Test
    void aSubscriptionIsStoredWithItsCadencesDefaults() {
        put(admin, "daily", body("DAY1", "daily")).statusCode(200).body("id", equalTo("daily"))
                .body("audience", equalTo("controllers")).body("plant", equalTo("DAY1"))
                .body("cadence", equalTo("daily")).body("formats", equalTo(List.of("pdf", "html_link")))
                .body("send_at", equalTo("06:00")).body("weekday", nullValue()).body("enabled", equalTo(true))
                .body("updated_by", equalTo(tenant + "-admin@demo.scrapline.local"));
        put(admin, "weekly", body("DAY1", "weekly")).statusCode(200).body("weekday", equalTo("monday")).body("send_at",
                equalTo("06:00"));
        Map<String, Object> thursday = body("*", "weekly");
        thursday.putAll(Map.of("weekday", "thursday", "send_at", "17:30", "enabled", false));
        put(admin, "weekly", thursday).statusCode(200).body("weekday", equalTo("thursday"))
                .body("send_at", equalTo("17:30")).body("plant", equalTo("*")).body("enabled", equalTo(false));
        put(admin, "month-end", body("DAY1", "month_end")).statusCode(200).body("send_at", nullValue()).body("weekday",
                nullValue());

        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions/weekly").then().statusCode(200).body("weekday",
                equalTo("thursday"));
        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions").then().statusCode(200).body("id",
                equalTo(List.of("daily", "month-end", "weekly")));
        given().auth().oauth2(admin).delete("/api/v1/alerts/subscriptions/daily").then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions/daily").then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(admin).delete("/api/v1/alerts/subscriptions/daily").then().statusCode(404);
    }

    @Test
    void everyFieldsOwnErrorIsNamed() {
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("audience", "");
        wrong.put("plant", "DAY 1");
        wrong.put("cadence", "hourly");
        wrong.put("formats", List.of());
        wrong.put("send_at", "25:00");
        wrong.put("weekday", "someday");
        assertThat(fields(put(admin, "bad", wrong).statusCode(422).contentType(PROBLEM)))
                .containsExactlyInAnyOrder("audience", "plant", "cadence", "formats", "send_at", "weekday");
        assertThat(fields(put(admin, "bad", Map.of()).statusCode(422))).containsExactlyInAnyOrder("audience", "plant",
                "cadence", "formats");
        put(admin, "not a code", body("DAY1", "daily")).statusCode(422).body("errors.field", hasItem("subscription"));
    }

    @Test
    void whatTheFieldsSayTogetherAndWhatDoesNotExistIsNamedAtOnce() {
        Map<String, Object> wrong = new HashMap<>(Map.of("audience", "nobody", "plant", "NOPE", "cadence", "month_end",
                "formats", List.of("pdf", "pdf", "doc"), "send_at", "07:00", "weekday", "friday"));
        put(admin, "bad", wrong).statusCode(422).contentType(PROBLEM)
                .body("errors.field",
                        containsInAnyOrder("formats", "formats", "send_at", "weekday", "audience", "plant"))
                .body("errors.message", hasItem("names pdf twice")).body("errors.message", hasItem("no plant NOPE"))
                .body("errors.message", hasItem("no audience nobody"));
        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions").then().body("", equalTo(List.of()));
    }

    @Test
    void aTokenOfSomePlantsSubscribesAndSeesThoseOnly() {
        String day1 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "controller");
        put(day1, "d1", body("DAY1", "daily")).statusCode(200);
        put(day1, "d2", body("DAY2", "daily")).statusCode(403).contentType(PROBLEM);
        put(day1, "all", body("*", "daily")).statusCode(403).contentType(PROBLEM);
        put(admin, "all", body("*", "month_end")).statusCode(200);
        put(admin, "d2", body("DAY2", "daily")).statusCode(200);

        // Another plant's subscription, or every plant's, is not taken over, seen or deleted.
        put(day1, "d2", body("DAY1", "daily")).statusCode(403);
        put(day1, "all", body("DAY1", "daily")).statusCode(403);
        given().auth().oauth2(day1).get("/api/v1/alerts/subscriptions/d2").then().statusCode(404);
        given().auth().oauth2(day1).get("/api/v1/alerts/subscriptions/all").then().statusCode(404);
        given().auth().oauth2(day1).delete("/api/v1/alerts/subscriptions/d2").then().statusCode(404);
        given().auth().oauth2(day1).get("/api/v1/alerts/subscriptions").then().body("id", equalTo(List.of("d1")));
        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions/d2").then().body("plant", equalTo("DAY2"));

        String line1 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "controller");
        put(line1, "d1", body("DAY1", "daily")).statusCode(403);
        given().auth().oauth2(line1).delete("/api/v1/alerts/subscriptions/d1").then().statusCode(403);
        given().auth().oauth2(line1).get("/api/v1/alerts/subscriptions/d1").then().statusCode(404);
        given().auth().oauth2(line1).get("/api/v1/alerts/subscriptions").then().body("", equalTo(List.of()));
    }

    @Test
    void everyChangeIsInTheAuditWithItsPlantForPlantLimitedReaders() {
        put(admin, "d1", body("DAY1", "daily")).statusCode(200);
        Map<String, Object> weekly = body("DAY1", "weekly");
        weekly.put("formats", List.of("xlsx"));
        put(admin, "d1", weekly).statusCode(200);
        put(admin, "all", body("*", "month_end")).statusCode(200);
        given().auth().oauth2(admin).delete("/api/v1/alerts/subscriptions/d1").then().statusCode(204);

        given().auth().oauth2(admin).queryParam("entity", "subscription").get("/api/v1/alerts/audit").then()
                .statusCode(200).body("entries.action", equalTo(List.of("deleted", "created", "updated", "created")))
                .body("entries.entity_id", equalTo(List.of("d1", "all", "d1", "d1")))
                .body("entries[0].before.cadence", equalTo("weekly")).body("entries[0].after", nullValue())
                .body("entries[2].before.formats", equalTo(List.of("pdf", "html_link")))
                .body("entries[2].after.formats", equalTo(List.of("xlsx")))
                .body("entries[3].actor", equalTo(tenant + "-admin@demo.scrapline.local"));
        // A token of DAY1 reads DAY1's entries, not those of the subscription to every plant; another plant's none.
        String day1 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "controller");
        given().auth().oauth2(day1).queryParam("entity", "subscription").get("/api/v1/alerts/audit").then()
                .statusCode(200).body("entries.entity_id", equalTo(List.of("d1", "d1", "d1")));
        String day2 = TestTokens.get().scopedToken(tenant, List.of("DAY2"), List.of(), "controller");
        given().auth().oauth2(day2).queryParam("entity", "subscription").get("/api/v1/alerts/audit").then()
                .statusCode(200).body("entries", equalTo(List.of()));
    }

    @Test
    void anotherTenantSeesNoneOfItsSubscriptions() {
        put(admin, "daily", body("DAY1", "daily")).statusCode(200);
        String other = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, other, "DAY1");
        String intruder = TestTokens.get().token(other, "admin", "controller", "quality");

        given().auth().oauth2(intruder).get("/api/v1/alerts/subscriptions/daily").then().statusCode(404);
        given().auth().oauth2(intruder).get("/api/v1/alerts/subscriptions").then().body("", equalTo(List.of()));
        given().auth().oauth2(intruder).delete("/api/v1/alerts/subscriptions/daily").then().statusCode(404);
        // Its own audience of the same name does not exist: nothing of the first tenant's is found.
        put(intruder, "daily", body("DAY1", "weekly")).statusCode(422).body("errors.field",
                equalTo(List.of("audience")));
        given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions/daily").then().body("cadence", equalTo("daily"));
    }

    @Test
    void onlyAdministratorsControllersAndQualitySubscribe() {
        put(null, "daily", body("DAY1", "daily")).statusCode(401);
        for (String token : List.of(TestTokens.get().token(tenant, "supervisor"),
                TestTokens.get().token(tenant, "ingest"), serviceTokens.sign(tenant))) {
            put(token, "daily", body("DAY1", "daily")).statusCode(403);
            given().auth().oauth2(token).get("/api/v1/alerts/subscriptions").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/alerts/distributions").then().statusCode(403);
        }
        for (String role : List.of("controller", "quality")) {
            put(TestTokens.get().token(tenant, role), role, body("DAY1", "daily")).statusCode(200);
        }
        assertThat(given().auth().oauth2(admin).get("/api/v1/alerts/subscriptions").then().extract().jsonPath()
                .getList("id")).containsExactly("controller", "quality");
    }

    /** The fields a problem names, each once. */
    private static Set<String> fields(ValidatableResponse problem) {
        return new HashSet<>(problem.extract().jsonPath().getList("errors.field", String.class));
    }

    private static Map<String, Object> body(String plant, String cadence) {
        return new HashMap<>(Map.of("audience", "controllers", "plant", plant, "cadence", cadence, "formats",
                List.of("pdf", "html_link")));
    }

    private static ValidatableResponse put(String token, String id, Map<String, Object> body) {
        return (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/alerts/subscriptions/" + id).then();
    }
}
