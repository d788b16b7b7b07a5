package io.scrapline.alert.rest;

import static io.scrapline.alert.rest.AlertFixture.absolute;
import static io.scrapline.alert.rest.AlertFixture.date;
import static io.scrapline.alert.rest.AlertFixture.day;
import static io.scrapline.alert.rest.AlertFixture.relative;
import static io.scrapline.alert.rest.AlertFixture.rule;
import static io.scrapline.alert.rest.AlertFixture.window;
import static io.scrapline.alert.rest.CostedEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.platform.job.ClusterLease;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * Each metric, scope and window of a rule, evaluated on costed events as costing prompts for them, with absolute and
 * relative thresholds. The sweep is held, so that only the prompts evaluate.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertResourceTest.GreenMailSmtp.class)
class RuleEvaluationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Inject
    TenantDb db;

    @Inject
    ClusterLease leases;

    private AlertFixture fixture;
    private SweepHold sweep;

    @BeforeEach
    void aTenantAndTheSweepHeld() {
        sweep = SweepHold.take(leases);
        fixture = new AlertFixture(db);
    }

    @AfterEach
    void releaseTheSweep() {
        sweep.close();
    }

    @Test
    void eachMetricAddsUpTheCurrentEventsOfTheWindow() {
        fixture.putRule("cost", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));
        fixture.putRule("units", rule("quantity", "day", Map.of(), absolute("warning", "10", "quality")));
        fixture.putRule("count", rule("events", "day", Map.of(), absolute("warning", "2", "quality")));
        event("MACH-DIM", "9000.00", day(1, 8)).quantity("100").asSuperseded().insert(db, fixture.tenant);

        int opened = fixture.cost(event("MACH-DIM", "200.00", day(1, 9)).quantity("4"),
                event("MACH-DIM", "250.00", day(1, 10)).quantity("5"),
                event("WELD-POR", "100.50", day(1, 11)).quantity("3"));

        assertThat(opened).isEqualTo(3);
        assertThat(fixture.alertsOf("cost")).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("value", "550.50").containsEntry("threshold", "500.00")
                    .containsEntry("metric", "cost").containsEntry("currency", "USD");
            assertThat(window(alert)).containsEntry("kind", "day").containsEntry("key", "day/" + date(day(1, 9)));
        });
        assertThat(fixture.alertsOf("units")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("value", "12").containsEntry("metric", "quantity"));
        assertThat(fixture.alertsOf("count")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("value", "3").containsEntry("metric", "events"));
    }

    @Test
    void eachScopeCountsItsOwnEventsOnly() {
        fixture.putRule("plant", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));
        fixture.putRule("line", rule("cost", "day", Map.of("line", "L2"), absolute("warning", "500.00", "quality")));
        fixture.putRule("work-center",
                rule("cost", "day", Map.of("work_center", "WC-210"), absolute("warning", "500.00", "quality")));
        fixture.putRule("code",
                rule("cost", "day", Map.of("defect_code", "MACH-DIM"), absolute("warning", "250.00", "quality")));
        fixture.putRule("category",
                rule("cost", "day", Map.of("defect_category", "MACHINING"), absolute("warning", "500.00", "quality")));
        fixture.putRule("shift", rule("cost", "day", Map.of("shift", "B"), absolute("warning", "500.00", "quality")));
        fixture.putRule("welding-b", rule("cost", "day", Map.of("defect_category", "WELDING", "shift", "B"),
                absolute("warning", "1.00", "quality")));

        fixture.cost(event("MACH-DIM", "300.00", day(1, 15)).line("L2").workCenter("WC-210").shift("B"),
                event("MACH-BURR", "301.00", day(1, 16)).line("L2").workCenter("WC-210").shift("B"),
                event("WELD-POR", "5000.00", day(1, 9)).line("L1").workCenter("WC-110").shift("A"));

        assertThat(value("plant")).isEqualTo("5601.00");
        assertThat(value("line")).isEqualTo("601.00");
        assertThat(value("work-center")).isEqualTo("601.00");
        assertThat(value("code")).isEqualTo("300.00");
        assertThat(value("category")).isEqualTo("601.00");
        assertThat(value("shift")).isEqualTo("601.00");
        assertThat(fixture.alertsOf("welding-b")).as("no welding on shift B").isEmpty();
    }

    @Test
    void aShiftWindowIsADayAndShiftCodeOfThePlant() {
        fixture.putRule("per-shift", rule("cost", "shift", Map.of(), absolute("warning", "500.00", "quality")));

        fixture.cost(event("MACH-DIM", "300.00", day(1, 15)).shift("B"),
                event("MACH-DIM", "300.00", day(1, 19)).shift("B"), event("MACH-DIM", "450.00", day(1, 8)).shift("A"));

        assertThat(fixture.alertsOf("per-shift")).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("value", "600.00").containsEntry("shift", "B");
            assertThat(window(alert)).containsEntry("key", "shift/" + date(day(1, 15)) + "/B").containsEntry("label",
                    "B");
        });
    }

    @Test
    void aRollingWindowIsTheLastHours() {
        fixture.putRule("last-4h", Map.of("plant", "DAY1", "metric", "quantity", "window", "rolling_hours",
                "window_hours", 4, "thresholds", List.of(absolute("critical", "10", "quality"))));
        Instant now = Instant.now();
        event("MACH-DIM", "1.00", now.minus(Duration.ofHours(5))).quantity("100").insert(db, fixture.tenant);

        assertThat(fixture.cost(event("MACH-DIM", "1.00", now.minus(Duration.ofHours(3))).quantity("5"))).isZero();
        assertThat(fixture.cost(event("MACH-DIM", "1.00", now.minus(Duration.ofHours(1))).quantity("6"))).isOne();

        assertThat(fixture.alertsOf("last-4h")).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("value", "11").containsEntry("level", "critical");
            assertThat(window(alert)).containsEntry("kind", "rolling_hours").containsEntry("label", "last 4 hours");
            assertThat((String) window(alert).get("key")).startsWith("rolling/4h/");
        });
    }

    @Test
    void aSpikeOverTheTrailingAverageFiresAndAFlatSeriesDoesNot() {
        fixture.putRule("spike", rule("cost", "day", Map.of("line", "L1"), relative("warning", "2", 5, "quality")));
        fixture.putRule("flat", rule("cost", "day", Map.of("line", "L2"), relative("warning", "2", 5, "quality")));
        fixture.putRule("new-line", rule("cost", "day", Map.of("line", "L3"), relative("warning", "2", 5, "quality")));
        for (int daysAgo = 8; daysAgo >= 2; daysAgo--) {
            event("MACH-DIM", "100.00", day(daysAgo, 10)).line("L1").insert(db, fixture.tenant);
            event("MACH-DIM", "100.00", day(daysAgo, 10)).line("L2").insert(db, fixture.tenant);
        }

        int opened = fixture.cost(event("MACH-DIM", "250.00", day(1, 10)).line("L1"),
                event("MACH-DIM", "150.00", day(1, 10)).line("L2"),
                event("MACH-DIM", "9000.00", day(1, 10)).line("L3"));

        assertThat(opened).isOne();
        assertThat(fixture.alertsOf("spike")).singleElement().satisfies(
                alert -> assertThat(alert).containsEntry("value", "250.00").containsEntry("threshold", "200.00")
                        .containsEntry("threshold_basis", "2× the average of the last 5 days"));
        assertThat(fixture.alertsOf("flat")).isEmpty();
        assertThat(fixture.alertsOf("new-line")).as("no trailing window: no average to exceed").isEmpty();
    }

    @Test
    void aPeriodSpikeOverTheTrailingPeriodsOfTheFiscalCalendar() {
        fixture.putRule("periods", rule("cost", "period_to_date", Map.of(), relative("warning", "2", 3, "quality")));
        for (String month : List.of("2026-05", "2026-06", "2026-07", "2026-08")) {
            event("WELD-POR", "100.00", Instant.parse(month + "-10T15:00:00Z")).insert(db, fixture.tenant);
        }

        int opened = fixture.cost(event("WELD-POR", "201.00", Instant.parse("2026-09-10T15:00:00Z")));

        assertThat(opened).isOne();
        assertThat(fixture.alertsOf("periods")).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("period", "2026-09").containsEntry("threshold", "200.00")
                    .containsEntry("threshold_basis", "2× the average of the last 3 periods");
            assertThat(window(alert)).containsEntry("kind", "period_to_date").containsEntry("key", "period/2026-09");
        });
    }

    @Test
    void eventsOfWindowsLongEndedAlertNobody() {
        fixture.putRule("daily", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));

        assertThat(fixture.cost(event("MACH-DIM", "5000.00", day(10, 10)))).isZero();
        assertThat(fixture.alertsOf("daily")).isEmpty();
    }

    private String value(String rule) {
        List<Map<String, Object>> alerts = fixture.alertsOf(rule);
        assertThat(alerts).as("alerts of " + rule).hasSize(1);
        return (String) alerts.get(0).get("value");
    }
}
