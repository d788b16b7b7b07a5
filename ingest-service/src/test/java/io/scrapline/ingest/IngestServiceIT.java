package io.scrapline.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
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
class IngestServiceIT {

    /** Injected by {@link PackagedServiceResource}. */
    PackagedServiceResource.PackagedService service;

    @Test
    void isReadyAndServesHealthAndMetricsOnTheManagementPortOnly() {
        service.assertManagementApartFromTheApi("ingest-service");
    }

    @Test
    void registersASourceAndListsItForItsTenantOnly() {
        String tenant = "t-" + UUID.randomUUID();
        String admin = TestTokens.get().token(tenant, "admin");

        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("source", "plex-mes", "description", "Plex MES, Dayton plant")).post("/api/v1/sources")
                .then().statusCode(201).body("source", equalTo("plex-mes"));
        given().auth().oauth2(admin).get("/api/v1/sources").then().statusCode(200).body("source", hasItem("plex-mes"));
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).get("/api/v1/sources/plex-mes")
                .then().statusCode(404);
    }

    @Test
    void answersProblemJsonToAnInvalidRequestAndToNoToken() {
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).contentType("application/json")
                .body(Map.of("source", "plex mes/../x")).post("/api/v1/sources").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("source")));
        given().get("/api/v1/sources").then().statusCode(401);
    }
}
