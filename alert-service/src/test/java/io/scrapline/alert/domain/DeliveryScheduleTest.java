package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.DeliverySchedule.Decision;
import io.scrapline.alert.domain.DeliverySchedule.Outcome;

/**
 * The back-off of deliveries: doubling from 30 s up to 2 h, given up after 24 h. The fault this replaces gave up after
 * five attempts 10 to 110 s apart, so that a 200 s SMTP outage lost the alert.
 */
class DeliveryScheduleTest {

    private static final DeliverySchedule DEFAULTS = new DeliverySchedule(Duration.ofSeconds(30), Duration.ofHours(2),
            Duration.ofHours(24));
    private static final Instant DUE = Instant.parse("2026-05-14T12:00:00Z");
    private static final DeliveryResult DOWN = DeliveryResult.retryable(ErrorClass.CONNECTION_REFUSED, null,
            "connection refused", null);

    @Test
    void retriesBackOffDoublingUpToTwoHours() {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            waits.add(DEFAULTS.wait(attempt, null));
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofSeconds(960), Duration.ofSeconds(1920),
                Duration.ofSeconds(3840), Duration.ofHours(2), Duration.ofHours(2));
    }

    @Test
    void anOutageOfTenMinutesOrAnHourNeverKillsADelivery() {
        Instant now = DUE;
        int attempt = 0;
        while (now.isBefore(DUE.plus(Duration.ofHours(1)))) {
            attempt++;
            Decision decision = DEFAULTS.after(DOWN, attempt, DUE, now);
            assertThat(decision.outcome()).isEqualTo(Outcome.RETRY);
            now = decision.nextAttemptAt();
        }
        assertThat(attempt).isGreaterThan(5);
        assertThat(DEFAULTS.after(DeliveryResult.delivered(null, "<m@x>", "accepted"), attempt + 1, DUE, now).outcome())
                .isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void afterTheGiveUpTimeADeliveryIsDeadAndTheLastRetryComesAtThatTime() {
        Instant late = DUE.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));
        Decision last = DEFAULTS.after(DOWN, 20, DUE, late);
        assertThat(last.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(last.nextAttemptAt()).isEqualTo(DUE.plus(Duration.ofHours(24)));

        assertThat(DEFAULTS.after(DOWN, 21, DUE, DUE.plus(Duration.ofHours(24))).outcome()).isEqualTo(Outcome.DEAD);
    }

    @Test
    void aPermanentFailureIsDeadAtOnce() {
        DeliveryResult refused = DeliveryResult.permanent(ErrorClass.HTTP_STATUS, 404, "HTTP 404");
        assertThat(DEFAULTS.after(refused, 1, DUE, DUE).outcome()).isEqualTo(Outcome.DEAD);
    }

    @Test
    void aProvidersRetryAfterIsHonouredUpToTheLongestWait() {
        assertThat(DEFAULTS.wait(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.wait(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.wait(1, Duration.ofDays(2))).isEqualTo(Duration.ofHours(2));
    }
}
