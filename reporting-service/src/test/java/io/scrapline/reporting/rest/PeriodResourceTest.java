package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Closing a period freezes its report; restating stores the next version with its differences. October 2026 at DAY1, by
 * hand:
 *
 * <pre>
 * line WC      code       type    amount  qty events
 * L1   WC-110  MACH-DIM   scrap   655.20  3   1
 * L1   WC-120  WELD-POR   scrap   100.00  2   2
 * L2   WC-210  PAINT-RUN  rework   50.05  5   1
 * scrap 755.20 + rework 50.05 = total 805.25; scrap quantity 5; 4 events. September: 800.00 on L1.
 * Arriving after the close: WELD-POR 60.00 (1, 1 event) on shift B, and L3 WC-310 BURR 25.25 (1, 1 event):
 * scrap 840.45, total 890.50, scrap quantity 7, 6 events.
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PeriodResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORT = "/api/v1/reports/DAY1/2026-10";
    private static final String CLOSE = "/api/v1/periods/DAY1/2026-10/close";
    private static final String RESTATE = "/api/v1/periods/DAY1/2026-10/restate";
    private static final String VERSIONS = "/api/v1/reports/DAY1/2026-10/versions";

    @Inject
    TenantDb db;

    private String tenant;
    private String controller;

    @BeforeEach
    void newTenantWithOctober() {
        tenant = "t-" + UUID.randomUUID();
        controller = TestTokens.get().token(tenant, "controller");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant,
                connection -> rollup(connection, "2026-10", "L1", "WC-110", "MACH-DIM", "A", "scrap", "655.20", "3", 1)
                        .chain(() -> rollup(connection, "2026-10", "L1", "WC-120", "WELD-POR", "A", "scrap", "100.00",
                                "2", 2))
                        .chain(() -> rollup(connection, "2026-10", "L2", "WC-210", "PAINT-RUN", "A", "rework", "50.05",
                                "5", 1))
                        .chain(() -> rollup(connection, "2026-09", "L1", "WC-110", "MACH-DIM", "A", "scrap", "800.00",
                                "4", 2)))
                .await().indefinitely();
    }

    @Test
    void closingStoresVersionOneAndLateRollupsDoNotMoveTheClosedReport() {
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("status", equalTo("open"));

        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200).body("plant", equalTo("DAY1"))
                .body("period", equalTo("2026-10")).body("status", equalTo("closed")).body("version", equalTo(1))
                .body("closed_by", equalTo(tenant + "-controller@demo.scrapline.local"));
        JsonPath closed = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).body("version", equalTo(1))
                .body("totals.total_cost", equalTo("805.25")).extract().jsonPath();

        lateRollups();
        // The rollups now say 890.50; the closed report still says what was closed, figure for figure.
        JsonPath after = given().auth().oauth2(controller).get(REPORT).then().statusCode(200)
                .body("status", equalTo("closed")).body("version", equalTo(1)).extract().jsonPath();
        assertThat(after.getMap("totals")).isEqualTo(closed.getMap("totals"));
        assertThat(after.getList("by_line")).isEqualTo(closed.getList("by_line"));
        assertThat(after.getList("pareto")).isEqualTo(closed.getList("pareto"));
        assertThat(after.getString("totals.scrap_cost")).isEqualTo("755.20");
        assertThat(after.getString("variance.prior_period_total")).isEqualTo("800.00");
        // A supervisor of L1 gets L1's frozen figures: 655.20 + 100.00, not the 60.00 that came later.
        String lineOne = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        given().auth().oauth2(lineOne).get(REPORT).then().statusCode(200).body("status", equalTo("closed"))
                .body("totals.total_cost", equalTo("755.20")).body("by_line.line", equalTo(List.of("L1", "L1")));

        assertThat(count("SELECT count(*) FROM report_snapshots WHERE plant_id = 'DAY1' AND period = '2026-10'"))
                .isEqualTo(1);
        assertThat(count("SELECT version FROM closed_periods WHERE plant_id = 'DAY1' AND period = '2026-10'"))
                .isEqualTo(1);
        assertThat(count("SELECT attempts FROM period_close_jobs WHERE plant_id = 'DAY1' AND period = '2026-10' "
                + "AND status = 'done'")).isEqualTo(1);
        // September is still open and current.
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-09").then().statusCode(200)
                .body("status", equalTo("open")).body("totals.total_cost", equalTo("800.00"));
    }

    @Test
    void aCloseWaitsForCostingThatIsWritingThePlantSoNoEventSlipsIntoTheClosedPeriod() throws Exception {
        CountDownLatch costingStarted = new CountDownLatch(1);
        // As costing does: the plant's close lock taken shared, then the event's rollup, committed a moment later.
        CompletableFuture<Void> costing = db.inTenant(tenant, connection -> connection.query(
                "SELECT pg_advisory_xact_lock_shared(hashtext('period-close'), hashtext(current_tenant() || '/DAY1'))")
                .execute().invoke(costingStarted::countDown)
                .chain(() -> rollup(connection, "2026-10", "L1", "WC-120", "WELD-POR", "B", "scrap", "60.00", "1", 1))
                .chain(() -> Uni.createFrom().item(1).onItem().delayIt().by(Duration.ofMillis(1500)))).replaceWithVoid()
                .subscribeAsCompletionStage();
        assertThat(costingStarted.await(10, TimeUnit.SECONDS)).isTrue();

        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200);
        costing.get(10, TimeUnit.SECONDS);

        // The close waited for costing's commit, so the 60.00 is in version 1: 805.25 + 60.00 = 865.25.
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("status", equalTo("closed"))
                .body("totals.total_cost", equalTo("865.25"));
    }

    @Test
    void theServicesCannotRewriteOrDeleteAStoredReport() {
        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200);
        for (String sql : List.of("UPDATE report_snapshots SET created_by = 'someone else'",
                "DELETE FROM report_snapshots")) {
            assertThatThrownBy(
                    () -> db.inTenant(tenant, connection -> connection.query(sql).execute()).await().indefinitely())
                            .hasMessageContaining("permission denied");
        }
        assertThat(count("SELECT count(*) FROM report_snapshots WHERE created_by = '" + tenant
                + "-controller@demo.scrapline.local'")).isEqualTo(1);
    }

    @Test
    void aClosedPeriodCannotBeClosedAgain() {
        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200);
        given().auth().oauth2(controller).post(CLOSE).then().statusCode(409).contentType(PROBLEM).body("detail",
                equalTo("period 2026-10 of plant DAY1 is closed already (version 1); restate it to "
                        + "change its report"));
        assertThat(count("SELECT count(*) FROM report_snapshots")).isEqualTo(1);
    }

    @Test
    void restatingStoresTheNextVersionWithItsDifferences() {
        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200);
        lateRollups();

        JsonPath restated = given().auth().oauth2(controller).post(RESTATE).then().statusCode(200)
                .body("version", equalTo(2)).body("total_cost", equalTo("890.50"))
                .body("created_by", equalTo(tenant + "-controller@demo.scrapline.local"))
                .body("differences.from_version", equalTo(1)).extract().jsonPath();
        assertThat(restated.getList("differences.totals", Map.class)).containsExactly(
                change("scrap_cost", "755.20", "840.45", "85.25"), change("rework_cost", "50.05", "50.05", "0.00"),
                change("total_cost", "805.25", "890.50", "85.25"), change("scrap_quantity", "5", "7", "2"),
                change("events", "4", "6", "2"));
        // WC-110 and WC-210 did not move; 60.00 + 25.25 = 85.25, the change of the total.
        assertThat(restated.getList("differences.by_line.work_center")).containsExactly("WC-120", "WC-310");
        assertThat(restated.getList("differences.by_line.previous")).containsExactly("100.00", "0.00");
        assertThat(restated.getList("differences.by_line.current")).containsExactly("160.00", "25.25");
        assertThat(restated.getList("differences.by_line.difference")).containsExactly("60.00", "25.25");
        assertThat(restated.getList("differences.by_defect_code.defect_code")).containsExactly("BURR", "WELD-POR");
        assertThat(restated.getList("differences.by_defect_code.difference")).containsExactly("25.25", "60.00");
        assertThat(restated.getList("differences.coq.coq_class")).containsExactly("internal_failure");
        assertThat(restated.getList("differences.coq.difference")).containsExactly("85.25");

        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("status", equalTo("closed"))
                .body("version", equalTo(2)).body("totals.total_cost", equalTo("890.50"));
        given().auth().oauth2(controller).queryParam("version", 1).get(REPORT).then().statusCode(200)
                .body("version", equalTo(1)).body("totals.total_cost", equalTo("805.25"));
        given().auth().oauth2(controller).queryParam("version", 3).get(REPORT).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(controller).queryParam("version", 0).get(REPORT).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("version"));

        // Version 2 is frozen in its turn.
        db.inTenant(tenant,
                connection -> rollup(connection, "2026-10", "L1", "WC-110", "MACH-DIM", "C", "scrap", "1.00", "1", 1))
                .await().indefinitely();
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("totals.total_cost",
                equalTo("890.50"));

        JsonPath versions = given().auth().oauth2(TestTokens.get().token(tenant, "quality")).get(VERSIONS).then()
                .statusCode(200).body("", hasSize(2)).extract().jsonPath();
        assertThat(versions.getList("version")).containsExactly(1, 2);
        assertThat(versions.getList("total_cost")).containsExactly("805.25", "890.50");
        assertThat(versions.getList("created_by")).containsOnly(tenant + "-controller@demo.scrapline.local");
        assertThat(versions.getString("[0].created_at")).isNotBlank();
        assertThat(versions.getMap("[0]")).containsEntry("differences", null);
        assertThat(versions.getString("[1].differences.totals[2].difference")).isEqualTo("85.25");
        assertThat(versions.getList("[1].differences.by_line.difference")).containsExactly("60.00", "25.25");
    }

    @Test
    void anOpenPeriodHasNoVersionsAndCannotBeRestated() {
        given().auth().oauth2(controller).get(VERSIONS).then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(controller).queryParam("version", 1).get(REPORT).then().statusCode(404)
                .contentType(PROBLEM).body("detail", containsString("only a closed period has stored versions"));
        given().auth().oauth2(controller).post(RESTATE).then().statusCode(409).contentType(PROBLEM).body("detail",
                containsString("is open"));
    }

    @Test
    void aPeriodMustHaveEndedAndBeOfThePlantsCalendar() {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2099-01/close").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period")).body("errors[0].message",
                        equalTo("period 2099-01 of plant DAY1 has not ended: it can be closed from 2099-02-01 in "
                                + "America/New_York"));
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-P10/close").then().statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].message", equalTo("plant DAY1 keeps calendar months: use YYYY-MM"));
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-13/close").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/October/restate").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        assertThat(count("SELECT count(*) FROM period_close_jobs")).isZero();
    }

    @Test
    void onlyAControllerClosesAndRestates() {
        given().post(CLOSE).then().statusCode(401);
        given().post(RESTATE).then().statusCode(401);
        given().get(VERSIONS).then().statusCode(401);
        for (String role : List.of("admin", "quality", "supervisor", "ingest")) {
            String token = TestTokens.get().token(tenant, role);
            given().auth().oauth2(token).post(CLOSE).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).post(RESTATE).then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get(VERSIONS).then().statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get(VERSIONS).then().statusCode(403);
        // A controller limited to another plant may not close this one.
        String otherPlant = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller");
        given().auth().oauth2(otherPlant).post(CLOSE).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("status", equalTo("open"));
        assertThat(count("SELECT count(*) FROM period_close_jobs")).isZero();
    }

    @Test
    void anotherTenantCanNeitherCloseNorSeeThisTenantsPeriods() {
        String other = "t-" + UUID.randomUUID();
        String otherController = TestTokens.get().token(other, "controller");
        given().auth().oauth2(otherController).post(CLOSE).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(controller).get(REPORT).then().statusCode(200).body("status", equalTo("open"));

        given().auth().oauth2(controller).post(CLOSE).then().statusCode(200);
        given().auth().oauth2(otherController).post(RESTATE).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(otherController).get(VERSIONS).then().statusCode(404).contentType(PROBLEM);
        String body = given().auth().oauth2(otherController).queryParam("version", 1).get(REPORT).then().statusCode(404)
                .extract().asString();
        assertThat(body).doesNotContain("805.25", "Dayton");
        // The other tenant's own plant of the same name is its own: open, and closable by it alone.
        TestTenants.createWithPlant(db, other, "DAY1");
        given().auth().oauth2(otherController).get(REPORT).then().statusCode(200).body("status", equalTo("open"))
                .body("totals.total_cost", equalTo("0.00"));
        given().auth().oauth2(otherController).get(VERSIONS).then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(controller).get(VERSIONS).then().statusCode(200).body("", hasSize(1))
                .body("[0].differences", nullValue());
    }

    private static Map<String, String> change(String figure, String previous, String current, String difference) {
        return Map.of("figure", figure, "previous", previous, "current", current, "difference", difference);
    }

    private void lateRollups() {
        db.inTenant(tenant, connection -> rollup(connection, "2026-10", "L1", "WC-120", "WELD-POR", "B", "scrap",
                "60.00", "1", 1).chain(
                        () -> rollup(connection, "2026-10", "L3", "WC-310", "BURR", "A", "scrap", "25.25", "1", 1)))
                .await().indefinitely();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.query(sql).execute())
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }

    static Uni<Void> rollup(SqlConnection connection, String period, String line, String workCenter, String code,
            String shift, String costType, String amount, String quantity, long events) {
        return connection.preparedQuery("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                VALUES (current_tenant(), 'DAY1', $1, $2, $3, $4, $5, $6, 'internal_failure', $7, $8, $9)
                """).execute(Tuple.from(Arrays.asList(period, line, workCenter, code, shift, costType,
                new BigDecimal(amount), new BigDecimal(quantity), events))).replaceWithVoid();
    }
}
