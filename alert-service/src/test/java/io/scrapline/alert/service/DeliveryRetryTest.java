package io.scrapline.alert.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.client.Receivers;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * A webhook receiver that fails: a retryable failure is retried after its back-off (the test lets the wait pass by
 * moving {@code next_attempt_at}, the queue's clock), a permanent one or one past the give-up time goes to the dead
 * letter, and the API sends a dead delivery again.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class DeliveryRetryTest {

    @ChannelServers.Http
    WireMockServer http;

    @Inject
    TenantDb db;

    private Alerting world;
    private String hook;
    private String secret;

    @BeforeEach
    void aTenantWithAWebhookMember() {
        world = new Alerting(db);
        hook = "/hooks/" + UUID.randomUUID();
        String url = "http://" + ChannelServers.ALLOWED_HOST + ":" + http.port() + hook;
        secret = world.putAudience("ops", List.of(member("Ops room", "webhook_url", url))).statusCode(200).extract()
                .jsonPath().getString("webhook_secrets[0].secret");
    }

    @Test
    void aRetryableFailureIsRetriedAfterItsBackOffWithTheSameMessageId() {
        http.stubFor(post(urlPathEqualTo(hook)).inScenario(hook).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        http.stubFor(post(urlPathEqualTo(hook)).inScenario(hook).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        long alert = world.raise("MACH-DIM", "ops");
        long delivery = awaitOneDelivery(alert);
        awaitAttempts(delivery, 1);
        world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery).statusCode(200)
                .body("status", equalTo("queued")).body("last_status_code", equalTo(503))
                .body("last_error_class", equalTo("http_status"))
                .body("attempts[0].result", equalTo("failed_retryable")).body("attempts[0].outcome", equalTo("retry"));
        // Due 30 s after the failure, not before.
        assertThat(world.count("SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM alert_deliveries "
                + "WHERE delivery_id = $1", delivery)).isBetween(20L, 31L);
        assertThat(world.text("SELECT status FROM alert_log WHERE alert_id = $1", alert)).isEqualTo("pending");

        world.passWaitOf(delivery);

        awaitStatus(delivery, "delivered");
        List<LoggedRequest> requests = http.findAll(postRequestedFor(urlPathEqualTo(hook)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getHeader("webhook-id")).isEqualTo(requests.get(1).getHeader("webhook-id"));
        assertThat(requests).allMatch(request -> Receivers.verifies(secret, request));
        world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery).statusCode(200)
                .body("attempts.outcome", equalTo(List.of("retry", "delivered"))).body("attempt_count", equalTo(2));
        assertThat(world.text("SELECT status FROM alert_log WHERE alert_id = $1", alert)).isEqualTo("sent");
    }

    @Test
    void aDeliveryStillFailingAfterTheGiveUpTimeIsDeadAndIsSentAgainFromTheDeadLetter() {
        http.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(500)));

        long alert = world.raise("WELD-POR", "ops");
        long delivery = awaitOneDelivery(alert);
        awaitAttempts(delivery, 1);
        // A day has passed since the delivery came due.
        world.sql("UPDATE alert_deliveries SET first_due_at = now() - interval '25 hours', next_attempt_at = now() "
                + "WHERE delivery_id = $1", delivery);

        awaitStatus(delivery, "dead");
        assertThat(world.text("SELECT status FROM alert_log WHERE alert_id = $1", alert)).isEqualTo("failed");
        world.get(world.admin, "/api/v1/alerts/deliveries?status=dead&alert=" + alert).statusCode(200)
                .body("id", equalTo(List.of((int) delivery))).body("[0].last_error", equalTo("HTTP 500"));
        world.get(world.admin, "/api/v1/alerts/deliveries?status=dead&channel=email").statusCode(200).body("",
                hasSize(0));

        http.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(202)));
        world.post(world.token("quality"), "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of())
                .statusCode(200).body("status", equalTo("queued"))
                .body("resent_by", equalTo(world.tenant + "-quality@demo.scrapline.local"));

        awaitStatus(delivery, "delivered");
        world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery).statusCode(200).body("attempts.outcome",
                equalTo(List.of("retry", "dead", "delivered")));
        assertThat(world.text("SELECT status FROM alert_log WHERE alert_id = $1", alert)).isEqualTo("sent");
        world.post(world.admin, "/api/v1/alerts/deliveries/" + delivery + "/resend", Map.of()).statusCode(409)
                .contentType(Alerting.PROBLEM);
        assertThat(world.count("SELECT count(*) FROM alert_audit WHERE entity = 'delivery' AND action = 'resent' "
                + "AND entity_id = $1", String.valueOf(delivery))).isEqualTo(1);
    }

    @Test
    void aPermanentFailureIsDeadAfterOneAttempt() {
        http.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(410)));

        long alert = world.raise("PAINT-RUN", "ops");
        long delivery = awaitOneDelivery(alert);

        awaitStatus(delivery, "dead");
        world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery).statusCode(200).body("attempts", hasSize(1))
                .body("attempts[0].result", equalTo("failed_permanent")).body("attempts[0].outcome", equalTo("dead"))
                .body("last_status_code", equalTo(410));
    }

    @Test
    void anAttemptThatCannotBeMadeCountsAsARetryableFailure() {
        http.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(200)));
        // A secret sealed under a key no longer in the ring: the operator's to restore, so the delivery waits.
        SecretBox gone = new SecretBox(List.of("gone:" + java.util.Base64.getEncoder().encodeToString(new byte[32])),
                "gone");
        world.sql("UPDATE audiences SET members = jsonb_set(members, '{0,webhook_secret}', to_jsonb($1::text))",
                gone.seal(secret));

        long alert = world.raise("SAW-BURR", "ops");
        long delivery = awaitOneDelivery(alert);
        awaitAttempts(delivery, 1);

        world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery).statusCode(200)
                .body("status", equalTo("queued")).body("attempts[0].result", equalTo("failed_retryable"))
                .body("attempts[0].error_class", equalTo("internal")).body("attempts[0].outcome", equalTo("retry"));
        assertThat(http.findAll(postRequestedFor(urlPathEqualTo(hook)))).isEmpty();
    }

    @Test
    void filtersThatAreNoStatusOrChannelAreNamed() {
        world.get(world.admin, "/api/v1/alerts/deliveries?status=lost&channel=fax").statusCode(422)
                .contentType(Alerting.PROBLEM).body("errors.field", equalTo(List.of("status", "channel")));
        world.get(world.admin, "/api/v1/alerts/deliveries?size=0").statusCode(422);
    }

    private long awaitOneDelivery(long alert) {
        Alerting.await(() -> world.count("SELECT count(*) FROM alert_deliveries WHERE alert_id = $1", alert) == 1);
        return world.count("SELECT delivery_id FROM alert_deliveries WHERE alert_id = $1", alert);
    }

    private void awaitAttempts(long delivery, int attempts) {
        Alerting.await(() -> world.count("SELECT count(*) FROM alert_delivery_attempts WHERE delivery_id = $1",
                delivery) == attempts);
    }

    private void awaitStatus(long delivery, String status) {
        Alerting.await(() -> status.equals(world.get(world.admin, "/api/v1/alerts/deliveries/" + delivery)
                .statusCode(200).extract().jsonPath().getString("status")));
    }
}
