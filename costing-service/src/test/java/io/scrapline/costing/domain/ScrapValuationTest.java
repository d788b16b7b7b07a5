package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Scrap cost (docs/cost-model.md §3, §4, §9) with every figure worked by hand. */
class ScrapValuationTest {

    private static final LocalDate V1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate V2 = LocalDate.of(2026, 7, 1);

    /**
     * The headline part, effective {@link #V1}:
     *
     * <pre>
     * op    material  labor  overhead  total   C(k)
     * 0010    120.00  30.00     20.00  170.00  170.00
     * 0020      0.00  28.40     20.00   48.40  218.40
     * 0030     15.00  12.00      8.00   35.00  253.40
     * </pre>
     */
    private static final List<CostRollLine> HEADLINE = List.of(line("0010", V1, "120.00", "30.00", "20.00"),
            line("0020", V1, "0.00", "28.40", "20.00"), line("0030", V1, "15.00", "12.00", "8.00"));

    /** The second version, effective {@link #V2}: material at 0010 up by 10.00, so C(0020) = 228.40. */
    private static final List<CostRollLine> SECOND = List.of(line("0010", V2, "130.00", "30.00", "20.00"),
            line("0020", V2, "0.00", "28.40", "20.00"), line("0030", V2, "15.00", "12.00", "8.00"));

    @Test
    void cumulativeStandardValuesAtTheCostThroughTheOperationOfTheScrap() {
        // C(0020) = (120.00 + 30.00 + 20.00) + (0.00 + 28.40 + 20.00) = 170.00 + 48.40 = 218.40
        // 3 × 218.400000 = 655.200000 → 655.20
        ScrapValuation.Valued valued = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", null);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("218.400000"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(valued.stageAssumed()).isFalse();
    }

    @Test
    void cumulativeStandardAtTheFirstOperationCarriesOnlyWhatWasStagedSoFar() {
        // C(0010) = 120.00 + 30.00 + 20.00 = 170.00; 3 × 170.00 = 510.00
        assertThat(usd(ScrapMethod.CUMULATIVE_STANDARD, "0010", "3", null).amount())
                .isEqualTo(new BigDecimal("510.00"));
    }

    @Test
    void cumulativeStandardAtTheLastOperationIsFullStandard() {
        // C(0030) = 218.40 + (15.00 + 12.00 + 8.00) = 253.40; 3 × 253.40 = 760.20
        assertThat(usd(ScrapMethod.CUMULATIVE_STANDARD, "0030", "3", null).amount())
                .isEqualTo(new BigDecimal("760.20"));
    }

    @Test
    void fullStandardValuesAtTheCostThroughTheLastOperationWhereverTheScrapOccurred() {
        // C(last) = 170.00 + 48.40 + 35.00 = 253.40; 3 × 253.40 = 760.20
        ScrapValuation.Valued valued = usd(ScrapMethod.FULL_STANDARD, "0020", "3", null);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("253.400000"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("760.20"));
        assertThat(valued.stageAssumed()).isFalse();
    }

    @Test
    void materialOnlyValuesAtTheMaterialStagedThroughTheOperation() {
        // material through 0020 = 120.00 + 0.00 = 120.00; 3 × 120.00 = 360.00
        ScrapValuation.Valued valued = usd(ScrapMethod.MATERIAL_ONLY, "0020", "3", null);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("120.000000"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("360.00"));
    }

    @Test
    void materialOnlyAddsTheMaterialStagedAtLaterOperations() {
        // material through 0030 = 120.00 + 0.00 + 15.00 = 135.00; 3 × 135.00 = 405.00
        assertThat(usd(ScrapMethod.MATERIAL_ONLY, "0030", "3", null).amount()).isEqualTo(new BigDecimal("405.00"));
    }

    @Test
    void withoutAnOperationTheScrapIsValuedAtFullStandardAndTheStageIsAssumed() {
        // no operation: C(last) = 253.40; 3 × 253.40 = 760.20, whatever the method
        for (ScrapMethod method : ScrapMethod.values()) {
            ScrapValuation.Valued valued = usd(method, null, "3", null);

            assertThat(valued.stageAssumed()).as(method.name()).isTrue();
            assertThat(valued.unitValue()).as(method.name()).isEqualTo(new BigDecimal("253.400000"));
            assertThat(valued.amount()).as(method.name()).isEqualTo(new BigDecimal("760.20"));
            assertThat(valued.explanation()).as(method.name()).containsEntry("stage_assumed", true)
                    .containsEntry("method", "full_standard").containsEntry("operation", "0030");
        }
    }

    @Test
    void salvagePerUnitReducesTheCost() {
        // 3 × 218.40 − 3 × 18.40 = 655.20 − 55.20 = 600.00
        ScrapValuation.Valued valued = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", "18.40");

        assertThat(valued.amount()).isEqualTo(new BigDecimal("600.00"));
        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("218.400000"));
    }

    @Test
    void salvageNeverMakesTheCostNegative() {
        // 3 × 218.40 − 3 × 250.00 = 655.20 − 750.00 = −94.80 → 0.00
        ScrapValuation.Valued valued = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", "250.00");

        assertThat(valued.amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void salvageEqualToTheUnitValueLeavesNothing() {
        // 3 × 218.40 − 3 × 218.40 = 0.00
        assertThat(usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", "218.40").amount())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theAmountIsRoundedHalfUpToTheMinorUnit() {
        // 1 × 0.125000 = 0.125 → half-up 0.13
        CostRoll roll = singleOperation("0.125");

        assertThat(value(roll, "1", "USD", RoundingMode.HALF_UP).amount()).isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void theCostSchemaMayChooseHalfEven() {
        // 1 × 0.125 = 0.125 → half-even 0.12 (2 is even); 1 × 0.135 = 0.135 → half-even 0.14 (4 is even)
        assertThat(value(singleOperation("0.125"), "1", "USD", RoundingMode.HALF_EVEN).amount())
                .isEqualTo(new BigDecimal("0.12"));
        assertThat(value(singleOperation("0.135"), "1", "USD", RoundingMode.HALF_EVEN).amount())
                .isEqualTo(new BigDecimal("0.14"));
    }

    @Test
    void theAmountIsRoundedOnceNotPerUnit() {
        // 3 × 0.333333 = 0.999999 → 1.00 (rounding each unit first would give 3 × 0.33 = 0.99)
        ScrapValuation.Valued valued = value(singleOperation("0.333333"), "3", "USD", RoundingMode.HALF_UP);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("0.333333"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void aFractionalQuantityIsMultipliedBeforeRounding() {
        // 2.5 × 10.125 = 25.3125 → 25.31 (rounding the unit first would give 2.5 × 10.13 = 25.325 → 25.33)
        assertThat(value(singleOperation("10.125"), "2.5", "USD", RoundingMode.HALF_UP).amount())
                .isEqualTo(new BigDecimal("25.31"));
    }

    @Test
    void yenHasNoDecimals() {
        // 1 × 1234.5 = 1234.5 → half-up 1235, half-even 1234 (4 is even)
        CostRoll roll = singleOperation("1234.50");

        assertThat(value(roll, "1", "JPY", RoundingMode.HALF_UP).amount()).isEqualTo(new BigDecimal("1235"));
        assertThat(value(roll, "1", "JPY", RoundingMode.HALF_EVEN).amount()).isEqualTo(new BigDecimal("1234"));
    }

    @Test
    void unitValuesKeepSixDecimals() {
        // 0.000001 survives: 1 000 000 × 0.000001 = 1.00
        ScrapValuation.Valued valued = value(singleOperation("0.000001"), "1000000", "USD", RoundingMode.HALF_UP);

        assertThat(valued.unitValue()).isEqualTo(new BigDecimal("0.000001"));
        assertThat(valued.amount()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void anOperationNotInTheCostRollIsRefused() {
        CostRoll roll = CostRoll.inForce(HEADLINE, V1).orElseThrow();

        assertThatThrownBy(() -> ScrapValuation.value(ScrapMethod.CUMULATIVE_STANDARD, roll, "0040", BigDecimal.ONE,
                null, "USD", RoundingMode.HALF_UP)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("0040");
    }

    @Test
    void theExplanationShowsEveryStepOfTheArithmetic() {
        ScrapValuation.Valued valued = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", null);

        assertThat(valued.explanation()).containsEntry("method", "cumulative_standard")
                .containsEntry("stage_assumed", false).containsEntry("cost_roll_effective_from", "2026-01-01")
                .containsEntry("operation", "0020").containsEntry("unit_value", "218.400000")
                .containsEntry("quantity", "3").containsEntry("rounding", "half_up").containsEntry("amount", "655.20")
                .containsEntry("arithmetic", "3 × 218.400000 = 655.200000 → 655.20 USD");
        // running C(k): 170.00 after 0010, 170.00 + 48.40 = 218.40 after 0020; 0030 is not part of it
        assertThat(valued.explanation().get("operations")).isEqualTo(List.of(
                Map.of("operation", "0010", "material", "120.00", "labor", "30.00", "overhead", "20.00", "cumulative",
                        "170.00"),
                Map.of("operation", "0020", "material", "0.00", "labor", "28.40", "overhead", "20.00", "cumulative",
                        "218.40")));
    }

    @Test
    void theExplanationShowsTheSalvage() {
        // 3 × 218.400000 − 3 × 18.40 = 655.200000 − 55.200000 = 600.000000 → 600.00
        ScrapValuation.Valued valued = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3", "18.40");

        assertThat(valued.explanation()).containsEntry("gross", "655.200000").containsEntry("salvage", "55.200000")
                .containsEntry("arithmetic", "3 × 218.400000 − 55.200000 = 600.000000 → 600.00 USD");
    }

    @Test
    void theExplanationWritesTheQuantityAsPeopleWriteIt() {
        // stored as 3.000000, written 3; stored as 2.500000, written 2.5: 2.5 × 218.400000 = 546.000000 → 546.00
        ScrapValuation.Valued three = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "3.000000", null);
        ScrapValuation.Valued twoAndAHalf = usd(ScrapMethod.CUMULATIVE_STANDARD, "0020", "2.500000", null);

        assertThat(three.explanation()).containsEntry("quantity", "3");
        assertThat(twoAndAHalf.explanation()).containsEntry("quantity", "2.5").containsEntry("arithmetic",
                "2.5 × 218.400000 = 546.000000 → 546.00 USD");
    }

    @Test
    void theCostRollInForceIsTheLatestEffectiveOnOrBeforeTheDate() {
        List<CostRollLine> versions = concat(HEADLINE, SECOND);

        // before the second version: C(0020) = 218.40
        assertThat(CostRoll.inForce(versions, LocalDate.of(2026, 6, 30)).orElseThrow().cumulativeThrough("0020"))
                .isEqualByComparingTo("218.40");
        // on its effective date and after: C(0020) = (130.00 + 30.00 + 20.00) + 48.40 = 228.40
        assertThat(CostRoll.inForce(versions, V2).orElseThrow().cumulativeThrough("0020"))
                .isEqualByComparingTo("228.40");
        assertThat(CostRoll.inForce(versions, LocalDate.of(2026, 12, 31)).orElseThrow().effectiveFrom()).isEqualTo(V2);
    }

    @Test
    void thereIsNoCostRollInForceBeforeTheFirstVersion() {
        assertThat(CostRoll.inForce(HEADLINE, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(CostRoll.inForce(List.of(), V1)).isEmpty();
    }

    @Test
    void theVersionInForceHasOnlyItsOwnOperations() {
        // the second version drops 0030: C(last) = 130.00 + 30.00 + 20.00 + 48.40 = 228.40, not 263.40
        List<CostRollLine> versions = concat(HEADLINE, SECOND.subList(0, 2));
        CostRoll roll = CostRoll.inForce(versions, V2).orElseThrow();

        assertThat(roll.lines()).extracting(CostRollLine::operation).containsExactly("0010", "0020");
        assertThat(roll.lastOperation()).isEqualTo("0020");
        assertThat(roll.fullStandard()).isEqualByComparingTo("228.40");
    }

    @Test
    void aLaterCostRollDoesNotChangeTheValueOfAnEarlierEvent() {
        LocalDate eventDate = LocalDate.of(2026, 3, 15);
        CostRoll before = CostRoll.inForce(HEADLINE, eventDate).orElseThrow();
        CostRoll after = CostRoll.inForce(concat(HEADLINE, SECOND), eventDate).orElseThrow();

        // 3 × 218.40 = 655.20 both times; the second version (3 × 228.40 = 685.20) applies from 2026-07-01 only
        assertThat(value(before, "0020", "3").amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(value(after, "0020", "3").amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(value(CostRoll.inForce(concat(HEADLINE, SECOND), V2).orElseThrow(), "0020", "3").amount())
                .isEqualTo(new BigDecimal("685.20"));
    }

    @Test
    void operationsAreInNumericRoutingOrder() {
        // given out of order; 0100 comes after 0020: C(0020) = 1.00 + 2.00 = 3.00, C(0100) = 3.00 + 4.00 = 7.00
        CostRoll roll = CostRoll.inForce(List.of(line("0100", V1, "4.00", "0", "0"), line("0020", V1, "2.00", "0", "0"),
                line("0010", V1, "1.00", "0", "0")), V1).orElseThrow();

        assertThat(roll.lines()).extracting(CostRollLine::operation).containsExactly("0010", "0020", "0100");
        assertThat(roll.cumulativeThrough("0020")).isEqualByComparingTo("3.00");
        assertThat(roll.lastOperation()).isEqualTo("0100");
        assertThat(roll.fullStandard()).isEqualByComparingTo("7.00");
    }

    @Test
    void operationNumbersOfDifferentLengthsAreComparedAsNumbers() {
        // 20 before 100 though "100" < "20" as text: C(20) = 1.00 + 2.00 = 3.00, not 1.00 + 4.00 + 2.00
        CostRoll roll = CostRoll.inForce(List.of(line("100", V1, "4.00", "0", "0"), line("20", V1, "2.00", "0", "0"),
                line("10", V1, "1.00", "0", "0")), V1).orElseThrow();

        assertThat(roll.lines()).extracting(CostRollLine::operation).containsExactly("10", "20", "100");
        assertThat(roll.cumulativeThrough("20")).isEqualByComparingTo("3.00");
    }

    @Test
    void theHeadlineRollIsOrderedWhateverTheOrderItArrivesIn() {
        // C(0020) = 218.40 from the lines in reverse order
        CostRoll roll = CostRoll.inForce(List.of(HEADLINE.get(2), HEADLINE.get(0), HEADLINE.get(1)), V1).orElseThrow();

        assertThat(roll.cumulativeThrough("0020")).isEqualByComparingTo("218.40");
        assertThat(roll.materialThrough("0020")).isEqualByComparingTo("120.00");
    }

    private static ScrapValuation.Valued usd(ScrapMethod method, String operation, String quantity, String salvage) {
        CostRoll roll = CostRoll.inForce(HEADLINE, V1).orElseThrow();
        return ScrapValuation.value(method, roll, operation, new BigDecimal(quantity),
                salvage == null ? null : new BigDecimal(salvage), "USD", RoundingMode.HALF_UP);
    }

    private static ScrapValuation.Valued value(CostRoll roll, String operation, String quantity) {
        return ScrapValuation.value(ScrapMethod.CUMULATIVE_STANDARD, roll, operation, new BigDecimal(quantity), null,
                "USD", RoundingMode.HALF_UP);
    }

    private static ScrapValuation.Valued value(CostRoll roll, String quantity, String currency, RoundingMode rounding) {
        return ScrapValuation.value(ScrapMethod.CUMULATIVE_STANDARD, roll, "0010", new BigDecimal(quantity), null,
                currency, rounding);
    }

    /** A one-operation roll, 0010, whose whole cost is material. */
    private static CostRoll singleOperation(String material) {
        return CostRoll.inForce(List.of(line("0010", V1, material, "0", "0")), V1).orElseThrow();
    }

    private static CostRollLine line(String operation, LocalDate effectiveFrom, String material, String labor,
            String overhead) {
        return new CostRollLine(operation, effectiveFrom, new BigDecimal(material), new BigDecimal(labor),
                new BigDecimal(overhead), false);
    }

    private static List<CostRollLine> concat(List<CostRollLine> first, List<CostRollLine> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
