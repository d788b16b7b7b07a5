package io.scrapline.alert.service;

import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * Every new resource is the tenant's own and keeps to the token's plants: another tenant, or a token of another plant,
 * finds no delivery, alert or policy of this one, and can neither re-send, acknowledge, resolve nor change them.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class DeliveryIsolationTest {

    @Inject
    TenantDb db;

    @Inject
    DeliveryService deliveries;

    private Alerting world;
    private long alert;
    private long delivery;

    /** A dead delivery of an alert of plant DAY1, and a policy. */
    @BeforeEach
    void anAlertWithADeadDeliveryAndAPolicy() {
        world = new Alerting(db);
        world.putAudience("quality", List.of(member("Dana Ortiz", "email", world.email("dana")))).statusCode(204);
        world.put(world.admin, "/api/v1/alerts/escalation-policies/p1",
                Map.of("steps", List.of(Map.of("audiences", List.of("quality"), "delay_minutes", 0)))).statusCode(204);
        alert = world.logAlert("DAY1", "quality");
        db.inTenant(world.tenant, connection -> deliveries.open(connection, alert, Level.WARNING, List.of("quality"),
                null, Alerting.notice(alert, Level.WARNING, "DAY1"))).await().indefinitely();
        delivery = world.delivery(alert, "email", world.email("dana"));
        world.sql("UPDATE alert_deliveries SET status = 'failed', claimed_by = 'w', finished_at = now(), "
                + "next_attempt_at = NULL WHERE delivery_id = $1", delivery);
    }

    @Test
    void anotherTenantFindsNothingAndChangesNothing() {
        String other = TestTokens.get().token("t-other-" + world.tag, "admin");

        world.get(other, "/api/v1/alerts/deliveries").statusCode(200).body("", hasSize(0));
        world.get(other, "/api/v1/alerts/deliveries?alert=" + alert).statusCode(200).body("", hasSize(0));
        world.get(other, "/api/v1/alerts/deliveries/" + delivery).statusCode(404).contentType(Alerting.PROBLEM);
        world.post(other, "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of()).statusCode(404);
        world.get(other, "/api/v1/alerts/" + alert).statusCode(404).contentType(Alerting.PROBLEM);
        world.post(other, "/api/v1/alerts/" + alert + "/acknowledge", Map.of("comment", "mine")).statusCode(404);
        world.post(other, "/api/v1/alerts/" + alert + "/resolve", Map.of()).statusCode(404);
        world.get(other, "/api/v1/alerts/escalation-policies/p1").statusCode(404);
        world.get(other, "/api/v1/alerts/escalation-policies").statusCode(200).body("", hasSize(0));
        world.get(other, "/api/v1/audiences/quality").statusCode(404);
        given(other).delete("/api/v1/alerts/escalation-policies/p1").then().statusCode(404);
        // Its own policy of the same name is its own: it names its own audiences, of which it has none.
        world.put(other, "/api/v1/alerts/escalation-policies/p1",
                Map.of("steps", List.of(Map.of("audiences", List.of("quality"), "delay_minutes", 0)))).statusCode(422)
                .body("errors[0].message", equalTo("no audience quality"));

        assertThat(world.text("SELECT status FROM alert_deliveries WHERE delivery_id = $1", delivery))
                .isEqualTo("failed");
        assertThat(world.count("SELECT count(*) FROM alert_acknowledgements")).isZero();
        assertThat(world.count("SELECT count(*) FROM alert_escalation_policies")).isEqualTo(1);
        world.get(world.admin, "/api/v1/alerts/deliveries?alert=" + alert).statusCode(200)
                .body("id", equalTo(List.of((int) delivery))).body("[0].status", equalTo("dead"));
    }

    @Test
    void aTokenOfAnotherPlantOrOfLinesFindsNothingOfThisPlant() {
        String pa2 = TestTokens.get().scopedToken(world.tenant, List.of("PA2"), List.of(), "admin", "quality");
        String lines = TestTokens.get().scopedToken(world.tenant, List.of("DAY1"), List.of("L1"), "quality");

        world.get(pa2, "/api/v1/alerts/deliveries").statusCode(200).body("", hasSize(0));
        world.get(pa2, "/api/v1/alerts/deliveries/" + delivery).statusCode(404);
        world.post(pa2, "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of()).statusCode(404);
        world.get(pa2, "/api/v1/alerts/" + alert).statusCode(404);
        world.post(pa2, "/api/v1/alerts/" + alert + "/acknowledge", Map.of()).statusCode(404);
        world.post(pa2, "/api/v1/alerts/" + alert + "/resolve", Map.of()).statusCode(404);
        world.get(lines, "/api/v1/alerts/deliveries").statusCode(200).body("", hasSize(0));
        world.get(lines, "/api/v1/alerts/" + alert).statusCode(404);
        world.post(lines, "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of()).statusCode(404);
        // Policies and audiences are shared by every plant: a plant's token does not change them.
        world.put(pa2, "/api/v1/alerts/escalation-policies/p1",
                Map.of("steps", List.of(Map.of("audiences", List.of("quality"), "delay_minutes", 0)))).statusCode(403)
                .contentType(Alerting.PROBLEM);
        given(pa2).delete("/api/v1/alerts/escalation-policies/p1").then().statusCode(403);
        assertThat(world.text("SELECT status FROM alert_deliveries WHERE delivery_id = $1", delivery))
                .isEqualTo("failed");

        // A token of the plant, limited to lines, may acknowledge: a receipt; the whole plant's token may re-send.
        world.post(lines, "/api/v1/alerts/" + alert + "/acknowledge", Map.of()).statusCode(204);
        String day1 = TestTokens.get().scopedToken(world.tenant, List.of("DAY1"), List.of(), "quality");
        world.get(day1, "/api/v1/alerts/deliveries").statusCode(200).body("id", equalTo(List.of((int) delivery)));
        world.post(day1, "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of()).statusCode(200).body("status",
                equalTo("queued"));
    }

    @Test
    void callersWithoutATokenOrTheRoleAreRefused() {
        world.get(null, "/api/v1/alerts/deliveries").statusCode(401);
        given(world.token("supervisor")).get("/api/v1/alerts/deliveries").then().statusCode(403);
        given(world.token("controller")).contentType("application/json").body("{}")
                .post("/api/v1/alerts/deliveries/" + delivery + "/resend").then().statusCode(403);
        given(world.token("ingest")).get("/api/v1/alerts/" + alert).then().statusCode(403);
        given(world.token("supervisor")).get("/api/v1/alerts/escalation-policies").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification given(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token);
    }
}
