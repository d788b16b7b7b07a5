package io.scrapline.alert.service;

import static io.scrapline.alert.service.Alerting.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

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
 * A member's quiet hours hold a warning until they end and let a critical alert through; a member who asked for a
 * digest gets the warnings of an hour in one message at its end, and a critical alert at once.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class QuietHoursAndDigestTest {

    @ChannelServers.Smtp
    GreenMail smtp;

    @Inject
    TenantDb db;

    @Inject
    DeliveryService deliveries;

    private Alerting world;

    @BeforeEach
    void aTenant() {
        world = new Alerting(db);
    }

    @Test
    void quietHoursHoldAWarningUntilTheyEndAndLetACriticalAlertThrough() {
        String night = world.email("night-shift");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = now.minusHours(1).toLocalTime();
        LocalTime end = now.plusHours(2).toLocalTime();
        world.putAudience("quality", List.of(member("Night shift", "email", night, "quiet_hours",
                Map.of("time_zone", "UTC", "start", start.toString(), "end", end.toString())))).statusCode(204);

        long warning = world.raise("MACH-DIM", "quality");
        long held = world.delivery(warning, "email", night);
        assertThat(world.count("SELECT round(extract(epoch FROM next_attempt_at - now()) / 60) FROM alert_deliveries "
                + "WHERE delivery_id = $1", held)).isBetween(119L, 120L);
        String due = world.get(world.admin, "/api/v1/alerts/deliveries/" + held).statusCode(200)
                .body("status", equalTo("queued")).extract().jsonPath().getString("due_at");
        assertThat(OffsetDateTime.parse(due).toInstant()).isEqualTo(now.plusHours(2).toInstant());

        long critical = world.logAlert("DAY1", "quality");
        db.inTenant(world.tenant, connection -> deliveries.open(connection, critical, Level.CRITICAL,
                List.of("quality"), null, Alerting.notice(critical, Level.CRITICAL, "DAY1"))).await().indefinitely();
        deliveries.deliverSoon(world.tenant, List.of(critical));

        Alerting.await(() -> Receivers.to(smtp, night).size() == 1);
        assertThat(Receivers.subject(Receivers.to(smtp, night).get(0))).startsWith("[Scrapline] CRITICAL");
        assertThat(world.count("SELECT count(*) FROM alert_delivery_attempts WHERE delivery_id = $1", held)).isZero();

        // The quiet hours end.
        world.passWaitOf(held);
        Alerting.await(() -> Receivers.to(smtp, night).size() == 2);
        assertThat(Receivers.subject(Receivers.to(smtp, night).get(1))).startsWith("[Scrapline] WARNING");
    }

    @Test
    void theWarningsOfAnHourGoInOneMessageAtItsEnd() {
        // Both warnings fall in one hour: a test started in an hour's last half minute waits for the next.
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC);
        if (start.getMinute() == 59 && start.getSecond() >= 30) {
            Alerting.pause(Duration.ofSeconds(61 - start.getSecond()));
        }
        String lead = world.email("line-lead");
        world.putAudience("leads", List.of(member("Line lead", "email", lead, "digest", "hourly"))).statusCode(204);

        long first = world.raise("MACH-DIM", "leads");
        long second = world.raise("WELD-POR", "leads");

        Alerting.await(() -> world.count("SELECT count(*) FROM alert_digest_alerts") == 2);
        assertThat(world.count("SELECT count(*) FROM alert_deliveries")).isEqualTo(1);
        long digest = world.count("SELECT delivery_id FROM alert_deliveries WHERE kind = 'digest'");
        assertThat(world.text("SELECT to_char(next_attempt_at AT TIME ZONE 'UTC', 'MI:SS') FROM alert_deliveries "
                + "WHERE delivery_id = $1", digest)).isEqualTo("00:00");
        world.get(world.admin, "/api/v1/alerts/" + second).statusCode(200).body("deliveries[0].kind", equalTo("digest"))
                .body("deliveries[0].alerts", equalTo(List.of((int) first, (int) second)));
        Alerting.pause(Duration.ofSeconds(2));
        assertThat(Receivers.to(smtp, lead)).isEmpty();

        // The hour ends.
        world.passWaitOf(digest);

        Alerting.await(() -> Receivers.to(smtp, lead).size() == 1);
        MimeMessage message = Receivers.to(smtp, lead).get(0);
        assertThat(Receivers.subject(message)).startsWith("[Scrapline] 2 alerts");
        assertThat(Receivers.text(message)).contains("MACH-DIM").contains("WELD-POR");
        Alerting.await(() -> "sent".equals(world.text("SELECT status FROM alert_log WHERE alert_id = $1", first))
                && "sent".equals(world.text("SELECT status FROM alert_log WHERE alert_id = $1", second)));

        // A critical alert does not wait for the next digest.
        long critical = world.logAlert("DAY1", "leads");
        db.inTenant(world.tenant, connection -> deliveries.open(connection, critical, Level.CRITICAL, List.of("leads"),
                null, Alerting.notice(critical, Level.CRITICAL, "DAY1"))).await().indefinitely();
        deliveries.deliverSoon(world.tenant, List.of(critical));
        Alerting.await(() -> Receivers.to(smtp, lead).size() == 2);
        assertThat(world.count("SELECT count(*) FROM alert_deliveries WHERE kind = 'digest'")).isEqualTo(1);
    }
}
