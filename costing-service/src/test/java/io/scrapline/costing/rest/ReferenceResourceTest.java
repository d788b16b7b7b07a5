package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReferenceResourceTest {

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
    void storesAndUpdatesAPlant() {
        put("/api/v1/plants/TOL2", Map.of("name", "Toledo Stamping", "currency", "EUR", "time_zone", "Europe/Berlin",
                "fiscal_calendar", "calendar")).statusCode(204);
        put("/api/v1/plants/TOL2",
                Map.of("name", "Toledo Stamping", "currency", "USD", "time_zone", "America/New_York")).statusCode(204);

        assertThat(count("SELECT count(*) FROM plants WHERE plant_id = 'TOL2' AND currency = 'USD' "
                + "AND time_zone = 'America/New_York' AND fiscal_calendar = 'calendar'")).isEqualTo(1);
    }

    @Test
    void theFirstPlantOfANewTenantRegistersTheTenant() {
        String newTenant = "t-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.get().token(newTenant, "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Dayton", "currency", "USD", "time_zone", "America/New_York"))
                .put("/api/v1/plants/DAY1").then().statusCode(204);
        assertThat(count(newTenant, "SELECT count(*) FROM tenants")).isEqualTo(1);
        assertThat(count(newTenant, "SELECT count(*) FROM plants")).isEqualTo(1);
    }

    @Test
    void unknownCurrencyAndTimeZoneAreNamedTogether() {
        JsonPath problem = put("/api/v1/plants/TOL2",
                Map.of("name", "Toledo", "currency", "XYZ", "time_zone", "Mars/Olympus_Mons")).statusCode(422)
                        .contentType(PROBLEM).body("status", equalTo(422)).extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactly("currency", "time_zone");
        assertThat(problem.getString("errors[0].message")).contains("XYZ");
        assertThat(problem.getString("errors[1].message")).contains("Mars/Olympus_Mons");
        assertThat(count("SELECT count(*) FROM plants WHERE plant_id = 'TOL2'")).isZero();
    }

    @Test
    void missingNameAndMalformedCurrencyAreNamedTogether() {
        JsonPath problem = put("/api/v1/plants/TOL2", Map.of("currency", "usd", "time_zone", "Europe/Berlin"))
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://scrapline.io/problems/invalid-input")).extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactlyInAnyOrder("currency", "name");
        assertThat(problem.getList("errors.row")).containsOnlyNulls();
    }

    @Test
    void aMissingTimeZoneAndAnUnsupportedFiscalCalendarAreNamed() {
        // 4-4-5 alone does not say where the fiscal years start
        put("/api/v1/plants/TOL2", Map.of("name", "Toledo", "currency", "EUR", "fiscal_calendar", "4-4-5"))
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("fiscal_calendar", "time_zone"));
    }

    @Test
    void storesEachFormOfFiscalCalendar() {
        for (String calendar : List.of("4-4-5@2025-12-29", "4-5-4@2026-02-01", "5-4-4@2025-12-29", "calendar")) {
            put("/api/v1/plants/TOL2", Map.of("name", "Toledo Stamping", "currency", "USD", "time_zone",
                    "America/New_York", "fiscal_calendar", calendar)).statusCode(204);
            assertThat(count(
                    "SELECT count(*) FROM plants WHERE plant_id = 'TOL2' AND fiscal_calendar = '" + calendar + "'"))
                            .isEqualTo(1);
        }
    }

    @Test
    void aBadFiscalCalendarIsNamedWithTheAcceptedForms() {
        for (String bad : List.of("4-4-4@2025-12-29", "4-4-5@2025-02-30", "445", "weeks")) {
            put("/api/v1/plants/TOL2",
                    Map.of("name", "Toledo", "currency", "USD", "time_zone", "America/New_York", "fiscal_calendar",
                            bad)).statusCode(422).contentType(PROBLEM)
                                    .body("errors.field", equalTo(List.of("fiscal_calendar"))).body("errors[0].message",
                                            equalTo("must be calendar, 4-4-5@YYYY-MM-DD, 4-5-4@YYYY-MM-DD or "
                                                    + "5-4-4@YYYY-MM-DD (the first day of a fiscal year), not " + bad));
        }
        assertThat(count("SELECT count(*) FROM plants WHERE plant_id = 'TOL2'")).isZero();
    }

    @Test
    void aPlantKeyThatIsNotAKeyIsRefused() {
        put("/api/v1/plants/-DAY1", Map.of("name", "Dayton", "currency", "USD", "time_zone", "America/New_York"))
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("plant"));
    }

    @Test
    void storesDefectCodesAndTheirCrossReferences() {
        put("/api/v1/defect-codes",
                List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure"),
                        code("CUST-RET", "Returned by the customer", "customer", "external_failure"))).statusCode(204);
        put("/api/v1/sources/plex-mes/defect-code-xref",
                List.of(Map.of("source_code", "D-114", "defect_code", "MACH-DIM"),
                        Map.of("source_code", "D-900", "defect_code", "CUST-RET"))).statusCode(204);
        put("/api/v1/sources/plex-mes/part-xref",
                List.of(Map.of("source_part", "MFG-4471", "part", "100-4471-A", "effective_from", "2026-01-01"),
                        Map.of("source_part", "MFG-4471", "part", "100-4471-B", "effective_from", "2026-11-01")))
                                .statusCode(204);

        // A second PUT updates by key instead of adding rows.
        put("/api/v1/defect-codes",
                List.of(code("MACH-DIM", "Diameter out of tolerance", "machining", "internal_failure")))
                        .statusCode(204);

        assertThat(count("SELECT count(*) FROM defect_codes")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM defect_codes WHERE description = 'Diameter out of tolerance'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM defect_code_xrefs WHERE source = 'plex-mes'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM part_xrefs WHERE source = 'plex-mes'")).isEqualTo(2);
    }

    @Test
    void aBadCostOfQualityClassIsNamedWithItsRow() {
        put("/api/v1/defect-codes",
                List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure"),
                        code("WELD-POR", "Weld porosity", "welding", "scrap"))).statusCode(422).contentType(PROBLEM)
                                .body("errors", hasSize(1)).body("errors[0].row", equalTo(2))
                                .body("errors[0].field", equalTo("coq_class")).body("errors[0].message", equalTo(
                                        "must be prevention, appraisal, internal_failure or " + "external_failure"));
        assertThat(count("SELECT count(*) FROM defect_codes")).isZero();
    }

    @Test
    void aCrossReferenceToAnUncataloguedCodeIsNamedWithItsRowAndNothingIsStored() {
        put("/api/v1/defect-codes",
                List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure")))
                        .statusCode(204);

        put("/api/v1/sources/plex-mes/defect-code-xref",
                List.of(Map.of("source_code", "D-114", "defect_code", "MACH-DIM"),
                        Map.of("source_code", "D-115", "defect_code", "MACH-DIM"),
                        Map.of("source_code", "D-999", "defect_code", "NO-SUCH-CODE"))).statusCode(422)
                                .contentType(PROBLEM).body("errors", hasSize(1)).body("errors[0].row", equalTo(3))
                                .body("errors[0].field", equalTo("defect_code"))
                                .body("errors[0].message", equalTo("not in the defect-code catalog: NO-SUCH-CODE"));
        assertThat(count("SELECT count(*) FROM defect_code_xrefs")).isZero();
    }

    @Test
    void repeatedEntriesAreNamedWithTheRowTheyRepeat() {
        put("/api/v1/defect-codes",
                List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure"),
                        code("WELD-POR", "Weld porosity", "welding", "internal_failure"),
                        code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure")))
                                .statusCode(422).contentType(PROBLEM).body("errors", hasSize(1))
                                .body("errors[0].row", equalTo(3)).body("errors[0].field", equalTo("code"))
                                .body("errors[0].message", equalTo("same entry as row 1"));
        put("/api/v1/sources/plex-mes/defect-code-xref",
                List.of(Map.of("source_code", "D-114", "defect_code", "MACH-DIM"),
                        Map.of("source_code", "D-114", "defect_code", "WELD-POR"))).statusCode(422).contentType(PROBLEM)
                                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("source_code"));
        // The same source part may map differently from another date, not twice from the same one.
        put("/api/v1/sources/plex-mes/part-xref",
                List.of(Map.of("source_part", "MFG-4471", "part", "100-4471-A", "effective_from", "2026-01-01"),
                        Map.of("source_part", "MFG-4471", "part", "100-4471-B", "effective_from", "2026-01-01")))
                                .statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(2))
                                .body("errors[0].field", equalTo("source_part"));

        assertThat(count("SELECT count(*) FROM defect_codes")).isZero();
        assertThat(count("SELECT count(*) FROM defect_code_xrefs")).isZero();
        assertThat(count("SELECT count(*) FROM part_xrefs")).isZero();
    }

    @Test
    void anEmptyListAndMissingFieldsOfARowAreRefused() {
        put("/api/v1/defect-codes", List.of()).statusCode(422).contentType(PROBLEM).body("errors[0].field",
                equalTo("body"));
        put("/api/v1/sources/plex-mes/part-xref",
                List.of(Map.of("source_part", "MFG-4471", "part", "100-4471-A", "effective_from", "2026-01-01"),
                        Map.of("source_part", "MFG-4472"))).statusCode(422).contentType(PROBLEM)
                                .body("errors.row", equalTo(List.of(2, 2)))
                                .body("errors.field", equalTo(List.of("effective_from", "part")));
    }

    @Test
    void catalogEntriesNeedARegisteredTenant() {
        given().auth().oauth2(TestTokens.get().token("t-" + UUID.randomUUID(), "admin")).contentType(ContentType.JSON)
                .body(List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure")))
                .put("/api/v1/defect-codes").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("tenant"));
    }

    @Test
    void refusesCallersWithoutATokenOrTheAdminRole() {
        Map<String, String> plant = Map.of("name", "Dayton", "currency", "USD", "time_zone", "America/New_York");
        given().contentType(ContentType.JSON).body(plant).put("/api/v1/plants/DAY1").then().statusCode(401);
        for (String role : List.of("controller", "quality", "supervisor", "ingest")) {
            given().auth().oauth2(TestTokens.get().token(tenant, role)).contentType(ContentType.JSON).body(plant)
                    .put("/api/v1/plants/DAY1").then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.get().token(tenant, "controller")).contentType(ContentType.JSON)
                .body(List.of(code("MACH-DIM", "Dimension out of tolerance", "machining", "internal_failure")))
                .put("/api/v1/defect-codes").then().statusCode(403);
        assertThat(count("SELECT count(*) FROM defect_codes")).isZero();
        assertThat(count("SELECT count(*) FROM plants WHERE name <> 'Dayton'")).isZero();
    }

    private ValidatableResponse put(String path, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static Map<String, String> code(String code, String description, String category, String coqClass) {
        return Map.of("code", code, "description", description, "category", category, "coq_class", coqClass);
    }

    private long count(String sql) {
        return count(tenant, sql);
    }

    private long count(String tenantId, String sql) {
        return db.inTenant(tenantId, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}
