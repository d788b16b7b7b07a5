package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

/** {@code PUT} and {@code GET /api/v1/budgets}: DAY1 keeps calendar months, DAY2 the 4-4-5 fiscal calendar. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BudgetResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String BUDGETS = "/api/v1/budgets";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenantWithTwoPlants() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        db.inTenant(tenant, connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())")
                .execute().chain(() -> connection.query("""
                        INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar) VALUES
                            (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York', 'calendar'),
                            (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/New_York', '4-4-5@2025-12-29')
                        """).execute())).await().indefinitely();
    }

    @Test
    void storesBudgetsAndListsThemByPlantAndPeriod() {
        put(admin, """
                      [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"},
                       {"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "700",
                "rework_budget": 50.5},
                       {"plant": "DAY1", "period": "2026-11", "scrap_budget": "0", "rework_budget": "0"},
                       {"plant": "DAY2", "line": "", "period": "2026-P01", "scrap_budget": "300.00",
                "rework_budget": "0"}]""").statusCode(204);

        JsonPath october = given().auth().oauth2(admin).queryParam("plant", "DAY1").queryParam("period", "2026-10")
                .get(BUDGETS).then().statusCode(200).contentType(ContentType.JSON).body("$", hasSize(2)).extract()
                .jsonPath();
        // The whole plant first, with line null; a JSON number is taken as the decimal it spells.
        assertThat(october.getList("line")).containsExactly(null, "L1");
        assertThat(october.getList("scrap_budget")).containsExactly("900.00", "700");
        assertThat(october.getList("rework_budget")).containsExactly("100.00", "50.5");
        assertThat(october.getString("[0].updated_at")).isNotBlank();

        given().auth().oauth2(admin).get(BUDGETS).then().statusCode(200).body("plant",
                equalTo(List.of("DAY1", "DAY1", "DAY1", "DAY2")));
        given().auth().oauth2(admin).queryParam("plant", "DAY2").get(BUDGETS).then().statusCode(200)
                .body("period", equalTo(List.of("2026-P01"))).body("[0].line", equalTo(null));
    }

    @Test
    void aSecondPutReplacesTheBudgetOfTheSamePlantLineAndPeriod() {
        put(admin, """
                [{"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "700", "rework_budget": "50"}]""")
                .statusCode(204);
        put(admin, """
                [{"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "650.25", "rework_budget": "75"},
                 {"plant": "DAY1", "line": "L2", "period": "2026-10", "scrap_budget": "10", "rework_budget": "1"}]""")
                .statusCode(204);

        given().auth().oauth2(admin).queryParam("plant", "DAY1").get(BUDGETS).then().statusCode(200)
                .body("line", equalTo(List.of("L1", "L2"))).body("scrap_budget", equalTo(List.of("650.25", "10")))
                .body("rework_budget", equalTo(List.of("75", "1")));
    }

    @Test
    void namesEveryBadRowAndFieldAndStoresNone() {
        put(admin, """
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "100", "rework_budget": "10"},
                 {"plant": "NOPE", "period": "2026-10", "scrap_budget": "100", "rework_budget": "10"},
                 {"plant": "DAY1", "period": "2026-P03", "scrap_budget": "-1", "rework_budget": "ten"},
                 {"plant": "DAY2", "period": "2026-10", "scrap_budget": "1e3", "rework_budget": "10"},
                 {"plant": "DAY1", "period": "October", "scrap_budget": "100"},
                 {"plant": "DAY1", "line": null, "period": "2026-10", "scrap_budget": "5", "rework_budget": "5"},
                 {"period": "2026-10", "scrap_budget": "5", "rework_budget": "5"}]""").statusCode(422)
                .contentType(PROBLEM).body("detail", equalTo("the budgets are invalid; none was stored"))
                .body("errors", equalTo(List.of(error(2, "plant", "no plant NOPE"),
                        error(3, "scrap_budget", "must be a decimal >= 0, such as \"1200.00\""),
                        error(3, "rework_budget", "must be a decimal >= 0, such as \"1200.00\""),
                        error(3, "period", "plant DAY1 keeps calendar months: use YYYY-MM"),
                        error(4, "scrap_budget", "must be a decimal >= 0, such as \"1200.00\""),
                        error(4, "period", "plant DAY2 keeps the fiscal calendar 4-4-5@2025-12-29: use YYYY-Pnn"),
                        error(5, "period", "must be a period YYYY-MM or YYYY-Pnn"),
                        error(5, "rework_budget", "must be a decimal >= 0, such as \"1200.00\""),
                        error(6, "plant+line+period", "same entry as row 1"), error(7, "plant", "is required"))));

        // All-or-nothing: not even the good first row was stored.
        given().auth().oauth2(admin).get(BUDGETS).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anEmptyListOrAMalformedBodyIsAnInputError() {
        put(admin, "[]").statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        put(admin, "[null]").statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(1))
                .body("errors[0].message", equalTo("must be an object"));
        put(admin, """
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "1", "extra": 1}]""")
                .statusCode(422).contentType(PROBLEM);
    }

    @Test
    void anotherTenantSeesNoneAndCannotBudgetThisTenantsPlant() {
        put(admin, """
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"}]""")
                .statusCode(204);

        String other = "t-" + UUID.randomUUID();
        db.inTenant(other,
                connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())").execute())
                .await().indefinitely();
        String otherAdmin = TestTokens.get().token(other, "admin");
        given().auth().oauth2(otherAdmin).get(BUDGETS).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(otherAdmin).queryParam("plant", "DAY1").get(BUDGETS).then().statusCode(200).body("$",
                hasSize(0));
        // Row-level security hides this tenant's DAY1: to the other tenant it is no plant at all.
        put(otherAdmin, """
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "1"}]""").statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("plant"))
                .body("errors[0].message", equalTo("no plant DAY1"));

        given().auth().oauth2(admin).get(BUDGETS).then().statusCode(200).body("scrap_budget",
                equalTo(List.of("900.00")));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        String body = """
                [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "1", "rework_budget": "1"}]""";
        given().contentType(ContentType.JSON).body(body).put(BUDGETS).then().statusCode(401);
        given().get(BUDGETS).then().statusCode(401);
        for (String role : List.of("quality", "supervisor", "ingest")) {
            String token = TestTokens.get().token(tenant, role);
            put(token, body).statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get(BUDGETS).then().statusCode(403).contentType(PROBLEM);
        }
        for (String role : List.of("admin", "controller")) {
            String token = TestTokens.get().token(tenant, role);
            put(token, body).statusCode(204);
            given().auth().oauth2(token).get(BUDGETS).then().statusCode(200);
        }
        // A controller limited to DAY2 may not budget or read DAY1.
        String dayTwo = TestTokens.get().scopedToken(tenant, List.of("DAY2"), List.of(), "controller");
        put(dayTwo, body).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(dayTwo).queryParam("plant", "DAY1").get(BUDGETS).then().statusCode(403);
        given().auth().oauth2(dayTwo).get(BUDGETS).then().statusCode(200).body("$", hasSize(0));
    }

    private static ValidatableResponse put(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(BUDGETS).then();
    }

    private static Map<String, Object> error(int row, String field, String message) {
        return Map.of("row", row, "field", field, "message", message);
    }
}
