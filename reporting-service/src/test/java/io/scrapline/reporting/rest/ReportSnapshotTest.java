package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * The fault review of issue 10: while costing ran, a report's year to date and trend disagreed with its totals (17 of
 * 644 reads), each section read by its own statement under READ COMMITTED. Here a writer adds to the rollups and the
 * weekly rollups in one transaction each, as costing does, while the report is read again and again: every read's
 * sections agree with each other.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportSnapshotTest {

    private static final int READS = 300;
    /** Year to date minus October: September 800.00 and January 100.00 (ReportContentFixture). */
    private static final BigDecimal YEAR_BEFORE_OCTOBER = new BigDecimal("900.00");
    /** MACH-DIM's 13 weeks minus October's total: 1706.93 − 1068.98; both grow by what the writer adds. */
    private static final BigDecimal TREND_OVER_TOTAL = new BigDecimal("637.95");

    @Inject
    TenantDb db;

    @Test
    void everyReadOfTheReportIsOneSnapshotWhileCostingWrites() {
        String tenant = "t-" + UUID.randomUUID();
        String controller = TestTokens.get().token(tenant, "controller");
        ReportContentFixture.plant(db, tenant);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger commits = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (reading.get()) {
                // What costing does for one more MACH-DIM event of line L1 in the week of 2026-10-05.
                db.inTenant(tenant, connection -> ReportContentFixture.run(connection, """
                        UPDATE cost_rollups SET amount = amount + 1.00, quantity = quantity + 1, events = events + 1
                        WHERE plant_id = 'DAY1' AND period = '2026-10' AND line_id = 'L1' AND work_center_id = 'WC-110'
                          AND defect_code = 'MACH-DIM' AND shift = 'A' AND cost_type = 'scrap'
                        """).chain(() -> ReportContentFixture.run(connection, """
                        UPDATE cost_rollups_weekly SET amount = amount + 1.00, events = events + 1
                        WHERE plant_id = 'DAY1' AND week_start = '2026-10-05' AND line_id = 'L1'
                          AND defect_code = 'MACH-DIM'
                        """))).await().atMost(Duration.ofSeconds(30));
                commits.incrementAndGet();
            }
        });

        List<String> disagreements = new ArrayList<>();
        BigDecimal first = null;
        BigDecimal last = null;
        try {
            for (int read = 0; read < READS; read++) {
                JsonPath report = given().auth().oauth2(controller).get(ReportContentFixture.REPORT).then()
                        .statusCode(200).extract().jsonPath();
                BigDecimal total = new BigDecimal(report.getString("totals.total_cost"));
                BigDecimal lines = sum(report.getList("by_line.total_cost", String.class));
                BigDecimal pareto = sum(report.getList("pareto.cost", String.class));
                BigDecimal yearToDate = new BigDecimal(report.getString("year_to_date.total_cost"));
                BigDecimal trend = new BigDecimal(
                        report.getString("trend.series.find { it.defect_code == 'MACH-DIM' }.total"));
                if (total.compareTo(lines) != 0 || total.compareTo(pareto) != 0
                        || yearToDate.subtract(total).compareTo(YEAR_BEFORE_OCTOBER) != 0
                        || trend.subtract(total).compareTo(TREND_OVER_TOTAL) != 0) {
                    disagreements.add("read " + read + ": total " + total + ", lines " + lines + ", pareto " + pareto
                            + ", year to date " + yearToDate + ", trend MACH-DIM " + trend);
                }
                first = first == null ? total : first;
                last = total;
            }
        } finally {
            reading.set(false);
            writer.join();
        }

        Log.infof("%d reads while %d costing commits: %d disagreed", READS, commits.get(), disagreements.size());
        assertThat(last).as("the writer moved the figures while they were read").isGreaterThan(first);
        assertThat(disagreements).isEmpty();
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
