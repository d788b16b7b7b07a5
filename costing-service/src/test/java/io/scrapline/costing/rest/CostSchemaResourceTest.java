package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CostSchemaResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenant() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        db.inTenant(tenant,
                connection -> connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant())").execute())
                .await().indefinitely();
    }

    @Test
    void createsADraftWithTheModelsDefaults() {
        create(admin, Map.of()).statusCode(201).header("Location", notNullValue()).body("version", equalTo(1))
                .body("status", equalTo("draft")).body("scrap_method", equalTo("cumulative_standard"))
                .body("planned_scrap_convention", equalTo("of_input")).body("rounding", equalTo("half_up"))
                .body("labor_burden", equalTo("0")).body("fx_policy", equalTo("average"))
                .body("vital_few_threshold", equalTo("0.80")).body("defect_catalog_version", nullValue())
                .body("include_scrap_in_completions", equalTo(false))
                .body("created_by", equalTo(tenant + "-admin@demo.scrapline.local")).body("created_at", notNullValue())
                .body("approved_by", nullValue());

        create(TestTokens.get().token(tenant, "controller"),
                Map.of("scrap_method", "full_standard", "labor_burden", "0.35", "defect_catalog_version", "2026.1",
                        "include_scrap_in_completions", true)).statusCode(201).body("version", equalTo(2))
                                .body("scrap_method", equalTo("full_standard")).body("labor_burden", equalTo("0.35"))
                                .body("defect_catalog_version", equalTo("2026.1"))
                                .body("include_scrap_in_completions", equalTo(true));

        given().auth().oauth2(admin).get("/api/v1/cost-schemas").then().statusCode(200).body("version",
                equalTo(List.of(2, 1)));
        given().auth().oauth2(admin).get("/api/v1/cost-schemas/2").then().statusCode(200)
                .body("scrap_method", equalTo("full_standard")).body("status", equalTo("draft"));
    }

    @Test
    void namesEveryInvalidSettingTogether() {
        JsonPath problem = create(admin,
                Map.of("scrap_method", "actual_wip", "rounding", "ceiling", "labor_burden", "-1", "vital_few_threshold",
                        "1.5", "fx_policy", "spot", "include_scrap_in_completions", "sometimes")).statusCode(422)
                                .contentType(PROBLEM).body("status", equalTo(422)).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("scrap_method", "rounding", "labor_burden",
                "fx_policy", "vital_few_threshold", "include_scrap_in_completions");
        assertThat(problem.getString("errors[0].message")).contains("actual_wip");
        given().auth().oauth2(admin).get("/api/v1/cost-schemas").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aDraftStaysADraftWithOneApprovalAndIsApprovedWithBoth() {
        create(admin, Map.of()).statusCode(201);
        String quality = TestTokens.get().token(tenant, "quality");
        String controller = TestTokens.get().token(tenant, "controller");

        approve(quality, 1).statusCode(200).body("status", equalTo("draft")).body("approved_by", nullValue())
                .body("approvals", hasSize(1)).body("approvals[0].role", equalTo("quality"))
                .body("approvals[0].approved_by", equalTo(tenant + "-quality@demo.scrapline.local"))
                .body("approvals[0].approved_at", notNullValue());
        given().auth().oauth2(admin).get("/api/v1/cost-schemas/1").then().statusCode(200)
                .body("status", equalTo("draft")).body("approvals.role", equalTo(List.of("quality")));

        approve(controller, 1).statusCode(200).body("status", equalTo("approved"))
                .body("approved_by", equalTo(tenant + "-controller@demo.scrapline.local"))
                .body("approved_at", notNullValue()).body("approvals.role", equalTo(List.of("quality", "controller")))
                .body("approvals.approved_by", equalTo(List.of(tenant + "-quality@demo.scrapline.local",
                        tenant + "-controller@demo.scrapline.local")));
        given().auth().oauth2(quality).get("/api/v1/cost-schemas").then().statusCode(200)
                .body("[0].status", equalTo("approved")).body("[0].approvals", hasSize(2));
    }

    @Test
    void theSamePersonCannotApproveTwiceNorUnderTwoRoles() {
        create(admin, Map.of()).statusCode(201);
        String both = TestTokens.get().token(tenant, "quality", "controller");

        approve(both, 1).statusCode(200).body("status", equalTo("draft")).body("approvals.role",
                equalTo(List.of("quality")));
        approve(both, 1).statusCode(409).contentType(PROBLEM).body("detail", equalTo(tenant
                + "-quality-controller@demo.scrapline.local approved this version already, as quality; the other "
                + "roles need another person's approval"));
        // Another quality manager cannot stand in for the controller.
        approve(TestTokens.get().token(tenant, "quality", "supervisor"), 1).statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("this version has the approval of quality already; it waits for controller"));
        // An administrator is neither owner.
        approve(admin, 1).statusCode(403).contentType(PROBLEM).body("detail", equalTo(
                "approving a cost schema needs one of the roles quality, controller; the token has none of them"));
        given().auth().oauth2(admin).get("/api/v1/cost-schemas/1").then().statusCode(200)
                .body("status", equalTo("draft")).body("approvals", hasSize(1));

        approve(TestTokens.get().token(tenant, "controller"), 1).statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void approvingSupersedesThePreviouslyApprovedVersion() {
        create(admin, Map.of()).statusCode(201);
        create(admin, Map.of("rounding", "half_even")).statusCode(201);
        approveByBoth(1).body("status", equalTo("approved")).body("approved_at", notNullValue()).body("superseded_at",
                nullValue());

        approveByBoth(2).body("version", equalTo(2)).body("status", equalTo("approved")).body("approved_by",
                equalTo(tenant + "-controller@demo.scrapline.local"));

        given().auth().oauth2(admin).get("/api/v1/cost-schemas").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1))).body("status", equalTo(List.of("approved", "superseded")))
                .body("[1].superseded_at", notNullValue()).body("[1].approved_at", notNullValue())
                .body("[1].approvals", hasSize(2));
    }

    @Test
    void onlyADraftCanBeApprovedAndAnUnknownVersionIsNotFound() {
        create(admin, Map.of()).statusCode(201);
        create(admin, Map.of()).statusCode(201);
        approveByBoth(1);
        approveByBoth(2);

        String controller = TestTokens.get().token(tenant, "controller");
        approve(controller, 2).statusCode(409).contentType(PROBLEM).body("status", equalTo(409)).body("detail",
                equalTo("cost schema version 2 is approved; only a draft can be approved"));
        approve(controller, 1).statusCode(409).contentType(PROBLEM).body("detail",
                equalTo("cost schema version 1 is superseded; only a draft can be approved"));
        approve(controller, 9).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/api/v1/cost-schemas/9").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/api/v1/cost-schemas").then().statusCode(200).body("status",
                equalTo(List.of("approved", "superseded")));
    }

    @Test
    void aDraftNeedsARegisteredTenant() {
        String stranger = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");
        create(stranger, Map.of()).statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("tenant"));
    }

    @Test
    void anotherTenantSeesNoneOfTheVersions() {
        create(admin, Map.of()).statusCode(201);

        approve(TestTokens.get().token(tenant, "quality"), 1).statusCode(200);

        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "admin", "controller");
        given().auth().oauth2(other).get("/api/v1/cost-schemas").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).get("/api/v1/cost-schemas/1").then().statusCode(404).contentType(PROBLEM);
        approve(other, 1).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/api/v1/cost-schemas/1").then().statusCode(200)
                .body("status", equalTo("draft")).body("approvals.role", equalTo(List.of("quality")));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/cost-schemas").then().statusCode(401);
        given().post("/api/v1/cost-schemas/1/approve").then().statusCode(401);
        given().get("/api/v1/cost-schemas").then().statusCode(401);
        given().get("/api/v1/cost-schemas/1").then().statusCode(401);

        String quality = TestTokens.get().token(tenant, "quality");
        create(quality, Map.of()).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(quality).get("/api/v1/cost-schemas").then().statusCode(200);

        for (String role : List.of("supervisor", "ingest")) {
            String token = TestTokens.get().token(tenant, role);
            given().auth().oauth2(token).get("/api/v1/cost-schemas").then().statusCode(403).contentType(PROBLEM);
            create(token, Map.of()).statusCode(403);
            approve(token, 1).statusCode(403).contentType(PROBLEM);
        }
    }

    private static ValidatableResponse create(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/cost-schemas")
                .then();
    }

    private ValidatableResponse approveByBoth(int version) {
        return SchemaOwners.approve(tenant, version);
    }

    private static ValidatableResponse approve(String token, int version) {
        return given().auth().oauth2(token).post("/api/v1/cost-schemas/" + version + "/approve").then();
    }
}
