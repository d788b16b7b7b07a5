package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.costing.domain.ScrapVariance.Confirmation;
import io.scrapline.costing.domain.ScrapVariance.Convention;

/** Planned and unplanned scrap and the value of the scrap variance (docs/cost-model.md §5), figures worked by hand. */
class ScrapVarianceTest {

    private static final LocalDate V1 = LocalDate.of(2026, 1, 1);

    /**
     * The headline part, 0030 a milestone:
     *
     * <pre>
     * op    total   C(k)    milestone
     * 0010  170.00  170.00
     * 0020   48.40  218.40
     * 0030   35.00  253.40  yes
     * </pre>
     */
    private static final CostRoll HEADLINE = roll(false, false, true);

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    @Test
    void ofInputTargetsThePlannedShareOfWhatEnteredTheOperation() {
        // target = 950 × 0.05 / (1 − 0.05) = 47.5 / 0.95 = 50; 60 confirmed: 50 planned, 10 unplanned
        // variance 60 − 50 = 10; 10 × C(0020) 218.40 = 2184.00
        ScrapVariance.Result result = usd(confirmation("0020", "950", "60"), FIVE_PERCENT, Convention.OF_INPUT);

        assertThat(result.targetQuantity()).isEqualTo(new BigDecimal("50.000000"));
        assertThat(result.plannedQuantity()).isEqualByComparingTo("50");
        assertThat(result.unplannedQuantity()).isEqualByComparingTo("10");
        assertThat(result.varianceQuantity()).isEqualByComparingTo("10");
        assertThat(result.unitValue()).isEqualTo(new BigDecimal("218.400000"));
        assertThat(result.value()).isEqualTo(new BigDecimal("2184.00"));
        assertThat(result.explanation()).containsEntry("convention", "of_input")
                .containsEntry("target", "950 × 0.05 / (1 − 0.05) = 50.000000")
                .containsEntry("arithmetic", "10 × 218.400000 = 2184.000000 → 2184.00 USD");
    }

    @Test
    void ofYieldTargetsAShareOfTheYieldAndSoPlansLessFromTheSameConfirmation() {
        // target = 950 × 0.05 = 47.5; 60 confirmed: 47.5 planned, 12.5 unplanned
        // variance 60 − 47.5 = 12.5; 12.5 × 218.40 = 2730.00 (of_input gave 10 and 2184.00)
        ScrapVariance.Result result = usd(confirmation("0020", "950", "60"), FIVE_PERCENT, Convention.OF_YIELD);

        assertThat(result.targetQuantity()).isEqualTo(new BigDecimal("47.500000"));
        assertThat(result.plannedQuantity()).isEqualByComparingTo("47.5");
        assertThat(result.unplannedQuantity()).isEqualByComparingTo("12.5");
        assertThat(result.varianceQuantity()).isEqualByComparingTo("12.5");
        assertThat(result.value()).isEqualTo(new BigDecimal("2730.00"));
        assertThat(result.explanation()).containsEntry("convention", "of_yield").containsEntry("target",
                "950 × 0.05 = 47.500000");
    }

    @Test
    void lessScrapThanPlannedIsAFavorableNegativeVariance() {
        // target 950 × 0.05 / 0.95 = 50; 40 confirmed: all 40 planned, none unplanned
        // variance 40 − 50 = −10; −10 × 218.40 = −2184.00
        ScrapVariance.Result result = usd(confirmation("0020", "950", "40"), FIVE_PERCENT, Convention.OF_INPUT);

        assertThat(result.plannedQuantity()).isEqualByComparingTo("40");
        assertThat(result.unplannedQuantity()).isEqualByComparingTo("0");
        assertThat(result.varianceQuantity()).isEqualByComparingTo("-10");
        assertThat(result.value()).isEqualTo(new BigDecimal("-2184.00"));
        assertThat(result.explanation()).containsEntry("variance", "40 − 50.000000 = -10 (favorable)");
    }

    @Test
    void scrapAtAMilestoneIsValuedAtTheCumulativeCostThroughTheMilestone() {
        // 0030 is a milestone after milestone 0010: it covers 0020 and 0030
        // 2 × C(0030) = 2 × 253.40 = 506.80, not 2 × 35.00 (0030 alone) nor 2 × (253.40 − 170.00) = 166.80
        CostRoll roll = roll(true, false, true);

        ScrapVariance.Result result = ScrapVariance.value(confirmation("0030", "100", "2"), null, Convention.OF_INPUT,
                roll, "USD", RoundingMode.HALF_UP);

        assertThat(result.milestone()).isTrue();
        assertThat(result.unitValue()).isEqualTo(new BigDecimal("253.400000"));
        assertThat(result.value()).isEqualTo(new BigDecimal("506.80"));
        assertThat(result.explanation()).containsEntry("milestone", true).containsEntry("covers_operations",
                List.of("0020", "0030"));
    }

    @Test
    void aMilestoneWithNoEarlierMilestoneCoversTheRoutingFromTheStart() {
        // 0030 the only milestone: covers 0010, 0020, 0030; 1 × 253.40 = 253.40
        ScrapVariance.Result result = usd(confirmation("0030", "100", "1"), null, Convention.OF_INPUT);

        assertThat(result.value()).isEqualTo(new BigDecimal("253.40"));
        assertThat(result.explanation()).containsEntry("covers_operations", List.of("0010", "0020", "0030"));
    }

    @Test
    void scrapAtAnOperationThatIsNotAMilestoneCoversOnlyThatOperation() {
        // 1 × C(0020) = 218.40
        ScrapVariance.Result result = usd(confirmation("0020", "100", "1"), null, Convention.OF_INPUT);

        assertThat(result.milestone()).isFalse();
        assertThat(result.value()).isEqualTo(new BigDecimal("218.40"));
        assertThat(result.explanation()).containsEntry("milestone", false).containsEntry("covers_operations",
                List.of("0020"));
    }

    @Test
    void withoutAPlannedRateAllConfirmedScrapIsUnplanned() {
        // target 0; 60 confirmed: 0 planned, 60 unplanned; 60 × 218.40 = 13104.00
        ScrapVariance.Result result = usd(confirmation("0020", "950", "60"), null, Convention.OF_INPUT);

        assertThat(result.targetQuantity()).isEqualByComparingTo("0");
        assertThat(result.plannedQuantity()).isEqualByComparingTo("0");
        assertThat(result.unplannedQuantity()).isEqualByComparingTo("60");
        assertThat(result.varianceQuantity()).isEqualByComparingTo("60");
        assertThat(result.value()).isEqualTo(new BigDecimal("13104.00"));
        assertThat(result.explanation()).containsEntry("planned_rate", "none").containsEntry("planned", "0")
                .containsEntry("unplanned", "60");
    }

    @Test
    void aTargetThatDoesNotDivideEvenlyKeepsSixDecimalsAndTheValueIsRoundedOnce() {
        // target = 100 × 0.03 / 0.97 = 3.0927835… → 3.092784; 3 confirmed: variance −0.092784
        // −0.092784 × 218.40 = −20.2640256 → −20.26
        ScrapVariance.Result result = usd(confirmation("0020", "100", "3"), new BigDecimal("0.03"),
                Convention.OF_INPUT);

        assertThat(result.targetQuantity()).isEqualTo(new BigDecimal("3.092784"));
        assertThat(result.varianceQuantity()).isEqualByComparingTo("-0.092784");
        assertThat(result.value()).isEqualTo(new BigDecimal("-20.26"));
    }

    @Test
    void theValueIsRoundedWithTheSchemasRoundingMode() {
        // one operation at 0.125 a unit, no planned rate, 1 scrapped: 1 × 0.125 → half-up 0.13, half-even 0.12
        CostRoll roll = CostRoll.inForce(
                List.of(new CostRollLine("0010", V1, new BigDecimal("0.125"), BigDecimal.ZERO, BigDecimal.ZERO, false)),
                V1).orElseThrow();
        Confirmation one = confirmation("0010", "10", "1");

        assertThat(ScrapVariance.value(one, null, Convention.OF_INPUT, roll, "USD", RoundingMode.HALF_UP).value())
                .isEqualTo(new BigDecimal("0.13"));
        assertThat(ScrapVariance.value(one, null, Convention.OF_INPUT, roll, "USD", RoundingMode.HALF_EVEN).value())
                .isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void aPlannedRateOfOneOrMoreIsRefused() {
        // of_input would divide by 1 − 1 = 0
        assertThatThrownBy(() -> usd(confirmation("0020", "950", "60"), BigDecimal.ONE, Convention.OF_INPUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> usd(confirmation("0020", "950", "60"), new BigDecimal("-0.01"), Convention.OF_YIELD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOperationNotInTheCostRollIsRefused() {
        assertThatThrownBy(() -> usd(confirmation("0040", "950", "60"), FIVE_PERCENT, Convention.OF_INPUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0040");
    }

    @Test
    void theConventionIsReadFromTheCostSchemaSetting() {
        assertThat(Convention.of(CostSchema.OF_INPUT)).isEqualTo(Convention.OF_INPUT);
        assertThat(Convention.of("of_yield")).isEqualTo(Convention.OF_YIELD);
        assertThat(Convention.of(null)).isEqualTo(Convention.OF_INPUT);
        assertThatThrownBy(() -> Convention.of("of_output")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScrapVariance.Result usd(Confirmation confirmation, BigDecimal rate, Convention convention) {
        return ScrapVariance.value(confirmation, rate, convention, HEADLINE, "USD", RoundingMode.HALF_UP);
    }

    private static Confirmation confirmation(String operation, String yield, String scrap) {
        return new Confirmation(operation, new BigDecimal(yield), new BigDecimal(scrap));
    }

    /** The headline roll (C(0010) = 170.00, C(0020) = 218.40, C(0030) = 253.40) with the given milestone flags. */
    private static CostRoll roll(boolean m10, boolean m20, boolean m30) {
        return CostRoll
                .inForce(List.of(line("0010", "120.00", "30.00", "20.00", m10),
                        line("0020", "0.00", "28.40", "20.00", m20), line("0030", "15.00", "12.00", "8.00", m30)), V1)
                .orElseThrow();
    }

    private static CostRollLine line(String operation, String material, String labor, String overhead,
            boolean milestone) {
        return new CostRollLine(operation, V1, new BigDecimal(material), new BigDecimal(labor),
                new BigDecimal(overhead), milestone);
    }
}
