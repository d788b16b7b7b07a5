package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/** The report's section of MES scrap against the ERP's confirmations, on November of {@link LedgerFixture}. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScrapQuantityReportTest {

    private static final String NOVEMBER = "/api/v1/reports/DAY1/2026-11";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void plantWithNovember() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        LedgerFixture.plantWithLedger(db, tenant);
    }

    @Test
    void theControllerViewListsTheWorkOrdersWhoseScrapDisagrees() {
        JsonPath json = given().auth().oauth2(controller).queryParam("view", "controller").get(NOVEMBER).then()
                .statusCode(200).extract().jsonPath();
        assertThat(json.getList("scrap_quantity_checks.work_order")).containsExactly("WO-21", "WO-21", "WO-22",
                "WO-23");
        assertThat(json.getList("scrap_quantity_checks.operation")).containsExactly("0010", "0020", "0010", "0010");
        assertThat(json.getList("scrap_quantity_checks.kind")).containsExactly("split_work_order", "split_work_order",
                "partial_completion", "uom_differs");
        assertThat(json.getList("scrap_quantity_checks.mes_quantity")).containsExactly("4", "0", "6", "2");
        assertThat(json.getList("scrap_quantity_checks.erp_quantity")).containsExactly("0", "4", "4", "2");
        assertThat(json.getList("scrap_quantity_checks.difference")).containsExactly("-4", "4", "-2", "0");
        assertThat(json.getList("scrap_quantity_checks.mes_events")).containsExactly(1, 0, 1, 1);
        assertThat(json.getString("scrap_quantity_checks[3].mes_uom")).isEqualTo("EA");
        assertThat(json.getString("scrap_quantity_checks[3].erp_uom")).isEqualTo("KG");

        String csv = given().auth().oauth2(controller).queryParam("view", "controller").accept("text/csv").get(NOVEMBER)
                .then().statusCode(200).extract().asString();
        assertThat(csv)
                .contains("section,work_order,operation,part,mes_quantity,mes_events,mes_uom,erp_quantity,"
                        + "confirmations,erp_uom,difference,kind\r\n")
                .contains("scrap_quantity_checks,WO-21,0020,PN-1,0,0,,4,1,,4,split_work_order\r\n");
    }

    @Test
    void otherViewsLinesAndTenantsHaveNoneOfIt() {
        given().auth().oauth2(controller).queryParam("view", "quality").get(NOVEMBER).then().statusCode(200)
                .body("scrap_quantity_checks", nullValue());
        given().auth().oauth2(controller).get(NOVEMBER).then().statusCode(200).body("scrap_quantity_checks",
                hasSize(4));
        // Confirmations name no line: a report limited to lines has no such section.
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "controller"))
                .queryParam("view", "controller").get(NOVEMBER).then().statusCode(200)
                .body("scrap_quantity_checks", nullValue());
        given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller"))
                .get(NOVEMBER).then().statusCode(403);

        // October's scrap names work orders, but the ERP confirmed none of them, nor anything of their operations.
        given().auth().oauth2(controller).queryParam("view", "controller").get("/api/v1/reports/DAY1/2026-10").then()
                .statusCode(200).body("scrap_quantity_checks", hasSize(0));

        String other = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, other, "DAY1");
        given().auth().oauth2(TestTokens.get().token(other, "controller")).queryParam("view", "controller")
                .get(NOVEMBER).then().statusCode(200).body("scrap_quantity_checks", hasSize(0))
                .body("totals.events", equalTo(0));
    }
}
