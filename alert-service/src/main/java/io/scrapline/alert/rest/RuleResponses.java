package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.RuleDraft;
import io.scrapline.alert.domain.StoredRule;

/** Response bodies of the rule endpoints. */
@RegisterForReflection(targets = { RuleResponses.Rule.class, RuleResponses.Threshold.class })
public final class RuleResponses {

    private RuleResponses() {
    }

    /**
     * A rule as stored: what it watches, its thresholds (warning before critical), whether it is enabled, and who
     * changed it last, when ({@code updated_by} null for a rule written before changes were recorded).
     */
    public record Rule(String id, String name, String plant, String line, String workCenter, String defectCode,
            String defectCategory, String shift, String metric, String window, Integer windowHours,
            List<Threshold> thresholds, boolean enabled, OffsetDateTime updatedAt, String updatedBy) {

        static Rule of(StoredRule stored) {
            RuleDraft rule = stored.rule();
            return new Rule(stored.id(), rule.name(), rule.plant(), rule.line(), rule.workCenter(), rule.defectCode(),
                    rule.defectCategory(), rule.shift(), rule.metric().code(), rule.window().code(), rule.windowHours(),
                    rule.thresholds().stream().map(Threshold::of).toList(), rule.enabled(), stored.updatedAt(),
                    stored.updatedBy());
        }
    }

    /** A threshold: {@code value}, or {@code factor} and {@code trailing_windows}. */
    public record Threshold(String level, BigDecimal value, BigDecimal factor, Integer trailingWindows,
            List<String> audiences, String escalationPolicy) {

        static Threshold of(RuleDraft.Threshold threshold) {
            return new Threshold(threshold.level().code(), threshold.value(), threshold.factor(),
                    threshold.trailingWindows(), threshold.audiences(), threshold.escalationPolicy());
        }
    }
}
