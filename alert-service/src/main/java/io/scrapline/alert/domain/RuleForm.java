package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.problem.FieldError;

/**
 * A rule as sent, before it is known to be valid: the fields of the current form, or of v1's ({@code threshold} and
 * {@code audience}: one warning threshold). {@link #problems()} names every problem at once; {@link #draft()} is the
 * rule once there is none. The formats of codes and the lengths of text are checked where the request is read.
 */
public record RuleForm(String name, String plant, String line, String workCenter, String defectCode,
        String defectCategory, String shift, String metric, String window, Integer windowHours,
        List<ThresholdForm> thresholds, BigDecimal threshold, String audience, Boolean enabled) {

    /** The longest rolling window, 30 days. */
    public static final int MAX_WINDOW_HOURS = 720;
    /** The most trailing windows a relative threshold averages. */
    public static final int MAX_TRAILING_WINDOWS = 100;

    private static final String REQUIRED = "must not be blank";

    /** A threshold as sent; its row in {@code thresholds} counts from 1. */
    public record ThresholdForm(String level, BigDecimal value, BigDecimal factor, Integer trailingWindows,
            List<String> audiences, String escalationPolicy) {
    }

    /** Every problem of the rule, in the order of its fields; a threshold's problems carry its row. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (blank(plant)) {
            problems.add(new FieldError(null, "plant", REQUIRED));
        }
        if (defectCode != null && defectCategory != null) {
            problems.add(new FieldError(null, "defect_category", "give a defect code or a defect category, not both"));
        }
        if (blank(metric)) {
            problems.add(new FieldError(null, "metric", REQUIRED));
        } else if (metric(metric).isEmpty()) {
            problems.add(new FieldError(null, "metric", "must be cost, quantity or events"));
        }
        Optional<RuleWindow> kind = blank(window) ? Optional.empty() : RuleWindow.ofCode(window);
        if (blank(window)) {
            problems.add(new FieldError(null, "window", REQUIRED));
        } else if (kind.isEmpty()) {
            problems.add(new FieldError(null, "window", "must be " + RuleWindow.ACCEPTED));
        }
        if (kind.orElse(null) == RuleWindow.ROLLING_HOURS && windowHours == null) {
            problems.add(new FieldError(null, "window_hours", "is required with the window rolling_hours"));
        } else if (windowHours != null && kind.isPresent() && kind.get() != RuleWindow.ROLLING_HOURS) {
            problems.add(new FieldError(null, "window_hours", "is only for the window rolling_hours"));
        } else if (windowHours != null && (windowHours < 1 || windowHours > MAX_WINDOW_HOURS)) {
            problems.add(new FieldError(null, "window_hours", "must be from 1 to " + MAX_WINDOW_HOURS));
        }
        boolean v1 = threshold != null || audience != null;
        if (thresholds != null && v1) {
            problems.add(new FieldError(null, "thresholds",
                    "give thresholds, or the threshold and audience of version 1, not both"));
        } else if (v1) {
            v1Problems(problems);
        } else if (thresholds == null || thresholds.isEmpty()) {
            problems.add(new FieldError(null, "thresholds", "must list at least one threshold"));
        } else {
            Map<Level, Integer> levels = new HashMap<>();
            for (int i = 0; i < thresholds.size(); i++) {
                thresholdProblems(thresholds.get(i), i + 1, levels, problems);
            }
        }
        return problems;
    }

    /** The rule; only when {@link #problems()} is empty. */
    public RuleDraft draft() {
        List<RuleDraft.Threshold> drafts = thresholds != null
                ? thresholds.stream()
                        .map(t -> new RuleDraft.Threshold(level(t.level()).orElseThrow(), t.value(), t.factor(),
                                t.trailingWindows(), t.audiences(), t.escalationPolicy()))
                        .toList()
                : List.of(new RuleDraft.Threshold(Level.WARNING, threshold, null, null, List.of(audience), null));
        return new RuleDraft(name, plant, line, workCenter, defectCode, defectCategory, shift,
                metric(metric).orElseThrow(), RuleWindow.ofCode(window).orElseThrow(), windowHours, drafts,
                enabled == null || enabled, thresholds == null);
    }

    private void v1Problems(List<FieldError> problems) {
        if (threshold == null) {
            problems.add(new FieldError(null, "threshold", "must not be null"));
        } else {
            positiveDecimal(threshold, null, "threshold", problems);
        }
        if (blank(audience)) {
            problems.add(new FieldError(null, "audience", REQUIRED));
        }
    }

    private static void thresholdProblems(ThresholdForm form, int row, Map<Level, Integer> levels,
            List<FieldError> problems) {
        if (form == null) {
            problems.add(new FieldError(row, "thresholds", "must not be null"));
            return;
        }
        if (blank(form.level())) {
            problems.add(new FieldError(row, "level", REQUIRED));
        } else if (level(form.level()).isEmpty()) {
            problems.add(new FieldError(row, "level", "must be warning or critical"));
        } else {
            Integer first = levels.putIfAbsent(level(form.level()).get(), row);
            if (first != null) {
                problems.add(new FieldError(row, "level",
                        "same level as threshold " + first + ": a rule has one threshold per level"));
            }
        }
        if (form.value() != null && form.factor() != null) {
            problems.add(new FieldError(row, "factor", "give a value or a factor, not both"));
        } else if (form.value() == null && form.factor() == null) {
            problems.add(new FieldError(row, "value", "give a value, or a factor of the trailing average"));
        }
        if (form.value() != null) {
            positiveDecimal(form.value(), row, "value", problems);
        }
        if (form.factor() != null) {
            positiveDecimal(form.factor(), row, "factor", problems);
            if (form.trailingWindows() == null) {
                problems.add(new FieldError(row, "trailing_windows", "is required with a factor"));
            }
        } else if (form.trailingWindows() != null) {
            problems.add(new FieldError(row, "trailing_windows", "is only for a factor"));
        }
        if (form.trailingWindows() != null
                && (form.trailingWindows() < 1 || form.trailingWindows() > MAX_TRAILING_WINDOWS)) {
            problems.add(new FieldError(row, "trailing_windows", "must be from 1 to " + MAX_TRAILING_WINDOWS));
        }
        if (form.audiences() == null || form.audiences().isEmpty()) {
            problems.add(new FieldError(row, "audiences", "must name at least one audience"));
        } else if (!form.audiences().stream().allMatch(a -> a != null && a.matches(InputRules.CODE))) {
            problems.add(new FieldError(row, "audiences", "each audience " + InputRules.CODE_RULE));
        } else if (form.audiences().stream().distinct().count() < form.audiences().size()) {
            problems.add(new FieldError(row, "audiences", "names an audience twice"));
        }
    }

    private static void positiveDecimal(BigDecimal number, Integer row, String field, List<FieldError> problems) {
        String problem = InputRules.decimalProblem(number);
        if (problem != null) {
            problems.add(new FieldError(row, field, problem));
        } else if (number.signum() <= 0) {
            problems.add(new FieldError(row, field, "must be greater than 0"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<Metric> metric(String code) {
        return Arrays.stream(Metric.values()).filter(m -> m.code().equals(code)).findFirst();
    }

    private static Optional<Level> level(String code) {
        return Arrays.stream(Level.values()).filter(l -> l.code().equals(code)).findFirst();
    }
}
