package io.scrapline.alert.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import io.scrapline.platform.problem.FieldError;

/**
 * Who hears of an alert while nobody acknowledges it: ordered steps, each one or more audiences and a delay after the
 * step before. The first step's delay is 0, and its audiences hear of the alert as it opens, with the level's own; each
 * later step's audiences hear of it once its delay has passed since the step before, unless the alert was acknowledged
 * or resolved meanwhile.
 */
public record EscalationPolicy(String id, String name, List<Step> steps) {

    public static final int MAX_STEPS = 10;
    public static final int MAX_AUDIENCES = 20;
    /** A week: a longer wait is no escalation. */
    public static final long MAX_DELAY_MINUTES = 7 * 24 * 60;

    public EscalationPolicy {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
    }

    /** One step: its audiences and how long after the step before they hear of the alert. */
    public record Step(List<String> audiences, Duration delay) {

        public Step {
            audiences = List.copyOf(audiences);
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * What is wrong with the steps, each error naming the step as its row (from 1): none, more than {@value #MAX_STEPS}
     * steps, a step without audiences or naming one twice, a first step that waits, a later step that does not, or one
     * that waits longer than a week.
     */
    public static List<FieldError> errors(List<Step> steps) {
        List<FieldError> errors = new ArrayList<>();
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            errors.add(new FieldError(null, "steps", "a policy has 1 to " + MAX_STEPS + " steps"));
            return errors;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int row = i + 1;
            if (step.audiences().isEmpty() || step.audiences().size() > MAX_AUDIENCES) {
                errors.add(new FieldError(row, "audiences", "a step names 1 to " + MAX_AUDIENCES + " audiences"));
            } else if (new LinkedHashSet<>(step.audiences()).size() < step.audiences().size()) {
                errors.add(new FieldError(row, "audiences", "a step names each audience once"));
            }
            long minutes = step.delay().toMinutes();
            if (i == 0 && !step.delay().isZero()) {
                errors.add(new FieldError(row, "delay_minutes", "the first step starts as the alert opens: 0"));
            } else if (i > 0 && (minutes < 1 || minutes > MAX_DELAY_MINUTES)) {
                errors.add(new FieldError(row, "delay_minutes",
                        "a later step waits 1 to " + MAX_DELAY_MINUTES + " minutes after the step before"));
            }
        }
        return errors;
    }

    /** The audiences of every step, each once. */
    public List<String> audiences() {
        return steps.stream().flatMap(step -> step.audiences().stream()).distinct().toList();
    }
}
