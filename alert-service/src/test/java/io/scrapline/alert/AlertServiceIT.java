package io.scrapline.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.PackagedServiceResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The packaged service (the jar, or the native executable of a {@code -Dnative} build) as its own process, on a fresh
 * embedded PostgreSQL: it starts, migrates, reports itself ready on its management interface and serves the API.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(value = PackagedServiceResource.class, restrictToAnnotatedClass = true)
class AlertServiceIT {

    /** Injected by {@link PackagedServiceResource}. */
    PackagedServiceResource.PackagedService service;

    @Test
    void isReadyAndServesHealthAndMetricsOnTheManagementPortOnly() {
        service.assertManagementApartFromTheApi("alert-service");
    }

    @Test
    void storesAnAudienceAndReadsItBackForItsTenantOnly() {
        String admin = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");
        Map<String, Object> dana = Map.of("name", "Dana Ortiz", "role", "quality", "email", "dana@example.com");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("members", List.of(dana)))
                .put("/api/v1/audiences/quality").then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/audiences/quality").then().statusCode(200).body("members.email",
                equalTo(List.of("dana@example.com")));
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin"))
                .get("/api/v1/audiences/quality").then().statusCode(404);
    }

    @Test
    void answersProblemJsonToAnInvalidRequestAndToNoToken() {
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).contentType(ContentType.JSON)
                .body(Map.of("steps", List.of(Map.of("audiences", List.of("nobody"), "delay_minutes", 0))))
                .put("/api/v1/alerts/escalation-policies/p1").then().statusCode(422)
                .contentType("application/problem+json");
        given().get("/api/v1/audiences/quality").then().statusCode(401);
    }
}
