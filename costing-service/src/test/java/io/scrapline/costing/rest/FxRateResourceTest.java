package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class FxRateResourceTest {

    private String tenant;
    private String admin;

    @BeforeEach
    void tenantWithAPlant() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Lyon", "currency", "EUR", "time_zone", "Europe/Paris")).put("/api/v1/plants/LYO1")
                .then().statusCode(204);
    }

    @Test
    void storesRatesAndReplacesThemByPairPeriodAndKind() {
        put(admin, List.of(rate("EUR", "USD", "2026-10", "1.0842", "average"),
                rate("EUR", "USD", "2026-10", "1.0791", "closing"))).statusCode(204);
        put(admin, List.of(Map.of("from", "EUR", "to", "USD", "period", "2026-10", "rate", "1.0850"))).statusCode(204);

        JsonPath rates = given().auth().oauth2(admin).queryParam("period", "2026-10").get("/api/v1/fx-rates").then()
                .statusCode(200).body("$", hasSize(2)).extract().jsonPath();
        // The rate without a kind is the average, which it replaced; the closing rate stays.
        assertThat(rates.getList("kind")).containsExactly("average", "closing");
        assertThat(rates.getList("rate")).containsExactly("1.0850", "1.0791");
    }

    @Test
    void namesEveryBadRowAndFieldAndStoresNothing() {
        JsonPath problem = put(admin,
                List.of(rate("EUR", "USD", "2026-10", "1.08", "average"), rate("EURO", "USD", "2026-13", "0", "spot"),
                        rate("USD", "USD", "2026-P14", "1", "closing"))).statusCode(422)
                                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors", Map.class)).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("2:from", "2:period", "2:rate", "2:kind", "3:to", "3:period");
        given().auth().oauth2(admin).get("/api/v1/fx-rates").then().statusCode(200).body("$", hasSize(0));

        put(admin,
                List.of(rate("EUR", "USD", "2026-P01", "1.08", "average"),
                        rate("EUR", "USD", "2026-P01", "1.09", "average"))).statusCode(422)
                                .body("errors[0].row", equalTo(2))
                                .body("errors[0].message", equalTo("same entry as row 1"));
    }

    @Test
    void anotherTenantSeesNoneAndRolesAreChecked() {
        put(admin, List.of(rate("EUR", "USD", "2026-10", "1.0842", "average"))).statusCode(204);
        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");
        given().auth().oauth2(other).get("/api/v1/fx-rates").then().statusCode(200).body("$", hasSize(0));

        given().get("/api/v1/fx-rates").then().statusCode(401);
        put(TestTokens.get().token(tenant, "supervisor"), List.of(rate("EUR", "USD", "2026-10", "1", "average")))
                .statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get("/api/v1/fx-rates").then().statusCode(403);
    }

    private static Map<String, String> rate(String from, String to, String period, String rate, String kind) {
        return Map.of("from", from, "to", to, "period", period, "rate", rate, "kind", kind);
    }

    private static io.restassured.response.ValidatableResponse put(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/fx-rates").then();
    }
}
