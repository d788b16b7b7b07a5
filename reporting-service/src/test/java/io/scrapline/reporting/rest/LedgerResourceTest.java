package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.scrapline.reporting.render.XlsxWorkbook;

/** The ledger reconciliation and the ledger accounts of reason codes, on {@link LedgerFixture}'s plant. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LedgerResourceTest {

    private static final String ACCOUNTS = "/api/v1/ledger-accounts";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void plantWithLedger() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        LedgerFixture.plantWithLedger(db, tenant);
        given().auth().oauth2(controller).contentType(ContentType.JSON).body("""
                [{"reason_code": "MACH-DIM", "cost_type": "scrap", "account": "5410-SCRAP-MACH"},
                 {"reason_code": "PAINT-RUN", "cost_type": "rework", "account": "5500-REWORK"}]""").put(ACCOUNTS).then()
                .statusCode(204);
    }

    @Test
    void aPeriodWhoseLedgerMatchesHasNoDifference() {
        given().auth().oauth2(controller).get("/api/v1/reconciliations/DAY1/2026-09/ledger").then().statusCode(200)
                .body("matched", equalTo(true)).body("currency", equalTo("USD"))
                .body("totals.costed", equalTo("705.25")).body("totals.posted", equalTo("705.25"))
                .body("totals.difference", equalTo("0.00")).body("differences", hasSize(0))
                .body("accounts.account", equalTo(List.of("5410-SCRAP-MACH", "5500-REWORK")))
                .body("accounts.costed_scrap", equalTo(List.of("655.20", "0.00")))
                .body("accounts.costed_rework", equalTo(List.of("0.00", "50.05")))
                .body("accounts.matched", equalTo(List.of(true, true)));
    }

    @Test
    void eachKindOfDifferenceIsNamedWithItsWorkOrder() {
        JsonPath json = given().auth().oauth2(controller).get(LedgerFixture.LEDGER).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(json.getBoolean("matched")).isFalse();
        assertThat(json.getString("totals.costed")).isEqualTo("1910.45");
        assertThat(json.getString("totals.posted")).isEqualTo("1679.99");
        assertThat(json.getString("totals.difference")).isEqualTo("-230.46");
        assertThat(json.getList("accounts.account")).containsExactly("5400-SCRAP", "5410-SCRAP-MACH");
        assertThat(json.getList("accounts.costed")).containsExactly("1510.45", "400.00");
        assertThat(json.getList("accounts.posted")).containsExactly("1299.99", "380.00");
        assertThat(json.getList("accounts.difference")).containsExactly("-210.46", "-20.00");

        assertThat(json.getList("differences.work_order")).containsExactly("WO-11", "WO-12", "WO-13", "WO-10");
        assertThat(json.getList("differences.kind")).containsExactly("costed_not_posted", "posted_not_costed",
                "amount_differs", "other_currency");
        assertThat(json.getList("differences.account")).containsExactly("5400-SCRAP", "5400-SCRAP", "5410-SCRAP-MACH",
                "5400-SCRAP");
        assertThat(json.getList("differences.costed")).containsExactly("310.45", "0.00", "400.00", null);
        assertThat(json.getList("differences.posted")).containsExactly("0.00", "99.99", "380.00", "15.00");
        assertThat(json.getList("differences.difference")).containsExactly("-310.45", "99.99", "-20.00", null);
        assertThat(json.getList("differences.events")).containsExactly(1, 0, 1, 0);
        assertThat(json.getList("differences[2].documents")).containsExactly("JE-13", "JE-14");
        assertThat(json.getString("differences[3].currency")).isEqualTo("EUR");
    }

    @Test
    void withoutTheReasonCodesAccountAnEventIsOnItsWorkOrdersAccount() {
        String other = "t-" + UUID.randomUUID();
        LedgerFixture.plantWithLedger(db, other);
        JsonPath json = given().auth().oauth2(TestTokens.get().token(other, "quality")).get(LedgerFixture.LEDGER).then()
                .statusCode(200).extract().jsonPath();
        // WO-13's MACH-DIM scrap is on 5400-SCRAP now, and its postings to 5410-SCRAP-MACH are not costed.
        assertThat(json.getList("accounts.account")).containsExactly("5400-SCRAP", "5410-SCRAP-MACH");
        assertThat(json.getList("accounts.costed")).containsExactly("1910.45", "0.00");
        assertThat(json.getList("differences.kind")).containsExactly("costed_not_posted", "posted_not_costed",
                "costed_not_posted", "posted_not_costed", "other_currency");
    }

    @Test
    void theReportsFormatsHaveTheJsonsFigures() throws IOException {
        String csv = given().auth().oauth2(controller).accept("text/csv").get(LedgerFixture.LEDGER).then()
                .statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("totals,DAY1,2026-10,USD,false,1910.45,1679.99,-230.46\r\n")
                .contains("accounts,5400-SCRAP,1510.45,0.00,1510.45,1299.99,-210.46,false\r\n")
                .contains("differences,5410-SCRAP-MACH,WO-13,amount_differs,400.00,380.00,-20.00,1,JE-13 JE-14,\r\n");

        Response xlsx = given().auth().oauth2(controller).accept(XLSX).get(LedgerFixture.LEDGER);
        xlsx.then().statusCode(200).header("Content-Disposition",
                equalTo("attachment; filename=\"ledger-DAY1-2026-10.xlsx\""));
        XlsxWorkbook workbook = XlsxWorkbook.read(xlsx.asByteArray());
        assertThat(workbook.valueOf("Costed against posted", "Difference, posted − costed (USD)"))
                .isEqualTo(new XlsxWorkbook.Cell("n", "-230.46", "[$USD] #,##0.00"));
        assertThat(workbook.column("Differences by work order", "Work order")).extracting(XlsxWorkbook.Cell::value)
                .containsExactly("WO-11", "WO-12", "WO-13", "WO-10");

        Response pdf = given().auth().oauth2(controller).accept("application/pdf").get(LedgerFixture.LEDGER);
        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Reconciliation with the general ledger").contains("-230.46")
                    .contains("costed_not_posted").contains("WO-12");
        }

        given().auth().oauth2(controller).accept("text/html").get(LedgerFixture.LEDGER).then().statusCode(200)
                .contentType("text/html").body(containsString("<h1>Reconciliation with the general ledger</h1>"))
                .body(containsString("<td class=\"money\" data-value=\"-20.00\">-20.00</td>"));
    }

    @Test
    void anotherTenantAndATokenOfOtherPlantsOrOfLinesSeeNothing() {
        String other = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, other, "DAY1");
        given().auth().oauth2(TestTokens.get().token(other, "controller")).get(LedgerFixture.LEDGER).then()
                .statusCode(200).body("totals.costed", equalTo("0.00")).body("totals.posted", equalTo("0.00"))
                .body("accounts", hasSize(0)).body("differences", hasSize(0)).body("matched", equalTo(true));
        given().auth().oauth2(TestTokens.get().token(other, "controller")).get(ACCOUNTS).then().statusCode(200)
                .body("$", hasSize(0));

        String toledo = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller");
        given().auth().oauth2(toledo).get(LedgerFixture.LEDGER).then().statusCode(403);
        String line1 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "controller");
        given().auth().oauth2(line1).get(LedgerFixture.LEDGER).then().statusCode(403);
        given().auth().oauth2(toledo).contentType(ContentType.JSON)
                .body("[{\"reason_code\": \"X\", \"cost_type\": \"scrap\", \"account\": \"1\"}]").put(ACCOUNTS).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get(LedgerFixture.LEDGER).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).contentType(ContentType.JSON)
                .body("[{\"reason_code\": \"X\", \"cost_type\": \"scrap\", \"account\": \"1\"}]").put(ACCOUNTS).then()
                .statusCode(403);
        given().get(LedgerFixture.LEDGER).then().statusCode(401);
    }

    @Test
    void badAccountsAreNamedAndNoneIsStored() {
        given().auth().oauth2(controller).contentType(ContentType.JSON).body("""
                [{"reason_code": "WELD-POR", "cost_type": "scrap", "account": "5420"},
                 {"reason_code": "bad code!", "cost_type": "labor", "account": " "},
                 {"reason_code": "WELD-POR", "cost_type": "scrap", "account": "5421"}]""").put(ACCOUNTS).then()
                .statusCode(422).body("errors.row", equalTo(List.of(2, 2, 2, 3)))
                .body("errors.field", equalTo(List.of("reason_code", "cost_type", "account", "reason_code+cost_type")));
        given().auth().oauth2(controller).get(ACCOUNTS).then().statusCode(200)
                .body("reason_code", equalTo(List.of("MACH-DIM", "PAINT-RUN")))
                .body("account", equalTo(List.of("5410-SCRAP-MACH", "5500-REWORK")));
    }

    @Test
    void aPeriodOfAnotherCalendarOrAnUnknownPlantIsRefused() {
        given().auth().oauth2(controller).get("/api/v1/reconciliations/DAY1/2026-P10/ledger").then().statusCode(422);
        given().auth().oauth2(controller).get("/api/v1/reconciliations/NOPE/2026-10/ledger").then().statusCode(404);
    }
}
