package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/**
 * A valid rule as a tenant writes it: the metric it watches over a scope (a plant, optionally a line, a work center, a
 * defect code or a defect category, a shift) in a window, and its thresholds, at most one per level.
 *
 * @param windowHours
 *            the length of a rolling window, null for the other windows
 * @param v1
 *            written in v1's form (one threshold and one audience), so that problems name v1's fields
 */
public record RuleDraft(String name, String plant, String line, String workCenter, String defectCode,
        String defectCategory, String shift, Metric metric, RuleWindow window, Integer windowHours,
        List<Threshold> thresholds, boolean enabled, boolean v1) {

    public RuleDraft {
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        thresholds = List.copyOf(thresholds);
    }

    /**
     * A threshold: absolute ({@code value}) or relative ({@code factor} times the average of the
     * {@code trailingWindows} last windows of the same kind and scope that had events), the audiences it notifies and
     * the escalation policy it starts, if any.
     */
    public record Threshold(Level level, BigDecimal value, BigDecimal factor, Integer trailingWindows,
            List<String> audiences, String escalationPolicy) {

        public Threshold {
            Objects.requireNonNull(level, "level");
            audiences = List.copyOf(audiences);
        }

        public boolean relative() {
            return factor != null;
        }
    }

    /** Every audience the thresholds name, once each, in order. */
    public List<String> audiences() {
        List<String> all = new ArrayList<>();
        thresholds.forEach(threshold -> threshold.audiences().stream().filter(a -> !all.contains(a)).forEach(all::add));
        return all;
    }

    /** The lowest absolute threshold, or null when every threshold is relative. */
    public BigDecimal lowestAbsolute() {
        return thresholds.stream().map(Threshold::value).filter(Objects::nonNull).min(BigDecimal::compareTo)
                .orElse(null);
    }
}
