package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Level;

/** When a recipient gets an alert: critical at once, warnings after quiet hours or in the hour's digest. */
class DeliveryPlanTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final QuietHours NIGHT = new QuietHours(ZoneOffset.UTC, LocalTime.of(22, 0), LocalTime.of(6, 0));
    private static final Instant LATE = Instant.parse("2026-05-14T23:10:00Z");
    private static final Instant DAY = Instant.parse("2026-05-14T14:10:00Z");

    @Test
    void aWarningInQuietHoursWaitsUntilTheyEndAndACriticalAlertDoesNot() {
        Member quiet = member(NIGHT, false);

        assertThat(DeliveryPlan.of(Level.WARNING, quiet, LATE).due()).isEqualTo(Instant.parse("2026-05-15T06:00:00Z"));
        assertThat(DeliveryPlan.of(Level.CRITICAL, quiet, LATE).due()).isEqualTo(LATE);
        assertThat(DeliveryPlan.of(Level.WARNING, quiet, DAY).due()).isEqualTo(DAY);
        assertThat(DeliveryPlan.of(Level.WARNING, member(null, false), LATE).digest()).isFalse();
    }

    @Test
    void aDigestMembersWarningsAreDueAtTheEndOfTheirHourInTheMembersZone() {
        DeliveryPlan plan = DeliveryPlan.of(Level.WARNING, member(null, true), DAY);

        assertThat(plan.digest()).isTrue();
        assertThat(plan.digestFrom()).isEqualTo(Instant.parse("2026-05-14T14:00:00Z"));
        assertThat(plan.digestUntil()).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
        assertThat(plan.due()).isEqualTo(plan.digestUntil());

        // A half-hour zone's hours start at :30 UTC.
        Member india = member(new QuietHours(KOLKATA, LocalTime.of(1, 0), LocalTime.of(2, 0)), true);
        assertThat(DeliveryPlan.of(Level.WARNING, india, DAY).digestUntil())
                .isEqualTo(Instant.parse("2026-05-14T14:30:00Z"));
    }

    @Test
    void aDigestWhoseHourEndsInQuietHoursWaitsForTheirEndAndCriticalAlertsAreNeverDigested() {
        DeliveryPlan plan = DeliveryPlan.of(Level.WARNING, member(NIGHT, true), LATE);

        assertThat(plan.digestUntil()).isEqualTo(Instant.parse("2026-05-15T00:00:00Z"));
        assertThat(plan.due()).isEqualTo(Instant.parse("2026-05-15T06:00:00Z"));
        assertThat(DeliveryPlan.of(Level.CRITICAL, member(NIGHT, true), LATE).digest()).isFalse();
    }

    private static Member member(QuietHours quiet, boolean digest) {
        return new Member("Dana Ortiz", "quality", "dana@example.com", null, null, null, null, quiet, digest,
                List.of());
    }
}
