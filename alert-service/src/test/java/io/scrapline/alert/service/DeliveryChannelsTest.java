package io.scrapline.alert.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.scrapline.alert.client.ChannelServers;
import io.scrapline.alert.client.Receivers;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * An alert raised through the API reaches a member on every channel they have, each against its real server: the email
 * at GreenMail, the SMS at the provider WireMock plays, the webhook at a WireMock receiver that verifies its signature
 * with the secret the audience's write showed once. The secret is stored sealed and never shown again.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class DeliveryChannelsTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ChannelServers.SMS_ACCOUNT + "/Messages.json";

    @ChannelServers.Smtp
    GreenMail smtp;

    @ChannelServers.Http
    WireMockServer http;

    @Inject
    TenantDb db;

    @Inject
    AudienceService audiences;

    @Inject
    SecretBox box;

    private Alerting world;
    private String hook;
    private String phone;

    @BeforeEach
    void aTenantAndItsReceivers() {
        world = new Alerting(db);
        hook = "/hooks/" + UUID.randomUUID();
        phone = Alerting.phone();
        http.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(204)));
        http.stubFor(post(urlPathEqualTo(MESSAGES)).withRequestBody(containing(form(phone)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM" + world.tag + "\", \"status\": \"queued\"}")));
    }

    @Test
    void anAlertReachesAMemberByEmailSmsAndASignedWebhook() {
        String dana = world.email("dana");
        String url = "http://" + ChannelServers.ALLOWED_HOST + ":" + http.port() + hook;
        JsonPath written = world.putAudience("quality", List
                .of(member("Dana Ortiz", "email", dana, "phone", phone, "webhook_url", url, "webhook_format", "slack")))
                .statusCode(200).extract().jsonPath();
        String secret = written.getString("webhook_secrets[0].secret");
        assertThat(written.getInt("webhook_secrets[0].row")).isEqualTo(1);
        assertThat(secret).startsWith("whsec_");

        long alert = world.raise("MACH-DIM", "quality");

        Alerting.await(() -> Receivers.to(smtp, dana).size() == 1 && requests(hook).size() == 1
                && http.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(form(phone))))
                        .size() == 1);
        MimeMessage email = Receivers.to(smtp, dana).get(0);
        assertThat(Receivers.subject(email))
                .isEqualTo("[Scrapline] WARNING DAY1 MACH-DIM: cost 873.60 USD over " + "500.00 USD");
        LoggedRequest webhook = requests(hook).get(0);
        assertThat(Receivers.verifies(secret, webhook)).isTrue();
        assertThat(webhook.getBodyAsString()).contains("\"blocks\"").contains("MACH-DIM");

        Alerting.await(
                () -> world.count("SELECT count(*) FROM alert_deliveries WHERE alert_id = $1 " + "AND status = 'done'",
                        alert) == 3);
        world.get(world.admin, "/api/v1/alerts/" + alert).statusCode(200).body("alert.status", equalTo("sent"))
                .body("level", equalTo("warning")).body("deliveries", hasSize(3))
                .body("deliveries.channel", equalTo(List.of("email", "sms", "webhook")))
                .body("deliveries.status", equalTo(List.of("delivered", "delivered", "delivered")))
                .body("deliveries[2].destination",
                        equalTo("http://" + ChannelServers.ALLOWED_HOST + ":" + http.port() + "/…"))
                .body("deliveries[1].provider_message_id", equalTo("SM" + world.tag));
        long sms = world.delivery(alert, "sms", phone);
        world.get(world.admin, "/api/v1/alerts/deliveries/" + sms).statusCode(200).body("attempts", hasSize(1))
                .body("attempts[0].result", equalTo("delivered")).body("attempts[0].status_code", equalTo(201))
                .body("attempts[0].provider_message_id", equalTo("SM" + world.tag))
                .body("attempts[0].outcome", equalTo("delivered"));
    }

    @Test
    void theWebhookSecretIsStoredSealedAndNeverShownAgain() {
        String url = "http://" + ChannelServers.ALLOWED_HOST + ":" + http.port() + hook;
        String secret = world.putAudience("ops", List.of(member("Ops room", "webhook_url", url))).statusCode(200)
                .extract().jsonPath().getString("webhook_secrets[0].secret");

        String stored = world.text("SELECT members -> 0 ->> 'webhook_secret' FROM audiences WHERE audience_id = 'ops'");
        assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));
        assertThat(world.text("SELECT members::text FROM audiences WHERE audience_id = 'ops'")).doesNotContain(secret);
        world.get(world.admin, "/api/v1/audiences/ops").statusCode(200)
                .body("members[0].webhook_secret_set", equalTo(true))
                .body("members[0].webhook_format", equalTo("generic"))
                .body(not(org.hamcrest.Matchers.containsString("whsec_")));

        // The same URL written again keeps its secret, which is not shown again; a new URL gets a new one.
        world.putAudience("ops",
                List.of(member("Ops room", "webhook_url", url), member("Lee", "email", world.email("lee"))))
                .statusCode(204);
        assertThat(world.text("SELECT members -> 0 ->> 'webhook_secret' FROM audiences WHERE audience_id = 'ops'"))
                .isEqualTo(stored);
        world.putAudience("ops", List.of(member("Ops room", "webhook_url", url + "/v2"))).statusCode(200)
                .body("webhook_secrets[0].secret", startsWith("whsec_"))
                .body("webhook_secrets[0].secret", not(equalTo(secret)));

        // The audit trail has each change, without the secret.
        assertThat(world.count("SELECT count(*) FROM alert_audit WHERE entity = 'audience' AND entity_id = 'ops'"))
                .isEqualTo(3);
        assertThat(world.count("SELECT count(*) FROM alert_audit WHERE after::text LIKE '%enc:v1:%' "
                + "OR after::text LIKE '%whsec_%'")).isZero();
    }

    @Test
    void secretsUnderARetiredKeyAreSealedAgainUnderTheCurrentOne() {
        String url = "http://" + ChannelServers.ALLOWED_HOST + ":" + http.port() + hook;
        String secret = world.putAudience("ops", List.of(member("Ops room", "webhook_url", url))).statusCode(200)
                .extract().jsonPath().getString("webhook_secrets[0].secret");
        SecretBox old = new SecretBox(List.of("devtest0:c2NyYXBsaW5lLW9sZC1rZXktTk9ULUZPUi1QUk9EISE="), "devtest0");
        world.sql("UPDATE audiences SET members = jsonb_set(members, '{0,webhook_secret}', to_jsonb($1::text))",
                old.seal(secret));

        assertThat(audiences.reseal(world.tenant).await().indefinitely()).isEqualTo(1);

        String stored = world.text("SELECT members -> 0 ->> 'webhook_secret' FROM audiences");
        assertThat(stored).startsWith(SecretBox.PREFIX + "devtest:");
        assertThat(box.open(stored)).isEqualTo(secret);
        assertThat(audiences.reseal(world.tenant).await().indefinitely()).isZero();
    }

    @Test
    void membersSettingsAreValidatedWithEachErrorNamed() {
        world.putAudience("bad",
                List.of(member("Nobody"), member("Lee", "phone", "555 0100", "webhook_format", "slack"),
                        member("Kim", "email", world.email("kim"), "quiet_hours",
                                Map.of("time_zone", "Nowhere/Else", "start", "22:00", "end", "22:00"))))
                .statusCode(422).contentType(Alerting.PROBLEM).body("errors.row", equalTo(List.of(1, 2, 2, 3, 3)))
                .body("errors.field", equalTo(
                        List.of("email", "phone", "webhook_format", "quiet_hours.time_zone", "quiet_hours.end")));
        world.putAudience("bad",
                List.of(member("Kim", "email", world.email("kim"), "digest", "daily", "webhook_format", "fax")))
                .statusCode(422).body("errors.field", equalTo(List.of("digest", "webhook_format")));
        assertThat(world.count("SELECT count(*) FROM audiences")).isZero();
    }

    private List<LoggedRequest> requests(String path) {
        return http.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static String form(String number) {
        return "To=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }
}
