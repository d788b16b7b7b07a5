package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.alert.service.UnmappedFixture.Parked;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The settings of notices of unmapped source values and their log: defaults, every error named, roles, the scope of
 * tokens limited to plants or lines, tenant isolation and the audit of every change.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(DistributionServers.Profile.class)
class ReferenceNoticeResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SETTINGS = "/api/v1/alerts/reference-notices";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private String tenant;
    private String admin;

    @BeforeEach
    void tenantWithAnAudienceOfDataStewards() {
        tenant = "t-" + UUID.randomUUID();
        admin = UnmappedFixture.admin(tenant);
        UnmappedFixture.tenant(db, tenant);
    }

    @Test
    void theSettingsAreStoredWithTheirDefaults() {
        given().auth().oauth2(admin).get(SETTINGS).then().statusCode(404).contentType(PROBLEM);
        put(admin, Map.of("audience", "master-data")).statusCode(200).body("audience", equalTo("master-data"))
                .body("enabled", equalTo(true)).body("digest", equalTo("off")).body("send_at", nullValue())
                .body("time_zone", nullValue()).body("updated_by", equalTo(tenant + "-admin@demo.scrapline.local"));
        put(admin, Map.of("audience", "master-data", "digest", "daily", "time_zone", "America/Chicago")).statusCode(200)
                .body("digest", equalTo("daily")).body("send_at", equalTo("07:00"))
                .body("time_zone", equalTo("America/Chicago"));
        for (String role : List.of("admin", "controller", "quality")) {
            given().auth().oauth2(TestTokens.get().token(tenant, role)).get(SETTINGS).then().statusCode(200)
                    .body("send_at", equalTo("07:00"));
        }
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get(SETTINGS).then().statusCode(403);
        for (String role : List.of("controller", "quality", "supervisor", "ingest")) {
            put(TestTokens.get().token(tenant, role), Map.of("audience", "master-data")).statusCode(403);
            given().auth().oauth2(TestTokens.get().token(tenant, role)).delete(SETTINGS).then().statusCode(403);
        }
        given().auth().oauth2(admin).delete(SETTINGS).then().statusCode(204);
        given().auth().oauth2(admin).get(SETTINGS).then().statusCode(404);
        given().auth().oauth2(admin).delete(SETTINGS).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void everyFieldsOwnErrorIsNamed() {
        Map<String, Object> wrong = new HashMap<>(
                Map.of("audience", "master data", "digest", "weekly", "send_at", "7am", "time_zone", ""));
        assertThat(fields(put(admin, wrong).statusCode(422).contentType(PROBLEM))).containsExactlyInAnyOrder("audience",
                "digest", "send_at", "time_zone");
        assertThat(fields(put(admin, Map.of()).statusCode(422))).containsExactly("audience");
        assertThat(fields(
                put(admin, Map.of("audience", "master-data", "digest", "daily", "colour", "red")).statusCode(422)))
                        .containsExactly("colour");
    }

    @Test
    void whatTheFieldsSayTogetherAndAnAudienceThatDoesNotExistAreNamedAtOnce() {
        put(admin, Map.of("audience", "nobody", "digest", "daily", "time_zone", "Mars/Olympus")).statusCode(422)
                .contentType(PROBLEM).body("errors.field", containsInAnyOrder("time_zone", "audience"))
                .body("errors.message", hasItem("unknown IANA time zone Mars/Olympus"))
                .body("errors.message", hasItem("no audience nobody"));
        put(admin, Map.of("audience", "master-data", "send_at", "07:00", "time_zone", "UTC")).statusCode(422)
                .body("errors.field", containsInAnyOrder("send_at", "time_zone"));
        put(admin, Map.of("audience", "master-data", "digest", "daily")).statusCode(422)
                .body("errors.field", equalTo(List.of("time_zone")))
                .body("errors.message", equalTo(List.of("is required with a daily digest")));
        given().auth().oauth2(admin).get(SETTINGS).then().statusCode(404);
    }

    @Test
    void onlyATokenOfTheWholeTenantReadsOrWritesTheSettings() {
        put(admin, Map.of("audience", "master-data")).statusCode(200);
        for (String token : List.of(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "admin"),
                TestTokens.get().scopedToken(tenant, List.of("DAY1", "DAY2"), List.of(), "admin"),
                TestTokens.get().scopedToken(tenant, List.of(), List.of("L1"), "admin"))) {
            put(token, Map.of("audience", "master-data", "enabled", false)).statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("https://scrapline.io/problems/out-of-scope"));
            given().auth().oauth2(token).get(SETTINGS).then().statusCode(403);
            given().auth().oauth2(token).delete(SETTINGS).then().statusCode(403);
        }
        given().auth().oauth2(admin).get(SETTINGS).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void aTokenOfSomePlantsSeesTheNoticesThatNameOnlyItsPlants() {
        put(admin, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        Parked.code("DAY1", "D-999", "1", null).park(db, tenant);
        Parked.code("DAY2", "D-999", "1", null).park(db, tenant);
        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("values", List.of())).post(SETTINGS + "/parked").then().statusCode(200)
                .body("queued", equalTo(2));
        Alerting.await(() -> log(admin).extract().jsonPath().getList("status").equals(List.of("done", "done")));

        log(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "quality")).body("value",
                equalTo(List.of("MES-4471")));
        log(TestTokens.get().scopedToken(tenant, List.of("DAY2"), List.of(), "quality")).body("", equalTo(List.of()));
        log(TestTokens.get().scopedToken(tenant, List.of("DAY1", "DAY2"), List.of(), "quality")).body("value",
                containsInAnyOrder("MES-4471", "D-999"));
        log(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "quality")).body("",
                equalTo(List.of()));
        log(TestTokens.get().token(tenant, "supervisor")).statusCode(403);
    }

    @Test
    void anotherTenantNeitherReadsNorChangesTheSettingsNorSeesTheNotices() {
        put(admin, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("values", List.of())).post(SETTINGS + "/parked").then().statusCode(200);
        String other = "t-" + UUID.randomUUID();
        String intruder = TestTokens.get().token(other, "admin", "controller", "quality");

        given().auth().oauth2(intruder).get(SETTINGS).then().statusCode(404);
        given().auth().oauth2(intruder).delete(SETTINGS).then().statusCode(404);
        // The other tenant has no audience of that name: its own settings cannot name ours.
        put(intruder, Map.of("audience", "master-data")).statusCode(422).body("errors.message",
                equalTo(List.of("no audience master-data")));
        log(intruder).body("", equalTo(List.of()));
        given().auth().oauth2(admin).get(SETTINGS).then().statusCode(200).body("enabled", equalTo(true));
        assertThat(log(admin).extract().jsonPath().getList("value")).containsExactly("MES-4471");
    }

    @Test
    void everyChangeIsInTheAuditWithBeforeAndAfter() {
        put(admin, Map.of("audience", "master-data")).statusCode(200);
        put(admin, Map.of("audience", "master-data", "digest", "daily", "send_at", "06:30", "time_zone", "UTC"))
                .statusCode(200);
        given().auth().oauth2(admin).delete(SETTINGS).then().statusCode(204);

        given().auth().oauth2(admin).queryParam("entity", "reference_notices").get("/api/v1/alerts/audit").then()
                .statusCode(200).body("entries.action", equalTo(List.of("deleted", "updated", "created")))
                .body("entries.entity_id", equalTo(List.of("settings", "settings", "settings")))
                .body("entries[0].before.send_at", equalTo("06:30")).body("entries[0].after", nullValue())
                .body("entries[1].before.digest", equalTo("off")).body("entries[1].after.digest", equalTo("daily"))
                .body("entries[1].after.time_zone", equalTo("UTC")).body("entries[2].before", nullValue())
                .body("entries[2].after.audience", equalTo("master-data"))
                .body("entries[2].actor", equalTo(tenant + "-admin@demo.scrapline.local"));
        // They cover every plant: a token of some plants reads none of them.
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "quality"))
                .queryParam("entity", "reference_notices").get("/api/v1/alerts/audit").then().statusCode(200)
                .body("entries", equalTo(List.of()));
    }

    private static ValidatableResponse put(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(SETTINGS).then();
    }

    private static ValidatableResponse log(String token) {
        return given().auth().oauth2(token).get(SETTINGS + "/log").then();
    }

    private static List<String> fields(ValidatableResponse response) {
        return response.extract().jsonPath().getList("errors.field");
    }
}
