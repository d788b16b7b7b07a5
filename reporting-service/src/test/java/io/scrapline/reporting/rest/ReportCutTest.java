package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/**
 * The report as of a day and of a week to date, against the events of {@link ReportCutFixture} summed by hand: to the
 * cent, at the edges of days in the plant's time zone, and equal to the period's report at its last day.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportCutTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORT = "/api/v1/reports/DAY1/2026-10";

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    private String tenant;
    private String controller;

    @BeforeEach
    void plantWithEvents() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        ReportCutFixture.plant(db, tenant);
    }

    @Test
    void aCutCountsThePeriodsEventsThroughTheEndOfItsDayInThePlantsTimeZone() {
        for (String day : List.of("2026-10-01", "2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16", "2026-10-30")) {
            LocalDate asOf = LocalDate.parse(day);
            JsonPath report = asOf(controller, day, "").statusCode(200).extract().jsonPath();
            BigDecimal expected = ReportCutFixture.total(e -> e.period().equals("2026-10") && !e.day().isAfter(asOf));
            assertThat(new BigDecimal(report.getString("totals.total_cost"))).as(day).isEqualByComparingTo(expected);
            assertThat(report.getString("totals.total_cost")).as(day).isEqualTo(expected.toPlainString());
            assertThat(report.getLong("totals.events")).as(day)
                    .isEqualTo(ReportCutFixture.events(e -> e.period().equals("2026-10") && !e.day().isAfter(asOf)));
            assertThat(report.getString("window.from")).isEqualTo("2026-10-01");
            assertThat(report.getString("window.through")).isEqualTo(day);
            assertThat(report.getString("status")).isEqualTo("open");
        }
        // By hand: the 13th ends at 23:59:59 with E2; the 14th adds E3 at midnight, E4, and E5 at 02:00 UTC on the
        // 15th.
        asOf(controller, "2026-10-13", "").body("totals.total_cost", equalTo("318.40"))
                .body("totals.scrap_cost", equalTo("318.40")).body("totals.events", equalTo(2));
        asOf(controller, "2026-10-14", "").body("totals.total_cost", equalTo("402.89"))
                .body("totals.rework_cost", equalTo("33.33")).body("totals.events", equalTo(5));
    }

    @Test
    void theCutAtThePeriodsLastDayIsThePeriodsReportToTheCent() {
        for (String query : List.of("", "&view=controller", "&view=quality", "&view=supervisor&line=L1", "&line=L2")) {
            Map<String, Object> whole = new HashMap<>(given().auth().oauth2(controller).get(url(REPORT, query)).then()
                    .statusCode(200).extract().jsonPath().getMap(""));
            Map<String, Object> cut = new HashMap<>(
                    asOf(controller, "2026-10-31", query).statusCode(200).extract().jsonPath().getMap(""));
            assertThat(cut.remove("window")).isEqualTo(Map.of("from", "2026-10-01", "through", "2026-10-31"));
            assertThat(cut).as(query).isEqualTo(whole);
        }
        asOf(controller, "2026-10-31", "").body("totals.total_cost", equalTo("425.23"))
                .body("totals.recoverable_amount", equalTo("12.34"))
                .body("year_to_date.total_cost", equalTo("1225.23"));
        // The year to date is cut too: September's 800.00 and October through the 13th.
        asOf(controller, "2026-10-13", "").body("year_to_date.total_cost", equalTo("1118.40"))
                .body("variance.prior_period_total", equalTo("800.00"));
    }

    @Test
    void aCutOfAClosedPeriodIsTakenFromItsStoredVersion() {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(200)
                .body("version", equalTo(1));

        asOf(controller, "2026-10-13", "").statusCode(200).body("status", equalTo("closed")).body("version", equalTo(1))
                .body("totals.total_cost", equalTo("318.40"));
        asOf(controller, "2026-10-13", "&version=1").statusCode(200).body("totals.total_cost", equalTo("318.40"));
        asOf(controller, "2026-10-13", "&version=2").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWeekToDateCountsTheEventsOfItsDaysWhateverPeriodTheyAreBookedIn() {
        // Saturday 31 October (2026-10) and Sunday 1 November (2026-11) are in the week from Monday 26 October.
        week(controller, "2026-10-26", "").statusCode(200).body("period", equalTo("2026-W44"))
                .body("totals.total_cost", equalTo("20.11")).body("totals.events", equalTo(2))
                .body("window.from", equalTo("2026-10-26")).body("window.through", equalTo("2026-11-01"));
        week(controller, "2026-10-12", "").body("totals.total_cost", equalTo("312.89"));
        week(controller, "2026-10-12", "&as_of=2026-10-14").body("totals.total_cost", equalTo("302.89"))
                .body("window.through", equalTo("2026-10-14")).body("variance.prior_period_total", equalTo("0.00"))
                .body("variance.budget", equalTo(null)).body("year_to_date", equalTo(null));
        // The prior week stands for the prior period; a superseded event counts nowhere.
        week(controller, "2026-10-19", "").body("totals.total_cost", equalTo("0.00"))
                .body("variance.prior_period_total", equalTo("312.89"));
        // The trend's last week is the week itself, through the day it is as of.
        JsonPath quality = week(TestTokens.get().token(tenant, "quality"), "2026-10-12",
                "&as_of=2026-10-14&view=quality").statusCode(200).extract().jsonPath();
        assertThat(quality.getList("trend.weeks", String.class)).hasSize(13).last().isEqualTo("2026-10-12");
        assertThat(quality.getList("trend.series.find { it.defect_code == 'MACH-DIM' }.costs", String.class)).last()
                .isEqualTo("219.51");
    }

    @Test
    void everyBadDayIsNamed() {
        for (String day : List.of("2026-09-30", "2026-11-01")) {
            asOf(controller, day, "").statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("as_of"))
                    .body("errors.message", hasItem(containsString("from 2026-10-01 to 2026-10-31")));
        }
        for (String day : List.of("2026-02-30", "14-10-2026", "yesterday")) {
            asOf(controller, day, "").statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("as_of"));
        }
        week(controller, "2026-10-13", "").statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("week"))
                .body("errors.message", hasItem(containsString("tuesday")));
        week(controller, "2026-10-12", "&as_of=2026-10-19").statusCode(422).body("errors.field", hasItem("as_of"));
        week(controller, "1800-01-06", "").statusCode(422).body("errors.field", hasItem("week"));
        week(controller, "2026-13-01", "").statusCode(422).body("errors.field", hasItem("week"));
    }

    @Test
    void aServiceTokenReadsEveryViewOfItsTenantOnly() {
        String service = serviceTokens.sign(tenant);
        asOf(service, "2026-10-14", "&view=supervisor&line=L1").statusCode(200)
                .body("totals.total_cost", equalTo("369.56")).body("view", equalTo("supervisor"));
        week(service, "2026-10-12", "&view=controller").statusCode(200).body("totals.total_cost", equalTo("312.89"));
        given().auth().oauth2(service).get(REPORT).then().statusCode(200).body("totals.total_cost", equalTo("425.23"));

        String other = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, other, "DAY2");
        asOf(serviceTokens.sign(other), "2026-10-14", "").statusCode(404).contentType(PROBLEM);
        week(serviceTokens.sign(other), "2026-10-12", "").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTokenLimitedToLinesGetsItsLinesCut() {
        String line2 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L2"), "supervisor");
        asOf(line2, "2026-10-14", "").statusCode(200).body("totals.total_cost", equalTo("33.33"));
        week(line2, "2026-10-26", "").statusCode(200).body("totals.total_cost", equalTo("12.34"));
        asOf(line2, "2026-10-14", "&line=L1").statusCode(403).contentType(PROBLEM);
        String day2 = TestTokens.get().scopedToken(tenant, List.of("DAY2"), List.of(), "controller");
        week(day2, "2026-10-12", "").statusCode(403).contentType(PROBLEM);
    }

    @Test
    void everyFormatSaysWhichDaysItCovers() {
        given().auth().oauth2(controller).accept("text/csv").get(REPORT + "?as_of=2026-10-14").then().statusCode(200)
                .body(containsString("window,2026-10-01,2026-10-14"));
        given().auth().oauth2(controller).accept("application/pdf").get(REPORT + "?as_of=2026-10-14").then()
                .statusCode(200).header("Content-Disposition", containsString("report-DAY1-2026-10-to-2026-10-14.pdf"));
        given().auth().oauth2(controller).accept("text/html").get("/api/v1/reports/DAY1/weeks/2026-10-12").then()
                .statusCode(200).body(containsString("2026-10-12 to 2026-10-18"));
    }

    private static ValidatableResponse asOf(String token, String day, String query) {
        return given().auth().oauth2(token).get(REPORT + "?as_of=" + day + query).then();
    }

    private static ValidatableResponse week(String token, String monday, String query) {
        return given().auth().oauth2(token).get(url("/api/v1/reports/DAY1/weeks/" + monday, query)).then();
    }

    /** The path with the query, given as {@code &name=value...}. */
    private static String url(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query.substring(1);
    }
}
