package io.scrapline.reporting;

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
class ReportingServiceIT {

    private static final String ACCOUNTS = "/api/v1/ledger-accounts";

    /** Injected by {@link PackagedServiceResource}. */
    PackagedServiceResource.PackagedService service;

    @Test
    void isReadyAndServesHealthAndMetricsOnTheManagementPortOnly() {
        service.assertManagementApartFromTheApi("reporting-service");
    }

    @Test
    void storesLedgerAccountsAndReadsThemBackForItsTenantOnly() {
        String controller = TestTokens.get().token("t-" + UUID.randomUUID(), "controller");

        given().auth().oauth2(controller).contentType(ContentType.JSON)
                .body(List.of(Map.of("reason_code", "MACH-DIM", "cost_type", "scrap", "account", "5410-SCRAP")))
                .put(ACCOUNTS).then().statusCode(204);
        given().auth().oauth2(controller).get(ACCOUNTS).then().statusCode(200)
                .body("reason_code", equalTo(List.of("MACH-DIM"))).body("account", equalTo(List.of("5410-SCRAP")));
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "controller")).get(ACCOUNTS).then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void answersProblemJsonToAnInvalidRequestAndToNoToken() {
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "controller"))
                .contentType(ContentType.JSON)
                .body(List.of(Map.of("reason_code", "MACH-DIM", "cost_type", "melted", "account", "5410")))
                .put(ACCOUNTS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cost_type"));
        given().get(ACCOUNTS).then().statusCode(401);
    }
}
