package io.scrapline.alert.service;

import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.client.Receivers;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * Escalation by policy: a critical alert starts at the quality manager and the plant manager at once; nobody
 * acknowledges, and after the step's delay (made to pass by moving the timer's {@code next_attempt_at}) operations
 * hears of it. An acknowledged or resolved alert escalates no further.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class EscalationTest {

    @ChannelServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

    @Inject
    DeliveryService deliveries;

    private Alerting world;
    private String quality;
    private String plant;
    private String operations;

    @BeforeEach
    void audiencesAndAPolicy() {
        world = new Alerting(db);
        quality = world.email("quality-manager");
        plant = world.email("plant-manager");
        operations = world.email("operations");
        world.putAudience("quality", List.of(member("Quality manager", "email", quality))).statusCode(204);
        world.putAudience("plant", List.of(member("Plant manager", "email", plant))).statusCode(204);
        world.putAudience("operations", List.of(member("Operations", "email", operations))).statusCode(204);
        world.put(
                world.admin, "/api/v1/alerts/escalation-policies/critical-cost", Map
                        .of("name", "Critical cost", "steps",
                                List.of(Map.of("audiences", List.of("quality", "plant"), "delay_minutes", 0),
                                        Map.of("audiences", List.of("operations"), "delay_minutes", 15))))
                .statusCode(204);
    }

    @Test
    void aCriticalAlertStartsAtSeveralAudiencesAndEscalatesAfterTheDelay() {
        long alert = open(Level.CRITICAL);

        Alerting.await(() -> Receivers.to(smtp, quality).size() == 1 && Receivers.to(smtp, plant).size() == 1);
        assertThat(Receivers.to(smtp, operations)).isEmpty();
        world.get(world.admin, "/api/v1/alerts/" + alert).statusCode(200).body("level", equalTo("critical"))
                .body("escalation.policy", equalTo("critical-cost")).body("escalation.status", equalTo("waiting"))
                .body("escalation.next_step", equalTo(2)).body("escalation.steps", equalTo(2))
                .body("escalation.next_at", notNullValue()).body("deliveries.step", equalTo(List.of(1, 1)));
        // Due fifteen minutes after the alert opened.
        assertThat(world.count("SELECT round(extract(epoch FROM next_attempt_at - now()) / 60) FROM "
                + "alert_escalations WHERE alert_id = $1", alert)).isEqualTo(15);

        passTheDelay(alert);

        Alerting.await(() -> Receivers.to(smtp, operations).size() == 1);
        Alerting.await(
                () -> "done".equals(world.text("SELECT status FROM alert_escalations WHERE alert_id = $1", alert)));
        world.get(world.admin, "/api/v1/alerts/" + alert).statusCode(200).body("escalation.status", equalTo("stopped"))
                .body("escalation.stopped_by", equalTo("last_step")).body("deliveries", hasSize(3))
                .body("deliveries[2].audience", equalTo("operations")).body("deliveries[2].step", equalTo(2));
        assertThat(Receivers.to(smtp, quality)).hasSize(1);
    }

    @Test
    void anAcknowledgedAlertEscalatesNoFurther() {
        long alert = open(Level.CRITICAL);
        Alerting.await(() -> Receivers.to(smtp, quality).size() == 1);

        String supervisor = world.token("supervisor");
        world.post(supervisor, "/api/v1/alerts/" + alert + "/acknowledge",
                Map.of("comment", "Line 2 stopped; changing the fixture")).statusCode(204);
        world.post(world.admin, "/api/v1/alerts/" + alert + "/acknowledge", Map.of("comment", "me too"))
                .statusCode(204);
        passTheDelay(alert);
        Alerting.pause(Duration.ofSeconds(3));

        assertThat(Receivers.to(smtp, operations)).isEmpty();
        world.get(world.admin, "/api/v1/alerts/" + alert).statusCode(200).body("alert.status", equalTo("acknowledged"))
                .body("acknowledged.by", equalTo(world.tenant + "-supervisor@demo.scrapline.local"))
                .body("acknowledged.comment", equalTo("Line 2 stopped; changing the fixture"))
                .body("acknowledged.at", notNullValue()).body("escalation.status", equalTo("stopped"))
                .body("escalation.stopped_by", equalTo("acknowledged")).body("resolved", equalTo(null));
        assertThat(world.count("SELECT count(*) FROM alert_audit WHERE entity = 'alert' AND action = 'acknowledged' "
                + "AND entity_id = $1", String.valueOf(alert))).isEqualTo(1);
    }

    @Test
    void aTimerThatFindsTheAlertResolvedStopsWithoutSending() {
        long alert = open(Level.WARNING);
        Alerting.await(() -> Receivers.to(smtp, plant).size() == 1);
        // Resolved while the timer was being claimed: the row records it, the timer is still queued.
        world.sql("INSERT INTO alert_acknowledgements (tenant_id, alert_id, action, actor, comment) "
                + "VALUES (current_tenant(), $1, 'resolved', 'someone', 'fixed')", alert);

        passTheDelay(alert);

        Alerting.await(() -> "resolved"
                .equals(world.text("SELECT stopped FROM alert_escalations WHERE alert_id = $1", alert)));
        Alerting.pause(Duration.ofSeconds(1));
        assertThat(Receivers.to(smtp, operations)).isEmpty();

        long other = open(Level.WARNING);
        world.post(world.token("quality"), "/api/v1/alerts/" + other + "/resolve", Map.of()).statusCode(204);
        assertThat(world.text("SELECT stopped FROM alert_escalations WHERE alert_id = $1", other))
                .isEqualTo("resolved");
        world.get(world.admin, "/api/v1/alerts/" + other).statusCode(200)
                .body("resolved.by", equalTo(world.tenant + "-quality@demo.scrapline.local"))
                .body("acknowledged", equalTo(null));
    }

    @Test
    void policiesAreValidatedReadAndDeletedWithAnAuditTrail() {
        world.put(world.admin, "/api/v1/alerts/escalation-policies/bad",
                Map.of("steps",
                        List.of(Map.of("audiences", List.of("quality"), "delay_minutes", 5),
                                Map.of("audiences", List.of("nobody"), "delay_minutes", 0))))
                .statusCode(422).contentType(Alerting.PROBLEM).body("errors.row", equalTo(List.of(1, 2, 2)))
                .body("errors.field", equalTo(List.of("delay_minutes", "delay_minutes", "audiences")))
                .body("errors[2].message", equalTo("no audience nobody"));
        world.put(world.admin, "/api/v1/alerts/escalation-policies/bad", Map.of("steps", List.of())).statusCode(422);
        world.get(world.admin, "/api/v1/alerts/escalation-policies/bad").statusCode(404);

        world.get(world.token("quality"), "/api/v1/alerts/escalation-policies/critical-cost").statusCode(200)
                .body("name", equalTo("Critical cost")).body("steps[1].audiences", equalTo(List.of("operations")))
                .body("steps[1].delay_minutes", equalTo(15));
        world.get(world.token("controller"), "/api/v1/alerts/escalation-policies").statusCode(200).body("id",
                equalTo(List.of("critical-cost")));
        world.put(world.token("quality"), "/api/v1/alerts/escalation-policies/critical-cost",
                Map.of("steps", List.of(Map.of("audiences", List.of("quality"), "delay_minutes", 0)))).statusCode(403);

        world.delete("/api/v1/alerts/escalation-policies/critical-cost").statusCode(204);
        world.delete("/api/v1/alerts/escalation-policies/critical-cost").statusCode(404);
        assertThat(world.count(
                "SELECT count(*) FROM alert_audit WHERE entity = 'escalation_policy' "
                        + "AND entity_id = 'critical-cost' AND actor = $1",
                world.tenant + "-admin@demo.scrapline.local")).isEqualTo(2);
        assertThat(world.text("SELECT before -> 'steps' -> 1 ->> 'delay_minutes' FROM alert_audit "
                + "WHERE entity = 'escalation_policy' AND action = 'deleted'")).isEqualTo("15");
    }

    /** An alert opened through the seam with the policy and no audiences of its level. */
    private long open(Level level) {
        long alert = world.logAlert("DAY1", "quality");
        db.inTenant(world.tenant, connection -> deliveries.open(connection, alert, level, List.of(), "critical-cost",
                Alerting.notice(alert, level, "DAY1"))).await().indefinitely();
        deliveries.deliverSoon(world.tenant, List.of(alert));
        return alert;
    }

    private void passTheDelay(long alert) {
        world.sql("UPDATE alert_escalations SET next_attempt_at = now() WHERE alert_id = $1 AND status = 'queued'",
                alert);
    }
}
