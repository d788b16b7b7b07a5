package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.testing.TestTokens;

/** The owners' sign-off of a cost-schema version, as the tests that need an approved schema give it. */
final class SchemaOwners {

    private SchemaOwners() {
    }

    /**
     * The quality manager's approval, which leaves the version a draft, then the controller's, which puts it in force;
     * answers the controller's.
     */
    static ValidatableResponse approve(String tenant, int version) {
        given().auth().oauth2(TestTokens.get().token(tenant, "quality"))
                .post("/api/v1/cost-schemas/" + version + "/approve").then().statusCode(200)
                .body("status", equalTo("draft"));
        return given().auth().oauth2(TestTokens.get().token(tenant, "controller"))
                .post("/api/v1/cost-schemas/" + version + "/approve").then().statusCode(200);
    }
}
