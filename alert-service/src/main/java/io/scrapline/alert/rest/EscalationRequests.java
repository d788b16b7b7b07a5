package io.scrapline.alert.rest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;

/** Request and response bodies of the escalation policies. */
@RegisterForReflection(targets = { EscalationRequests.Policy.class, EscalationRequests.Step.class,
        EscalationRequests.StoredPolicy.class })
public final class EscalationRequests {

    private EscalationRequests() {
    }

    /** Ordered steps; the first's delay is 0. */
    public record Policy(@Size(max = InputRules.NAME_MAX) String name,
            @NotNull @Size(min = 1, max = EscalationPolicy.MAX_STEPS) List<@Valid @NotNull Step> steps) {

        EscalationPolicy domain(String id) {
            return new EscalationPolicy(id, name, steps.stream()
                    .map(step -> new EscalationPolicy.Step(step.audiences(), Duration.ofMinutes(step.delayMinutes())))
                    .toList());
        }
    }

    /** A step's audiences, and how many minutes after the step before they hear of an unacknowledged alert. */
    public record Step(
            @NotNull @Size(min = 1, max = EscalationPolicy.MAX_AUDIENCES) List<@NotNull @Code String> audiences,
            @NotNull @Min(0) @Max(EscalationPolicy.MAX_DELAY_MINUTES) Integer delayMinutes) {
    }

    /** A stored policy. */
    public record StoredPolicy(String id, String name, List<Step> steps) {

        static StoredPolicy of(EscalationPolicy policy) {
            return new StoredPolicy(policy.id(), policy.name(), policy.steps().stream()
                    .map(step -> new Step(step.audiences(), (int) step.delay().toMinutes())).toList());
        }
    }
}
