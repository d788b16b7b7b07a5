package io.scrapline.alert.rest;

import static io.scrapline.alert.rest.AlertFixture.absolute;
import static io.scrapline.alert.rest.AlertFixture.date;
import static io.scrapline.alert.rest.AlertFixture.day;
import static io.scrapline.alert.rest.AlertFixture.rule;
import static io.scrapline.alert.rest.AlertFixture.window;
import static io.scrapline.alert.rest.CostedEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.rest.CostedEvents.Event;
import io.scrapline.platform.job.ClusterLease;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * The seed's two examples, one alert per rule, window instance and level whoever evaluates and however often, re-armed
 * by the next window, and which rules a prompt reaches. The email goes to a GreenMail SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertResourceTest.GreenMailSmtp.class)
class AlertOnceTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Inject
    TenantDb db;

    @Inject
    ClusterLease leases;

    private AlertFixture fixture;

    @BeforeEach
    void aTenantAndAnEmptyMailbox() throws FolderException {
        mail.purgeEmailFromAllMailboxes();
        fixture = new AlertFixture(db);
    }

    @Test
    void aLinesDefectCodePassing4200MidWeekAlertsThatWeek() {
        fixture.putRule("l2-dim-week", rule("cost", "week_to_date", Map.of("line", "L2", "defect_code", "MACH-DIM"),
                absolute("warning", "4200.00", "quality")));
        LocalDate monday = LocalDate.now(CostedEvents.NEW_YORK).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        try (SweepHold hold = SweepHold.take(leases)) {
            assertThat(fixture.cost(at(monday, 10, "1500.00"), at(monday.plusDays(1), 14, "1600.00"),
                    at(monday.plusDays(1), 15, "5000.00").line("L1"))).isZero();
            assertThat(fixture.cost(at(monday.plusDays(2), 9, "1250.00"))).isOne();
        }

        assertThat(fixture.alertsOf("l2-dim-week")).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("value", "4350.00").containsEntry("line", "L2").containsEntry("defect_code",
                    "MACH-DIM");
            assertThat(window(alert)).containsEntry("kind", "week_to_date").containsEntry("key", "week/" + monday);
            assertThat(OffsetDateTime.parse((String) window(alert).get("start")).toInstant())
                    .isEqualTo(monday.atStartOfDay(CostedEvents.NEW_YORK).toInstant());
        });
    }

    @Test
    void twoThousandInOneShiftGoesToTheQualityAndPlantManagersAtOnceWithTheNcrs() throws MessagingException {
        fixture.putRule("l2-shift",
                rule("cost", "shift", Map.of("line", "L2"), absolute("warning", "1000.00", "quality"),
                        Map.of("level", "critical", "value", "2000.00", "audiences",
                                List.of("quality-managers", "plant-managers"), "escalation_policy", "critical-scrap")));
        try (SweepHold hold = SweepHold.take(leases)) {
            assertThat(fixture.cost(event("MACH-DIM", "1200.00", day(1, 15)).line("L2").shift("B").ncr("NCR-1042"),
                    event("MACH-BURR", "900.00", day(1, 17)).line("L2").shift("B").ncr("NCR-1043"))).isEqualTo(2);
        }

        List<Map<String, Object>> alerts = fixture.alertsOf("l2-shift");
        Map<String, Object> critical = alerts.stream().filter(a -> a.get("level").equals("critical")).findFirst()
                .orElseThrow();
        assertThat(critical).containsEntry("value", "2100.00").containsEntry("threshold", "2000.00")
                .containsEntry("audiences", List.of("quality-managers", "plant-managers"))
                .containsEntry("recipients", List.of(fixture.qualityManager, fixture.plantManager))
                .containsEntry("escalation_policy", "critical-scrap");
        assertThat(window(critical)).containsEntry("key", "shift/" + date(day(1, 15)) + "/B");
        assertThat(fixture.alerts().getList("find { it.level == 'critical' }.top_events.ncr"))
                .containsExactly("NCR-1042", "NCR-1043");
        assertThat(alerts).filteredOn(a -> a.get("level").equals("warning")).singleElement()
                .satisfies(warning -> assertThat(warning).containsEntry("recipients", List.of(fixture.dana)));

        // Both managers at once, each a message of their own, with the NCRs in it.
        SweepHold.awaitTrue(() -> received(fixture.qualityManager).size() == 1
                && received(fixture.plantManager).size() == 1 && received(fixture.dana).size() == 1);
        for (String manager : List.of(fixture.qualityManager, fixture.plantManager)) {
            MimeMessage message = received(manager).get(0);
            assertThat(message.getSubject())
                    .isEqualTo("[Scrapline] CRITICAL DAY1 / L2: cost 2,100.00 USD over 2,000.00 USD");
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(manager);
            assertThat(GreenMailUtil.getBody(message)).contains("NCR-1042", "NCR-1043");
        }
        SweepHold.awaitTrue(() -> fixture.alertsOf("l2-shift").stream().allMatch(a -> a.get("status").equals("sent")));
    }

    @Test
    void oneAlertPerWindowInstanceAndLevelUntilTheNextWindowStarts() {
        fixture.putRule("daily", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));
        try (SweepHold hold = SweepHold.take(leases)) {
            assertThat(fixture.cost(event("MACH-DIM", "600.00", day(3, 9)))).isOne();
            assertThat(fixture.prompt(event("MACH-DIM", "600.00", day(3, 9))).extract().<Integer> path("opened"))
                    .isZero();
            assertThat(fixture.cost(event("MACH-DIM", "400.00", day(3, 14)))).as("same day").isZero();
            assertThat(fixture.cost(event("MACH-DIM", "499.00", day(2, 9)))).as("under, next day").isZero();
            assertThat(fixture.cost(event("MACH-DIM", "2.00", day(2, 10)))).as("over, next day").isOne();
        }

        assertThat(fixture.alertsOf("daily")).extracting(alert -> window(alert).get("key"))
                .containsExactly("day/" + date(day(2, 9)), "day/" + date(day(3, 9)));
        assertThat(fixture.alertsOf("daily").get(0)).containsEntry("value", "501.00");
    }

    @Test
    void concurrentEvaluationsOpenAnAlertOnce() {
        fixture.putRule("daily", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));
        Event event = event("MACH-DIM", "600.00", day(1, 9));
        List<Integer> opened;
        try (SweepHold hold = SweepHold.take(leases)) {
            event.insert(db, fixture.tenant);
            List<CompletableFuture<Integer>> evaluations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                evaluations.add(
                        CompletableFuture.supplyAsync(() -> fixture.prompt(event).extract().<Integer> path("opened")));
            }
            opened = evaluations.stream().map(CompletableFuture::join).toList();
        }

        assertThat(opened.stream().mapToInt(Integer::intValue).sum()).isOne();
        assertThat(fixture.count("SELECT count(*) FROM alert_log")).isOne();
        SweepHold.awaitTrue(() -> received(fixture.dana).size() == 1);
        SweepHold.awaitTrue(() -> fixture.count("SELECT count(*) FROM alert_log WHERE status = 'sent'") == 1);
        assertThat(received(fixture.dana)).hasSize(1);
    }

    @Test
    void aPromptEvaluatesOnlyTheRulesWatchingWhatItNames() {
        fixture.putRule("l2", rule("cost", "day", Map.of("line", "L2"), absolute("warning", "500.00", "quality")));
        fixture.putRule("weld",
                rule("cost", "day", Map.of("defect_category", "WELDING"), absolute("warning", "500.00", "quality")));
        try (SweepHold hold = SweepHold.take(leases)) {
            event("WELD-POR", "600.00", day(1, 9)).line("L2").insert(db, fixture.tenant);
            Map<String, Object> prompt = new HashMap<>(Map.of("plant", "DAY1", "period",
                    date(day(1, 9)).substring(0, 7), "lines", List.of("L1"), "defect_codes", List.of("MACH-DIM"),
                    "occurred_from", day(1, 9).toString(), "occurred_to", day(1, 9).toString()));
            assertThat(fixture.evaluate(prompt).extract().<Integer> path("opened")).isZero();

            prompt.put("lines", List.of("L2"));
            assertThat(fixture.evaluate(prompt).extract().<Integer> path("opened")).as("line L2, not welding").isOne();
            prompt.put("defect_codes", List.of("WELD-POR"));
            assertThat(fixture.evaluate(prompt).extract().<Integer> path("opened")).as("welding too").isOne();
        }
    }

    @Test
    void theSweepEvaluatesEveryRuleInTheWindowsOfNow() {
        fixture.putRule("daily", rule("cost", "day", Map.of(), absolute("warning", "500.00", "quality")));
        try (SweepHold hold = SweepHold.take(leases)) {
            event("MACH-DIM", "600.00", Instant.now().minusSeconds(60)).insert(db, fixture.tenant);
        }

        SweepHold.awaitTrue(() -> fixture.count("SELECT count(*) FROM alert_log WHERE status = 'sent'") == 1);
        assertThat(received(fixture.dana)).hasSize(1);
    }

    private static Event at(LocalDate date, int hour, String amount) {
        return event("MACH-DIM", amount, date.atTime(hour, 0).atZone(CostedEvents.NEW_YORK).toInstant()).line("L2");
    }

    private static List<MimeMessage> received(String recipient) {
        return mail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(recipient), message -> true).toList();
    }
}
