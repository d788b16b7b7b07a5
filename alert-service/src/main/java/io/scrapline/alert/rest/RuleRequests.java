package io.scrapline.alert.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.RuleForm;
import io.scrapline.platform.input.Code;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.problem.FieldError;

/** Request bodies of the rule endpoints. */
@RegisterForReflection(targets = { RuleRequests.Rule.class, RuleRequests.Threshold.class })
public final class RuleRequests {

    private RuleRequests() {
    }

    /**
     * A threshold rule: a metric ({@code cost}, {@code quantity}, {@code events}) over a scope (a plant, optionally a
     * line, a work center, a defect code or a defect category, a shift) in a window ({@code shift}, {@code day},
     * {@code week_to_date}, {@code period_to_date}, {@code rolling_hours} with {@code window_hours}), with thresholds,
     * one per level. v1's body ({@code threshold} and {@code audience}, window {@code period}) is one warning threshold
     * over the period to date.
     */
    @ConsistentRule
    public record Rule(@Size(max = InputRules.NAME_MAX) String name, @Code String plant, @Code String line,
            @Code String workCenter, @Code String defectCode, @Code String defectCategory, @Code String shift,
            @Size(max = 32) String metric, @Size(max = 32) String window, Integer windowHours,
            @Size(max = 2) List<@Valid Threshold> thresholds, BigDecimal threshold, @Code String audience,
            Boolean enabled) {

        RuleForm form() {
            return new RuleForm(name, plant, line, workCenter, defectCode, defectCategory, shift, metric, window,
                    windowHours,
                    thresholds == null ? null
                            : thresholds.stream()
                                    .map(t -> t == null ? null
                                            : new RuleForm.ThresholdForm(t.level(), t.value(), t.factor(),
                                                    t.trailingWindows(), t.audiences(), t.escalationPolicy()))
                                    .toList(),
                    threshold, audience, enabled);
        }
    }

    /**
     * A threshold of a level ({@code warning}, {@code critical}): absolute ({@code value}), or relative ({@code factor}
     * times the average of the {@code trailing_windows} last windows of the same kind and scope that had events); the
     * audiences it notifies and the escalation policy it starts.
     */
    public record Threshold(@Size(max = 32) String level, BigDecimal value, BigDecimal factor, Integer trailingWindows,
            @Size(max = 20) List<String> audiences, @Code String escalationPolicy) {
    }

    /** Every problem {@link RuleForm#problems()} finds, reported with the field checks of the request. */
    @Documented
    @Constraint(validatedBy = ConsistentRuleCheck.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface ConsistentRule {

        String message() default "is not a consistent rule";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Reports each problem at its field, and a threshold's at its place in {@code thresholds}. */
    public static class ConsistentRuleCheck implements ConstraintValidator<ConsistentRule, Rule> {

        @Override
        public boolean isValid(Rule rule, ConstraintValidatorContext context) {
            List<FieldError> problems = rule.form().problems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldError problem : problems) {
                var violation = context.buildConstraintViolationWithTemplate(problem.message());
                if (problem.row() == null) {
                    violation.addPropertyNode(problem.field()).addConstraintViolation();
                } else if (problem.field().equals("thresholds")) {
                    violation.addPropertyNode("thresholds").addBeanNode().inIterable().atIndex(problem.row() - 1)
                            .addConstraintViolation();
                } else {
                    violation.addPropertyNode("thresholds").addPropertyNode(problem.field()).inIterable()
                            .atIndex(problem.row() - 1).addConstraintViolation();
                }
            }
            return false;
        }
    }
}
