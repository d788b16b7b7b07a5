package io.scrapline.costing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
class CostingServiceIT {

    /** Injected by {@link PackagedServiceResource}. */
    PackagedServiceResource.PackagedService service;

    @Test
    void isReadyAndServesHealthAndMetricsOnTheManagementPortOnly() {
        service.assertManagementApartFromTheApi("costing-service");
    }

    @Test
    void storesAPlantAndExchangeRatesAndReadsThemBackForItsTenantOnly() {
        String admin = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");
        // A rate's period is checked against the tenant's plants' calendars.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Lyon", "currency", "EUR", "time_zone", "Europe/Paris")).put("/api/v1/plants/LYO1")
                .then().statusCode(204);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("from", "EUR", "to", "USD", "period", "2026-10", "rate", "1.0842")))
                .put("/api/v1/fx-rates").then().statusCode(204);
        given().auth().oauth2(admin).queryParam("period", "2026-10").get("/api/v1/fx-rates").then().statusCode(200)
                .body("rate", equalTo(List.of("1.0842"))).body("kind", equalTo(List.of("average")));
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).get("/api/v1/fx-rates").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void answersProblemJsonToAnInvalidRequestAndToNoToken() {
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).contentType(ContentType.JSON)
                .body(List.of(Map.of("from", "EURO", "to", "USD", "period", "2026-10", "rate", "1.08")))
                .put("/api/v1/fx-rates").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().get("/api/v1/fx-rates").then().statusCode(401);
    }
}
