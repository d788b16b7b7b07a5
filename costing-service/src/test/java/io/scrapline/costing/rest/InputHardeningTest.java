package io.scrapline.costing.rest;

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
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finding 4 of issue 10 at costing: hostile values are refused with 422 naming the field, and nothing stored. */
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
    void aNulInAPlantNameIsRefusedNotA500() {
        put("/api/v1/plants/TOL2", plant("Toledo\u0000")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        assertThat(count("SELECT count(*) FROM plants WHERE plant_id = 'TOL2'")).isZero();
    }

    @Test
    void aNulInAPathParameterIsRefusedNotA500() {
        put("/api/v1/plants/TOL%002", plant("Toledo")).statusCode(422).contentType(PROBLEM).body("errors[0].field",
                equalTo("plant"));
    }

    @Test
    void aMegabytePlantNameAndTenThousandCharacterCodesAreNotStored() {
        put("/api/v1/plants/TOL2", plant("T".repeat(1_000_000))).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
        put("/api/v1/defect-codes",
                List.of(Map.of("code", "C".repeat(10_000), "description", "d", "category", "machining", "coq_class",
                        "internal_failure"))).statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(1))
                                .body("errors[0].field", equalTo("code"));
        put("/api/v1/sources/mes/part-xref", List
                .of(Map.of("source_part", "P".repeat(10_000), "part", "100-4471-A", "effective_from", "2026-01-01")))
                        .statusCode(422).body("errors[0].field", equalTo("source_part"));
        assertThat(count("SELECT count(*) FROM defect_codes")).isZero();
        assertThat(count("SELECT count(*) FROM part_xrefs")).isZero();
    }

    @Test
    void ratesAndBurdensOf1e400AreRefused() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("[{\"from\": \"EUR\", \"to\": \"USD\", \"period\": \"2026-10\", \"rate\": 1e400, "
                        + "\"kind\": \"average\"}]")
                .put("/api/v1/fx-rates").then().statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("rate"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"labor_burden\": \"1e400\"}")
                .post("/api/v1/cost-schemas").then().statusCode(422).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"labor_burden\": 1e400}")
                .post("/api/v1/cost-schemas").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("labor_burden"));
        assertThat(count("SELECT count(*) FROM fx_rates")).isZero();
        assertThat(count("SELECT count(*) FROM cost_schemas")).isZero();
    }

    @Test
    void datesOutsideTheAcceptedYearsAreRefused() {
        put("/api/v1/sources/mes/part-xref",
                List.of(Map.of("source_part", "MFG-4471", "part", "100-4471-A", "effective_from", "+99999-01-01")))
                        .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("effective_from"));
        given().auth().oauth2(admin).queryParam("plant", "DAY1").queryParam("period", "0000-01")
                .get("/api/v1/costed-events").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("period"));
    }

    private static Map<String, String> plant(String name) {
        return Map.of("name", name, "currency", "USD", "time_zone", "America/New_York");
    }

    private ValidatableResponse put(String path, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
