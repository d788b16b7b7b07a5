package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.RuleForm.ThresholdForm;
import io.scrapline.platform.problem.FieldError;

/** Which rules are valid, every problem named at once, and the rule each valid form stands for. */
class RuleFormTest {

    private static final ThresholdForm CRITICAL = new ThresholdForm("critical", new BigDecimal("2000.00"), null, null,
            List.of("quality-managers", "plant-managers"), "critical-scrap");
    private static final ThresholdForm SPIKE = new ThresholdForm("warning", null, new BigDecimal("2"), 20,
            List.of("quality"), null);

    @Test
    void v1sBodyIsOneWarningThresholdOverThePeriodToDate() {
        RuleForm v1 = new RuleForm(null, "DAY1", null, null, "MACH-DIM", null, null, "cost", "period", null, null,
                new BigDecimal("500.00"), "quality", null);

        assertThat(v1.problems()).isEmpty();
        RuleDraft rule = v1.draft();
        assertThat(rule.window()).isEqualTo(RuleWindow.PERIOD_TO_DATE);
        assertThat(rule.metric()).isEqualTo(Metric.COST);
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.v1()).isTrue();
        assertThat(rule.thresholds()).containsExactly(
                new RuleDraft.Threshold(Level.WARNING, new BigDecimal("500.00"), null, null, List.of("quality"), null));
        assertThat(rule.lowestAbsolute()).isEqualByComparingTo("500.00");
    }

    @Test
    void aRuleWithSeveralLevelsAndARelativeThreshold() {
        RuleForm form = new RuleForm("Line 2 per shift", "DAY1", "L2", null, null, null, null, "cost", "shift", null,
                List.of(SPIKE, CRITICAL), null, null, false);

        assertThat(form.problems()).isEmpty();
        RuleDraft rule = form.draft();
        assertThat(rule.v1()).isFalse();
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.thresholds()).extracting(RuleDraft.Threshold::level).containsExactly(Level.WARNING,
                Level.CRITICAL);
        assertThat(rule.thresholds().get(0).relative()).isTrue();
        assertThat(rule.audiences()).containsExactly("quality", "quality-managers", "plant-managers");
        assertThat(rule.lowestAbsolute()).isEqualByComparingTo("2000.00");
    }

    @Test
    void everyProblemOfTheRuleIsNamed() {
        RuleForm form = new RuleForm(null, " ", null, null, "MACH-DIM", "MACHINING", null, "money", "week", 4, null,
                null, null, null);

        assertThat(form.problems()).containsExactly(new FieldError(null, "plant", "must not be blank"),
                new FieldError(null, "defect_category", "give a defect code or a defect category, not both"),
                new FieldError(null, "metric", "must be cost, quantity or events"),
                new FieldError(null, "window",
                        "must be shift, day, week_to_date, period_to_date (or period) or rolling_hours"),
                new FieldError(null, "thresholds", "must list at least one threshold"));
    }

    @Test
    void everyProblemOfEachThresholdIsNamedWithItsRow() {
        List<ThresholdForm> thresholds = List.of(
                new ThresholdForm("warning", new BigDecimal("100"), new BigDecimal("2"), null, List.of(), null),
                new ThresholdForm("urgent", null, null, 7, List.of("quality", "quality"), null),
                new ThresholdForm("warning", new BigDecimal("-1"), null, null, List.of("quality"), null),
                new ThresholdForm("critical", null, new BigDecimal("1.5"), 0, List.of("quality"), null));
        RuleForm form = new RuleForm(null, "DAY1", null, null, null, null, null, "quantity", "rolling_hours", null,
                thresholds, null, null, null);

        assertThat(form.problems()).containsExactly(
                new FieldError(null, "window_hours", "is required with the window rolling_hours"),
                new FieldError(1, "factor", "give a value or a factor, not both"),
                new FieldError(1, "trailing_windows", "is required with a factor"),
                new FieldError(1, "audiences", "must name at least one audience"),
                new FieldError(2, "level", "must be warning or critical"),
                new FieldError(2, "value", "give a value, or a factor of the trailing average"),
                new FieldError(2, "trailing_windows", "is only for a factor"),
                new FieldError(2, "audiences", "names an audience twice"),
                new FieldError(3, "level", "same level as threshold 1: a rule has one threshold per level"),
                new FieldError(3, "value", "must be greater than 0"),
                new FieldError(4, "trailing_windows", "must be from 1 to 100"));
    }

    @Test
    void v1sFieldsAndThresholdsDoNotMix() {
        assertThat(new RuleForm(null, "DAY1", null, null, null, null, null, "cost", "day", null, List.of(CRITICAL),
                BigDecimal.TEN, null, null).problems())
                        .containsExactly(new FieldError(null, "thresholds",
                                "give thresholds, or the threshold and audience of version 1, not both"));
        assertThat(new RuleForm(null, "DAY1", null, null, null, null, null, "cost", "period", null, null,
                BigDecimal.ZERO, null, null).problems()).containsExactly(
                        new FieldError(null, "threshold", "must be greater than 0"),
                        new FieldError(null, "audience", "must not be blank"));
    }

    @Test
    void windowHoursBelongToARollingWindowAndAreBounded() {
        assertThat(new RuleForm(null, "DAY1", null, null, null, null, null, "events", "day", 4, List.of(CRITICAL), null,
                null, null).problems())
                        .containsExactly(new FieldError(null, "window_hours", "is only for the window rolling_hours"));
        assertThat(new RuleForm(null, "DAY1", null, null, null, null, null, "events", "rolling_hours", 721,
                List.of(CRITICAL), null, null, null).problems())
                        .containsExactly(new FieldError(null, "window_hours", "must be from 1 to 720"));
        RuleDraft rolling = new RuleForm(null, "DAY1", null, null, null, null, null, "events", "rolling_hours", 4,
                List.of(CRITICAL), null, null, null).draft();
        assertThat(rolling.window()).isEqualTo(RuleWindow.ROLLING_HOURS);
        assertThat(rolling.windowHours()).isEqualTo(4);
    }

    @Test
    void decimalsFitTheirColumns() {
        ThresholdForm tooFine = new ThresholdForm("warning", new BigDecimal("1.0000001"), null, null,
                List.of("quality"), null);
        assertThat(new RuleForm(null, "DAY1", null, null, null, null, null, "cost", "day", null, List.of(tooFine), null,
                null, null).problems()).containsExactly(
                        new FieldError(1, "value", "must have at most 6 digits after the decimal point"));
    }
}
