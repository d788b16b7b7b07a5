package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.scrapline.alert.client.MimeParts;
import io.scrapline.alert.domain.DigestSchedule;
import io.scrapline.alert.service.UnmappedFixture.Parked;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * The daily digest of open exceptions against a real SMTP server: due at its local time, sent once a day whichever
 * replicas queue and work it, caught up once after an outage, ranked by what waits, nothing on a day with none open,
 * and never another tenant's exceptions. The sweeps are off: the tests queue and work digests with the clock they
 * choose, as replicas would.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(DistributionServers.Profile.class)
class ExceptionDigestTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @DistributionServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

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
    void theDigestRanksTheOpenExceptionsOfEachPlantByWhatWaitsAndGoesOutOnce() {
        Parked.part("DAY1", "MES-4471", "40").park(db, tenant);
        Parked.code("DAY1", "D-999", "2", "1529.50").park(db, tenant);
        Parked.code("DAY1", "D-999", "1", "764.75").park(db, tenant);
        Parked.other("DAY1", "no_standard_cost", "5").park(db, tenant);
        Parked.code("DAY2", "D-123", "1", "10.00").park(db, tenant);
        String other = otherTenantsPart();
        dailyDigest(Duration.ofDays(7));
        // Half a minute after the latest send time: the minute after is the same day's.
        DigestSchedule.Due due = DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, Instant.now());
        Instant now = due.dueAt().plusSeconds(30);

        assertThat(digests(now)).isEqualTo(1);
        assertThat(digests(now.plusSeconds(60))).isZero();
        sender.drain(tenant, "replica-a").await().indefinitely();
        sender.drain(tenant, "replica-b").await().indefinitely();

        List<MimeMessage> emails = MimeParts.to(smtp, UnmappedFixture.steward(tenant));
        assertThat(emails).hasSize(1);
        String text = MimeParts.text(emails.get(0));
        assertThat(text).containsSubsequence("DAY1 Dayton: 4 events",
                "1. defect code D-999 of plex-mes has no cross-reference: 2 events, 3 units; about 2,294.25 USD at "
                        + "standard cost",
                "2. part MES-4471 of plex-mes has no cross-reference: 1 event, 40 units (no estimate: ",
                "3. no standard cost in force (plex-mes): 1 event, 5 units",
                "https://scrapline.example.com/api/v1/exceptions?plant=DAY1&status=open", "DAY2 Dayton East: 1 event",
                "1. defect code D-123 of plex-mes has no cross-reference: 1 event, 1 unit; about 10.00 USD");
        assertThat(text).doesNotContain(other);
        JsonPath log = log("?kind=digest");
        assertThat(log.getString("[0].digest_date")).isEqualTo(due.day().toString());
        assertThat(log.getList("[0].plants")).containsExactly("DAY1", "DAY2");
        assertThat(log.getInt("[0].events")).isEqualTo(5);
        assertThat(log.getString("[0].status")).isEqualTo("done");
    }

    @Test
    void aDigestMissedWhileTheServiceWasDownIsCaughtUpOnceAndADayWithNothingOpenSendsNothing() {
        Parked.part("DAY1", "MES-4471", "4").park(db, tenant);
        dailyDigest(Duration.ofDays(7));

        // Down for four days: the latest digest goes out once, not one per day missed.
        Instant back = DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, Instant.now().plus(Duration.ofDays(4)))
                .dueAt().plusSeconds(120);
        assertThat(digests(back)).isEqualTo(1);
        assertThat(digests(back.plusSeconds(3600))).isZero();
        sender.drain(tenant, "replica-a").await().indefinitely();
        assertThat(log("?kind=digest").getList("digest_date"))
                .containsExactly(DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, back).day().toString());
        assertThat(MimeParts.to(smtp, UnmappedFixture.steward(tenant))).hasSize(1);

        UnmappedFixture.closeAll(db, tenant);
        Instant nextDay = back.plus(Duration.ofDays(1));
        assertThat(digests(nextDay)).isEqualTo(1);
        sender.drain(tenant, "replica-a").await().indefinitely();
        assertThat(log("?kind=digest").getString("[0].note")).isEqualTo("no exception is open: nothing sent");
        assertThat(MimeParts.to(smtp, UnmappedFixture.steward(tenant))).hasSize(1);
    }

    @Test
    void noDigestThatFellDueBeforeItBeganIsSent() {
        Parked.part("DAY1", "MES-4471", "4").park(db, tenant);
        dailyDigest(Duration.ZERO);
        Instant now = Instant.now();
        DigestSchedule.Due due = DigestSchedule.latest(LocalTime.of(7, 0), CHICAGO, now);

        assertThat(digests(now)).isZero();
        assertThat(digests(due.dueAt().plus(Duration.ofDays(1)))).isEqualTo(1);
    }

    /**
     * A daily digest at 07:00 in Chicago that began {@code ago}. The events parked so far were parked before the
     * notices began: they are left to the digest, not notified one by one.
     */
    private void dailyDigest(Duration ago) {
        UnmappedFixture.settings(tenant, Map.of("audience", "master-data", "digest", "daily", "send_at", "07:00",
                "time_zone", "America/Chicago")).statusCode(200);
        UnmappedFixture.backdateDigest(db, tenant, ago);
    }

    /** The digests the schedule queued at {@code now}. */
    private long digests(Instant now) {
        long before = log("?kind=digest").getList("id").size();
        notices.queueDue(tenant, now).await().indefinitely();
        return log("?kind=digest").getList("id").size() - before;
    }

    /** Another tenant parks a part whose number is its own. */
    private String otherTenantsPart() {
        String other = "t-" + UUID.randomUUID();
        UnmappedFixture.tenant(db, other);
        String part = "OTHER-" + other.substring(2, 10);
        Parked.part("DAY1", part, "9").park(db, other);
        return part;
    }

    private JsonPath log(String query) {
        return given().auth().oauth2(UnmappedFixture.admin(tenant)).get("/api/v1/alerts/reference-notices/log" + query)
                .then().statusCode(200).extract().jsonPath();
    }
}
