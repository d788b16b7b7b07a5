package io.scrapline.alert.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.scrapline.alert.client.MimeParts;
import io.scrapline.alert.domain.DistributionSchedule;
import io.scrapline.platform.identity.ServiceTokens;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Distributions end to end inside alert-service, against a real SMTP server and a real HTTP server standing in for
 * reporting: the close's hand-over, each recipient's view and formats, runs that fall due in the plant's time zone, the
 * catch-up after an outage, two replicas at once, and the retry of a run. The sweeps are off: the tests queue and work
 * runs with the clock they choose, as replicas would.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(DistributionServers.Profile.class)
class DistributionRunTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @DistributionServers.Smtp
    GreenMail smtp;

    @DistributionServers.Reporting
    WireMockServer reporting;

    @Inject
    TenantDb db;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    DistributionService distributions;

    @Inject
    DistributionSender sender;

    private String tenant;
    private Map<String, String> members;

    @BeforeEach
    void tenantWithAnAudienceOfEveryRole() {
        reporting.resetAll();
        DistributionFixture.stubReports(reporting, 0);
        tenant = "t-" + UUID.randomUUID();
        members = DistributionFixture.members(tenant);
        DistributionFixture.tenant(db, tenant);
    }

    @Test
    void theCloseHandsItsPeriodOverAndEachRecipientGetsTheirViewInTheSubscribedFormats() throws Exception {
        DistributionFixture.subscribe(tenant, "month-end",
                Map.of("plant", "DAY1", "cadence", "month_end", "formats", List.of("pdf", "xlsx", "html_link")));
        closed("DAY1", "2026-10", Instant.now());

        prompt(serviceTokens.sign(tenant), 1).statusCode(200).body("queued", equalTo(1));

        Map<String, Map<String, byte[]>> files = new HashMap<>();
        for (String address : members.values()) {
            MimeMessage email = await(() -> emailsTo(address), found -> found.size() == 1).get(0);
            files.put(address, attachments(email));
        }
        assertThat(files.get(members.get("controller"))).containsOnlyKeys("DAY1-2026-10-v1-controller.pdf",
                "DAY1-2026-10-v1-controller.xlsx");
        assertThat(files.get(members.get("controller")).get("DAY1-2026-10-v1-controller.pdf"))
                .isEqualTo(DistributionFixture.file("pdf", "controller", null));
        assertThat(files.get(members.get("quality")).get("DAY1-2026-10-v1-quality.xlsx"))
                .isEqualTo(DistributionFixture.file("xlsx", "quality", null));
        assertThat(files.get(members.get("admin")).get("DAY1-2026-10-v1-full.pdf"))
                .isEqualTo(DistributionFixture.file("pdf", null, null));
        // A supervisor gets the supervisor view of each of their lines.
        assertThat(files.get(members.get("supervisor"))).containsOnlyKeys("DAY1-2026-10-v1-supervisor-L1.pdf",
                "DAY1-2026-10-v1-supervisor-L1.xlsx", "DAY1-2026-10-v1-supervisor-L2.pdf",
                "DAY1-2026-10-v1-supervisor-L2.xlsx");
        assertThat(files.get(members.get("supervisor")).get("DAY1-2026-10-v1-supervisor-L2.xlsx"))
                .isEqualTo(DistributionFixture.file("xlsx", "supervisor", "L2"));
        String supervisorText = text(emailsTo(members.get("supervisor")).get(0));
        assertThat(supervisorText).contains("Line L1: total cost 60.00 USD").contains("Line L2: total cost 40.00 USD")
                .contains(
                        "https://scrapline.example.com/api/v1/reports/DAY1/2026-10?version=1&view=supervisor&line=L2");
        assertThat(text(emailsTo(members.get("controller")).get(0))).contains("Total cost 100.00 USD")
                .contains("https://scrapline.example.com/api/v1/reports/DAY1/2026-10?version=1&view=controller");
        assertThat(emailsTo(members.get("controller")).get(0).getSubject())
                .isEqualTo("[Scrapline] DAY1 Dayton scrap and rework cost, 2026-10, version 1 at the close "
                        + "(controller view)");
        // Version 1 is read with the service token, in each view.
        reporting.verify(getRequestedFor(urlPathEqualTo("/api/v1/reports/DAY1/2026-10"))
                .withQueryParam("version", WireMock.equalTo("1"))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));

        JsonPath log = await(() -> runs(""), found -> found.getList("status").equals(List.of("done")));
        assertThat(log.getString("[0].run_key")).isEqualTo("month_end:2026-10:v1");
        assertThat(log.getList("[0].deliveries.recipient")).hasSize(5);
        assertThat(log.getString("[0].deliveries.find { it.recipient == '" + members.get("controller") + "' }.status"))
                .isEqualTo("delivered");
        assertThat(
                log.getString("[0].deliveries.find { it.recipient == '" + members.get("controller") + "' }.message_id"))
                        .isEqualTo(emailsTo(members.get("controller")).get(0).getMessageID());
        assertThat(log.getString("[0].deliveries.find { it.recipient == 'elsewhere@"
                + DistributionFixture.domain(tenant) + "' }.status")).isEqualTo("skipped");
        assertThat(log.getList("[0].deliveries.find { it.role == 'supervisor' && it.status == 'delivered' }.lines"))
                .containsExactly("L1", "L2");

        // The same close handed over again, or restated, sends nothing more.
        prompt(serviceTokens.sign(tenant), 1).statusCode(200).body("queued", equalTo(0));
        prompt(serviceTokens.sign(tenant), 2).statusCode(200).body("queued", equalTo(0));
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessagesForDomain(DistributionFixture.domain(tenant))).hasSize(4);
    }

    @Test
    void aDailyRunThatFellDueIsSentOnceAsOfTheDayBeforeInThePlantsTimeZone() {
        DistributionFixture.subscribe(tenant, "daily",
                Map.of("plant", "DAY1", "cadence", "daily", "formats", List.of("pdf"), "send_at", "06:00"));
        ZonedDateTime tomorrow = ZonedDateTime.now(NEW_YORK).plusDays(1).with(LocalTime.of(6, 30));
        Instant now = tomorrow.toInstant();
        LocalDate asOf = tomorrow.toLocalDate().minusDays(1);

        // The latest run due now fell due before the subscription existed.
        assertThat(queueDue(Instant.now())).isZero();
        assertThat(queueDue(now)).isEqualTo(1);
        assertThat(queueDue(now.plusSeconds(60))).isZero();
        assertThat(drain("replica-a")).isEqualTo(1);
        assertThat(drain("replica-a")).isZero();

        for (String address : members.values()) {
            assertThat(emailsTo(address)).as(address).hasSize(1);
        }
        String period = FiscalCalendar.CALENDAR.period(asOf);
        reporting.verify(getRequestedFor(urlPathEqualTo("/api/v1/reports/DAY1/" + period))
                .withQueryParam("as_of", WireMock.equalTo(asOf.toString()))
                .withQueryParam("view", WireMock.equalTo("controller")));
        assertThat(runs("?cadence=daily").getString("[0].run_key")).isEqualTo("daily:" + asOf);
    }

    @Test
    void aDailyRunMissedWhileTheServiceWasDownIsCaughtUpOnceNotOncePerMissedDay() {
        DistributionFixture.subscribe(tenant, "daily",
                Map.of("plant", "DAY1", "cadence", "daily", "formats", List.of("xlsx")));
        backdate("daily", Duration.ofDays(5));
        Instant now = Instant.now();

        assertThat(queueDue(now)).isEqualTo(1);
        assertThat(queueDue(now.plusSeconds(60))).isZero();
        drain("replica-a");

        String latest = DistributionSchedule.daily(LocalTime.of(6, 0), NEW_YORK, FiscalCalendar.CALENDAR, now).runKey();
        assertThat(runs("").getList("run_key")).containsExactly(latest);
        for (String address : members.values()) {
            assertThat(emailsTo(address)).as(address).hasSize(1);
        }
    }

    @Test
    void twoReplicasQueueAndSendEachRunToEachRecipientOnce() {
        reporting.resetAll();
        DistributionFixture.stubReports(reporting, 50);
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone)
                VALUES (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/Chicago'),
                       (current_tenant(), 'DAY3', 'Dayton West', 'USD', 'Europe/Berlin')
                """).execute(Tuple.tuple())).await().indefinitely();
        DistributionFixture.subscribe(tenant, "every-plant-daily",
                Map.of("plant", "*", "cadence", "daily", "formats", List.of("pdf")));
        DistributionFixture.subscribe(tenant, "every-plant-weekly",
                Map.of("plant", "*", "cadence", "weekly", "formats", List.of("pdf"), "weekday", "friday"));
        backdate("every-plant-daily", Duration.ofDays(8));
        backdate("every-plant-weekly", Duration.ofDays(8));
        Instant now = Instant.now();

        List<Integer> queued = Uni.join().all(distributions.queueDue(tenant, now), distributions.queueDue(tenant, now))
                .andCollectFailures().await().indefinitely();
        assertThat(queued.get(0) + queued.get(1)).isEqualTo(6);
        List<Integer> taken = Uni.join().all(sender.drain(tenant, "replica-a"), sender.drain(tenant, "replica-b"))
                .andCollectFailures().await().indefinitely();
        assertThat(taken.get(0) + taken.get(1)).isEqualTo(6);
        assertThat(taken).as("runs each replica took").allMatch(runs -> runs > 0);

        for (String role : List.of("controller", "quality", "admin")) {
            List<String> subjects = subjects(emailsTo(members.get(role)));
            assertThat(subjects).as(role).hasSize(6).doesNotHaveDuplicates();
        }
        // Only DAY1 has the supervisor's lines.
        assertThat(subjects(emailsTo(members.get("supervisor")))).hasSize(2).doesNotHaveDuplicates();
        JsonPath log = runs("?size=10");
        assertThat(log.getList("status")).hasSize(6).containsOnly("done");
        assertThat(log.getList("deliveries.flatten().attempts")).containsOnly(1);
    }

    @Test
    void aRetriedRunSendsOnlyToTheRecipientsItHadNotReached() {
        reporting.stubFor(DistributionFixture.matching("quality", null, DistributionFixture.PDF)
                .willReturn(aResponse().withStatus(503)));
        DistributionFixture.subscribe(tenant, "daily",
                Map.of("plant", "DAY1", "cadence", "daily", "formats", List.of("pdf")));
        backdate("daily", Duration.ofDays(1));
        queueDue(Instant.now());

        drain("replica-a");
        JsonPath first = runs("");
        assertThat(first.getString("[0].status")).isEqualTo("queued");
        assertThat(first.getString("[0].last_error")).startsWith("1 of 5 recipients not reached");
        assertThat(first.getString("[0].deliveries.find { it.role == 'quality' }.status"))
                .isEqualTo("failed_retryable");
        assertThat(first.getInt("[0].deliveries.find { it.role == 'quality' }.status_code")).isEqualTo(503);
        assertThat(emailsTo(members.get("quality"))).isEmpty();
        assertThat(emailsTo(members.get("controller"))).hasSize(1);

        reporting.resetAll();
        DistributionFixture.stubReports(reporting, 0);
        JsonPath done = await(() -> {
            drain("replica-b");
            return runs("");
        }, found -> found.getString("[0].status").equals("done"));
        assertThat(done.getInt("[0].attempts")).isEqualTo(2);
        for (String address : members.values()) {
            assertThat(emailsTo(address)).as(address).hasSize(1);
        }
        assertThat(done.getInt("[0].deliveries.find { it.role == 'quality' }.attempts")).isEqualTo(2);
        assertThat(done.getInt("[0].deliveries.find { it.role == 'controller' }.attempts")).isEqualTo(1);
    }

    @Test
    void theScheduleFindsACloseWhosePromptWasLostButNotOneBeforeTheSubscription() {
        closed("DAY1", "2026-09", Instant.now().minus(Duration.ofDays(10)));
        DistributionFixture.subscribe(tenant, "month-end",
                Map.of("plant", "*", "cadence", "month_end", "formats", List.of("html_link")));
        closed("DAY1", "2026-10", Instant.now().plusSeconds(1));

        assertThat(queueDue(Instant.now())).isEqualTo(1);
        assertThat(queueDue(Instant.now())).isZero();
        drain("replica-a");
        assertThat(runs("").getList("run_key")).containsExactly("month_end:2026-10:v1");
        assertThat(text(emailsTo(members.get("quality")).get(0)))
                .contains("https://scrapline.example.com/api/v1/reports/DAY1/2026-10?version=1&view=quality");
        assertThat(attachments(emailsTo(members.get("quality")).get(0))).isEmpty();
    }

    @Test
    void aSubscriptionDisabledOrDeletedAfterItsRunWasQueuedSendsNothing() {
        DistributionFixture.subscribe(tenant, "daily",
                Map.of("plant", "DAY1", "cadence", "daily", "formats", List.of("pdf")));
        backdate("daily", Duration.ofDays(1));
        queueDue(Instant.now());
        DistributionFixture.subscribe(tenant, "daily",
                Map.of("plant", "DAY1", "cadence", "daily", "formats", List.of("pdf"), "enabled", false));

        drain("replica-a");
        assertThat(runs("").getString("[0].status")).isEqualTo("done");
        assertThat(smtp.getReceivedMessagesForDomain(DistributionFixture.domain(tenant))).isEmpty();
    }

    @Test
    void onlyAServiceTokenHandsACloseOverAndOnlyForItsOwnTenant() {
        DistributionFixture.subscribe(tenant, "month-end",
                Map.of("plant", "DAY1", "cadence", "month_end", "formats", List.of("pdf")));
        closed("DAY1", "2026-10", Instant.now());
        for (String role : List.of("admin", "controller", "quality")) {
            prompt(TestTokens.get().token(tenant, role), 1).statusCode(403);
        }
        prompt(TestTokens.get().token(tenant, "service"), 1).statusCode(401);
        prompt(null, 1).statusCode(401);
        // Another tenant's token names the same plant and period: that tenant has no such close or subscription.
        String other = "t-" + UUID.randomUUID();
        DistributionFixture.tenant(db, other);
        prompt(serviceTokens.sign(other), 1).statusCode(200).body("queued", equalTo(0));
        assertThat(runs("").getList("run_key")).isEmpty();
        given().auth().oauth2(serviceTokens.sign(tenant)).contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "period", "2026-13", "version", 1))
                .post("/api/v1/alerts/distributions/closes").then().statusCode(422);

        prompt(serviceTokens.sign(tenant), 1).statusCode(200).body("queued", equalTo(1));
        await(() -> runs(""), found -> found.getList("status").equals(List.of("done")));
        // Neither the other tenant nor a token of another plant or of lines sees the run.
        assertThat(given().auth().oauth2(TestTokens.get().token(other, "admin")).get("/api/v1/alerts/distributions")
                .then().statusCode(200).extract().jsonPath().getList("")).isEmpty();
        for (String token : List.of(TestTokens.get().scopedToken(tenant, List.of("DAY2"), List.of(), "controller"),
                TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "controller"))) {
            assertThat(given().auth().oauth2(token).get("/api/v1/alerts/distributions").then().statusCode(200).extract()
                    .jsonPath().getList("")).isEmpty();
        }
        assertThat(given().auth().oauth2(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "controller"))
                .get("/api/v1/alerts/distributions").then().statusCode(200).extract().jsonPath().getList(""))
                        .hasSize(1);
    }

    private ValidatableResponse prompt(String token, int version) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        return request.contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "period", "2026-10", "version", version))
                .post("/api/v1/alerts/distributions/closes").then();
    }

    private JsonPath runs(String query) {
        return given().auth().oauth2(TestTokens.get().token(tenant, "admin"))
                .get("/api/v1/alerts/distributions" + query).then().statusCode(200).extract().jsonPath();
    }

    private int queueDue(Instant now) {
        return distributions.queueDue(tenant, now).await().indefinitely();
    }

    private int drain(String worker) {
        return sender.drain(tenant, worker).await().indefinitely();
    }

    /** The period as reporting's close records it, closed at {@code at}. */
    private void closed(String plant, String period, Instant at) {
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO closed_periods (tenant_id, plant_id, period, closed_by, closed_at)
                VALUES (current_tenant(), $1, $2, 'reporting', $3)
                """).execute(Tuple.of(plant, period, at.atOffset(ZoneOffset.UTC)))).await().indefinitely();
    }

    /** As if the subscription had been made {@code ago}: runs that fell due since then are due. */
    private void backdate(String subscription, Duration ago) {
        db.inTenant(tenant,
                connection -> connection
                        .preparedQuery(
                                "UPDATE distribution_subscriptions SET created_at = now() - $2 * interval '1 second' "
                                        + "WHERE subscription_id = $1")
                        .execute(Tuple.of(subscription, ago.toSeconds())))
                .await().indefinitely();
    }

    private List<MimeMessage> emailsTo(String address) {
        return MimeParts.to(smtp, address);
    }

    private static List<String> subjects(List<MimeMessage> emails) {
        return emails.stream().map(email -> {
            try {
                return email.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, byte[]> attachments(MimeMessage email) {
        return MimeParts.attachments(email);
    }

    private static String text(MimeMessage email) {
        return MimeParts.text(email);
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not there after 20 s: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
