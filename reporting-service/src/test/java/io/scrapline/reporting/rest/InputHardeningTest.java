package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finding 4 of issue 10 at reporting: amounts, lines and periods out of bounds are refused as problems. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InputHardeningTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenantWithAPlant() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        TestTenants.createWithPlant(db, tenant, "DAY1");
    }

    @Test
    void budgetsBeyondTheColumnsPrecisionOrWithBadLinesAreRefused() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(
                Map.of("plant", "DAY1", "line", "", "period", "2026-10", "scrap_budget", "99999999999999999999.5",
                        "rework_budget", "1"),
                Map.of("plant", "DAY1", "line", "L".repeat(10_000), "period", "2026-10", "scrap_budget", "1",
                        "rework_budget", "1"),
                Map.of("plant", "DAY1", "line", "", "period", "0000-10", "scrap_budget", "1", "rework_budget", "1")))
                .put("/api/v1/budgets").then().statusCode(422).contentType(PROBLEM)
                .body("errors.row", equalTo(List.of(1, 2, 3)))
                .body("errors.field", equalTo(List.of("scrap_budget", "line", "period")));
        assertThat(count("SELECT count(*) FROM budgets")).isZero();
    }

    @Test
    void periodsOutsideTheAcceptedYearsAndNulsInPathsAreRefused() {
        given().auth().oauth2(admin).get("/api/v1/reports/DAY1/0000-01").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("period"));
        given().auth().oauth2(admin).get("/api/v1/reports/DAY%001/2026-10").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("plant"));
        given().auth().oauth2(admin).queryParam("view", "maybe").get("/api/v1/reports/DAY1/2026-10").then()
                .statusCode(422).contentType(PROBLEM);
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
