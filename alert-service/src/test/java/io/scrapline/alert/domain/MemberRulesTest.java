package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;

/** What a member may say beyond the request's shape, each error named with the member's row. */
class MemberRulesTest {

    @Test
    void aMemberNeedsAChannelAndEachSettingMustMakeSense() {
        List<FieldError> errors = MemberRules.errors(List.of(
                new AlertInputs.Member("Dana", "quality", "dana@example.com", null, null, null, null, null, null),
                new AlertInputs.Member("Nobody", "quality", null, null, null, null, null, null, null),
                new AlertInputs.Member("Lee", "supervisor", null, "937 555 0100", null, "slack",
                        new AlertInputs.Quiet("Mars/Olympus", "25:00", "25:00"), null, null)));

        assertThat(errors).extracting(FieldError::row).containsOnly(2, 3);
        assertThat(errors).extracting(FieldError::field).containsExactly("email", "phone", "webhook_format",
                "quiet_hours.time_zone", "quiet_hours.start", "quiet_hours.end");
    }

    @Test
    void aPhoneIsStoredInE164AndQuietHoursAreRead() {
        Member member = MemberRules.member(
                new AlertInputs.Member("Lee", "supervisor", null, "+1 (937) 555-0100", "https://hooks.example.com/x",
                        null, new AlertInputs.Quiet("America/Chicago", "22:00", "06:00"), "hourly", List.of("L1")),
                "enc:v1:k:secret");

        assertThat(member.phone()).isEqualTo("+19375550100");
        assertThat(member.webhookFormat()).isEqualTo(WebhookFormat.GENERIC);
        assertThat(member.webhookSecret()).isEqualTo("enc:v1:k:secret");
        assertThat(member.quietHours())
                .isEqualTo(new QuietHours(ZoneId.of("America/Chicago"), LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThat(member.hourlyDigest()).isTrue();
        assertThat(member.follows("L1")).isTrue();
        assertThat(member.follows("L2")).isFalse();
        assertThat(member.follows(null)).isTrue();
    }
}
