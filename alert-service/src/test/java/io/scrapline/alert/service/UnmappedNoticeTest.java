package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.alert.client.MimeParts;
import io.scrapline.alert.service.UnmappedFixture.Parked;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * Notices of new unmapped source values end to end inside alert-service, against a real SMTP server: costing's prompt
 * through the API (with costing's service token), one notice per value however many events, none again while it stays
 * parked, again once mapped and parked anew, the schedule's catch-up of a lost prompt, and nothing without settings.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(DistributionServers.Profile.class)
class UnmappedNoticeTest {

    private static final String SOURCE = UnmappedFixture.SOURCE;

    @DistributionServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    ReferenceNoticeService notices;

    @Inject
    ReferenceNoticeSender sender;

    private String tenant;

    @BeforeEach
    void tenantWithAnAudienceOfDataStewards() {
        tenant = "t-" + UUID.randomUUID();
        UnmappedFixture.tenant(db, tenant);
    }

    @Test
    void twoEventsOfANewPartMakeOneNoticeWithBothEventsQuantity() {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        Parked.part("DAY1", "MES-4471", "4").park(db, tenant);

        prompt(part("MES-4471")).statusCode(200).body("queued", equalTo(1));

        Alerting.await(() -> emailsTo(UnmappedFixture.steward(tenant)).size() == 1);
        MimeMessage email = emailsTo(UnmappedFixture.steward(tenant)).get(0);
        assertThat(subject(email)).isEqualTo(
                "[Scrapline] New part MES-4471 of plex-mes has no cross-reference (2 events, 7 units waiting)");
        assertThat(MimeParts.text(email))
                .contains("DAY1 Dayton: 2 events, 7 units (no estimate: the part's "
                        + "standard cost is known once it is mapped)")
                .contains("https://scrapline.example.com/api/v1/sources/plex-mes/part-xref")
                .contains("https://scrapline.example.com/api/v1/exceptions?plant=DAY1&status=open")
                .doesNotContain("DAY2");
        Alerting.await(() -> log("").getList("status").equals(List.of("done")));
        JsonPath log = log("");
        assertThat(log.getString("[0].kind")).isEqualTo("unmapped_value");
        assertThat(log.getString("[0].value")).isEqualTo("MES-4471");
        assertThat(log.getList("[0].plants")).containsExactly("DAY1");
        assertThat(log.getInt("[0].events")).isEqualTo(2);
        assertThat(log.getString("[0].quantity")).isEqualTo("7.000000");
        assertThat(log.getString(
                "[0].deliveries.find { it.recipient == '" + UnmappedFixture.steward(tenant) + "' }.message_id"))
                        .isEqualTo(messageId(email));
        // A member limited to lines gets none: the notice names every line's exceptions.
        assertThat(log.getString(
                "[0].deliveries.find { it.recipient == '" + UnmappedFixture.supervisor(tenant) + "' }.status"))
                        .isEqualTo("skipped");
        assertThat(emailsTo(UnmappedFixture.supervisor(tenant))).isEmpty();

        // More events of the value, prompted or swept, notify nobody again while it stays parked.
        Parked.part("DAY2", "MES-4471", "5").park(db, tenant);
        prompt(part("MES-4471")).statusCode(200).body("queued", equalTo(0));
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isZero();
        assertThat(sender.drain(tenant, "replica-a").await().indefinitely()).isZero();
        assertThat(emailsTo(UnmappedFixture.steward(tenant))).hasSize(1);
    }

    @Test
    void eachNewValueHasItsOwnNoticeAndADefectCodesEventsAreEstimatedAtStandardCost() {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        prompt(part("MES-4471")).statusCode(200).body("queued", equalTo(1));
        Alerting.await(() -> emailsTo(UnmappedFixture.steward(tenant)).size() == 1);

        Parked.code("DAY1", "D-999", "2", "1529.50").park(db, tenant);
        Parked.code("DAY2", "D-999", "1", null).park(db, tenant);
        prompt(Map.of("reason", "unmapped_defect_code", "source", SOURCE, "value", "D-999"), part("MES-4471"))
                .statusCode(200).body("queued", equalTo(1));

        Alerting.await(() -> emailsTo(UnmappedFixture.steward(tenant)).size() == 2);
        List<MimeMessage> emails = emailsTo(UnmappedFixture.steward(tenant));
        assertThat(subject(emails.get(1))).isEqualTo(
                "[Scrapline] New defect code D-999 of plex-mes has no cross-reference (2 events, 3 units waiting)");
        assertThat(MimeParts.text(emails.get(1)))
                .contains("DAY1 Dayton: 1 event, 2 units; about 1,529.50 USD at standard cost")
                .contains("DAY2 Dayton East: 1 event, 1 unit (no estimate: ")
                .contains("https://scrapline.example.com/api/v1/sources/plex-mes/defect-code-xref")
                .contains("https://scrapline.example.com/api/v1/exceptions?plant=DAY2&status=open");
        assertThat(log("?kind=unmapped_value").getList("value")).containsExactly("D-999", "MES-4471");
    }

    @Test
    void aValueMappedAndLaterParkedAgainIsNewAgain() {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        prompt(part("MES-4471")).statusCode(200).body("queued", equalTo(1));
        Alerting.await(() -> log("").getList("status").equals(List.of("done")));

        // Mapped: costing closed its exceptions; the schedule notes it.
        UnmappedFixture.closeAll(db, tenant);
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isZero();
        assertThat(log("").getString("[0].resolved_at")).isNotNull();

        Parked.part("DAY1", "MES-4471", "1").park(db, tenant);
        prompt(part("MES-4471")).statusCode(200).body("queued", equalTo(1));
        Alerting.await(() -> emailsTo(UnmappedFixture.steward(tenant)).size() == 2);
    }

    @Test
    void theScheduleFindsAValueWhosePromptWasLost() {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.code("DAY2", "D-777", "6", "60.00").park(db, tenant);

        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isEqualTo(1);
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isZero();
        assertThat(sender.drain(tenant, "replica-a").await().indefinitely()).isEqualTo(1);
        assertThat(MimeParts.text(emailsTo(UnmappedFixture.steward(tenant)).get(0)))
                .contains("DAY2 Dayton East: 1 event, 6 units; about 60.00 USD at standard cost");
    }

    @Test
    void nothingIsSentWithoutSettingsAndValuesParkedBeforeTheyBeganAreLeftToTheDigest() {
        Parked.part("DAY1", "MES-1", "1").park(db, tenant);
        prompt(part("MES-1")).statusCode(200).body("queued", equalTo(0));
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isZero();

        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        prompt(part("MES-1")).statusCode(200).body("queued", equalTo(0));
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data", "enabled", false)).statusCode(200);
        Parked.part("DAY1", "MES-2", "1").park(db, tenant);
        prompt(part("MES-2")).statusCode(200).body("queued", equalTo(0));
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isZero();

        // Queued, then the settings deleted before it went out: nothing is sent.
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-3", "1").park(db, tenant);
        assertThat(notices.queueDue(tenant, Instant.now()).await().indefinitely()).isEqualTo(1);
        given().auth().oauth2(UnmappedFixture.admin(tenant)).delete("/api/v1/alerts/reference-notices").then()
                .statusCode(204);
        sender.drain(tenant, "replica-a").await().indefinitely();
        assertThat(log("").getString("[0].note")).isEqualTo("notices are off: nothing sent");
        assertThat(smtp.getReceivedMessagesForDomain(UnmappedFixture.domain(tenant))).isEmpty();
    }

    @Test
    void onlyAServiceTokenPromptsAndForItsOwnTenant() {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data")).statusCode(200);
        Parked.part("DAY1", "MES-4471", "3").park(db, tenant);
        for (String role : List.of("admin", "quality", "controller")) {
            prompt(TestTokens.get().token(tenant, role), Map.of("values", List.of(part("MES-4471")))).statusCode(403);
        }
        prompt(null, Map.of("values", List.of(part("MES-4471")))).statusCode(401);
        prompt(TestTokens.get().token(tenant, "service"), Map.of("values", List.of(part("MES-4471")))).statusCode(401);
        // Another tenant's token names the same value: that tenant parked nothing and has no settings.
        String other = "t-" + UUID.randomUUID();
        UnmappedFixture.tenant(db, other);
        prompt(serviceTokens.sign(other), Map.of("values", List.of(part("MES-4471")))).statusCode(200).body("queued",
                equalTo(0));
        assertThat(log("").getList("id")).isEmpty();
        // Every bad value is named with its row.
        prompt(serviceTokens.sign(tenant),
                Map.of("values",
                        List.of(part("MES-4471"),
                                Map.of("reason", "no_standard_cost", "source", "bad source", "value", ""))))
                                        .statusCode(422).body("errors.row", equalTo(List.of(2, 2, 2)))
                                        .body("errors.field", equalTo(List.of("reason", "source", "value")));
        assertThat(log("").getList("id")).isEmpty();
    }

    private static Map<String, Object> part(String value) {
        return Map.of("reason", "unmapped_part", "source", SOURCE, "value", value);
    }

    @SafeVarargs
    private ValidatableResponse prompt(Map<String, Object>... values) {
        return prompt(serviceTokens.sign(tenant), Map.of("values", List.of(values)));
    }

    private static ValidatableResponse prompt(String token, Map<String, Object> body) {
        return (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/alerts/reference-notices/parked").then();
    }

    private JsonPath log(String query) {
        return given().auth().oauth2(UnmappedFixture.admin(tenant)).get("/api/v1/alerts/reference-notices/log" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<MimeMessage> emailsTo(String address) {
        return MimeParts.to(smtp, address);
    }

    private static String subject(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage email) {
        try {
            return email.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
