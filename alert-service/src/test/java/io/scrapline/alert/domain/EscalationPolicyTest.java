package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.EscalationPolicy.Step;
import io.scrapline.platform.problem.FieldError;

/** A policy's steps: the first at once, each later one after a delay, every error named with its step. */
class EscalationPolicyTest {

    @Test
    void aFirstStepOfSeveralAudiencesThenALaterOneIsValid() {
        assertThat(EscalationPolicy.errors(List.of(step(0, "quality", "plant-manager"), step(15, "operations"))))
                .isEmpty();
    }

    @Test
    void eachBadStepIsNamedWithItsRow() {
        List<FieldError> errors = EscalationPolicy.errors(List.of(step(5, "quality"), step(0, "plant"),
                step(20, "ops", "ops"), new Step(List.of(), Duration.ofMinutes(30))));

        assertThat(errors).extracting(FieldError::row, FieldError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "delay_minutes"),
                org.assertj.core.groups.Tuple.tuple(2, "delay_minutes"),
                org.assertj.core.groups.Tuple.tuple(3, "audiences"),
                org.assertj.core.groups.Tuple.tuple(4, "audiences"));
        assertThat(EscalationPolicy.errors(List.of())).extracting(FieldError::field).containsExactly("steps");
    }

    @Test
    void theAudiencesOfEveryStepEachOnce() {
        EscalationPolicy policy = new EscalationPolicy("p", null,
                List.of(step(0, "quality", "plant"), step(10, "plant", "ops")));
        assertThat(policy.audiences()).containsExactly("quality", "plant", "ops");
    }

    private static Step step(long minutes, String... audiences) {
        return new Step(List.of(audiences), Duration.ofMinutes(minutes));
    }
}
