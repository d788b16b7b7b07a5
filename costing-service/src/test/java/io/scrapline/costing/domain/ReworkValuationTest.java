package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.costing.domain.ReworkValuation.NoLaborRate;
import io.scrapline.costing.domain.ReworkValuation.Rate;
import io.scrapline.costing.domain.ReworkValuation.RateSource;
import io.scrapline.costing.domain.ReworkValuation.Rework;
import io.scrapline.costing.domain.ReworkValuation.Valued;

/** Rework cost (docs/cost-model.md §7), figures worked by hand. */
class ReworkValuationTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2026, 7, 1);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 15);

    /** The work center's rate: 40.00 from January. */
    private static final List<Rate> WORK_CENTER = List.of(rate(JAN, "40.00"));

    /** The plant's default rate: 30.00 from January. */
    private static final List<Rate> PLANT = List.of(rate(JAN, "30.00"));

    @Test
    void laborBurdenIsAddedToTheLaborButNotToTheMaterial() {
        // 2.5 × 40.00 × (1 + 0.35) + 12.50 = 100.00 × 1.35 + 12.50 = 135.00 + 12.50 = 147.50
        Valued valued = valued(ReworkValuation.value(rework("2.5", null, "12.50"), WORK_CENTER, PLANT,
                new BigDecimal("0.35"), "USD", RoundingMode.HALF_UP));

        assertThat(valued.amount()).isEqualTo(new BigDecimal("147.50"));
        assertThat(valued.explanation()).containsEntry("labor_burden", "0.35").containsEntry("labor", "135.000000")
                .containsEntry("arithmetic", "2.5 × 40.00 × (1 + 0.35) + 12.50 = 147.500000 → 147.50 USD");
    }

    @Test
    void withoutBurdenTheLaborIsHoursTimesRate() {
        // 2.5 × 40.00 × (1 + 0) + 12.50 = 100.00 + 12.50 = 112.50, with a zero burden or none given (default 0)
        assertThat(valued(ReworkValuation.value(rework("2.5", null, "12.50"), WORK_CENTER, PLANT, BigDecimal.ZERO,
                "USD", RoundingMode.HALF_UP)).amount()).isEqualTo(new BigDecimal("112.50"));
        assertThat(valued(ReworkValuation.value(rework("2.5", null, "12.50"), WORK_CENTER, PLANT, null, "USD",
                RoundingMode.HALF_UP)).amount()).isEqualTo(new BigDecimal("112.50"));
    }

    @Test
    void theLaborRecordsOwnRateComesFirst() {
        // 2 × 45.00 = 90.00, not 2 × 40.00 (work center) nor 2 × 30.00 (plant)
        Valued valued = usd(rework("2", "45.00", null), WORK_CENTER, PLANT);

        assertThat(valued.rateSource()).isEqualTo(RateSource.LABOR_RECORD);
        assertThat(valued.rate()).isEqualByComparingTo("45.00");
        assertThat(valued.amount()).isEqualTo(new BigDecimal("90.00"));
        assertThat(valued.explanation()).containsEntry("rate_source", "labor_record")
                .doesNotContainKey("rate_effective_from");
    }

    @Test
    void withoutARateOnTheRecordTheWorkCentersRateIsUsed() {
        // 2 × 40.00 = 80.00
        Valued valued = usd(rework("2", null, null), WORK_CENTER, PLANT);

        assertThat(valued.rateSource()).isEqualTo(RateSource.WORK_CENTER);
        assertThat(valued.amount()).isEqualTo(new BigDecimal("80.00"));
        assertThat(valued.explanation()).containsEntry("rate_source", "work_center")
                .containsEntry("rate_effective_from", "2026-01-01").containsEntry("rate", "40.00");
    }

    @Test
    void withoutAWorkCenterRateThePlantsDefaultIsUsed() {
        // 2 × 30.00 = 60.00
        Valued valued = usd(rework("2", null, null), List.of(), PLANT);

        assertThat(valued.rateSource()).isEqualTo(RateSource.PLANT_DEFAULT);
        assertThat(valued.amount()).isEqualTo(new BigDecimal("60.00"));
        assertThat(valued.explanation()).containsEntry("rate_source", "plant_default");
    }

    @Test
    void aWorkCenterRateNotYetInForceFallsBackToThePlantsDefault() {
        // the work center's only rate starts in July; the rework is in March: 2 × 30.00 = 60.00
        Valued valued = usd(rework("2", null, null), List.of(rate(JUL, "40.00")), PLANT);

        assertThat(valued.rateSource()).isEqualTo(RateSource.PLANT_DEFAULT);
        assertThat(valued.amount()).isEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void theRateInForceIsTheLatestEffectiveOnOrBeforeTheDate() {
        // 38.00 from January, 42.00 from July, given out of order
        List<Rate> rates = List.of(rate(JUL, "42.00"), rate(JAN, "38.00"));

        // 2026-06-30: 2 × 38.00 = 76.00; 2026-07-01: 2 × 42.00 = 84.00; 2026-12-31: still 84.00
        assertThat(usd(reworkOn(LocalDate.of(2026, 6, 30)), rates, PLANT).amount()).isEqualTo(new BigDecimal("76.00"));
        assertThat(usd(reworkOn(JUL), rates, PLANT).amount()).isEqualTo(new BigDecimal("84.00"));
        assertThat(usd(reworkOn(LocalDate.of(2026, 12, 31)), rates, PLANT).explanation())
                .containsEntry("rate_effective_from", "2026-07-01").containsEntry("amount", "84.00");
    }

    @Test
    void thePlantsDefaultIsAlsoEffectiveDated() {
        // plant 30.00 from January, 33.00 from July; no work center rate: July rework 2 × 33.00 = 66.00
        List<Rate> plant = List.of(rate(JAN, "30.00"), rate(JUL, "33.00"));

        assertThat(usd(reworkOn(JUL), List.of(), plant).amount()).isEqualTo(new BigDecimal("66.00"));
        assertThat(usd(reworkOn(MARCH), List.of(), plant).amount()).isEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void withoutAnyRateTheResultSaysSoInsteadOfCostingZero() {
        ReworkValuation.Result none = ReworkValuation.value(rework("2", null, "12.50"), List.of(), List.of(),
                BigDecimal.ZERO, "USD", RoundingMode.HALF_UP);
        ReworkValuation.Result onlyLater = ReworkValuation.value(rework("2", null, "12.50"),
                List.of(rate(JUL, "40.00")), null, BigDecimal.ZERO, "USD", RoundingMode.HALF_UP);

        assertThat(none).isInstanceOfSatisfying(NoLaborRate.class, noRate -> {
            assertThat(noRate.reason()).isEqualTo("no_labor_rate");
            assertThat(noRate.detail()).contains("2026-03-15");
        });
        assertThat(onlyLater).isInstanceOf(NoLaborRate.class);
    }

    @Test
    void theAmountIsRoundedWithTheSchemasRoundingMode() {
        // 1 × 10.00 × (1 + 0.0125) = 10.125 → half-up 10.13, half-even 10.12
        Rework oneHour = rework("1", "10.00", null);
        BigDecimal burden = new BigDecimal("0.0125");

        assertThat(valued(ReworkValuation.value(oneHour, List.of(), List.of(), burden, "USD", RoundingMode.HALF_UP))
                .amount()).isEqualTo(new BigDecimal("10.13"));
        assertThat(valued(ReworkValuation.value(oneHour, List.of(), List.of(), burden, "USD", RoundingMode.HALF_EVEN))
                .amount()).isEqualTo(new BigDecimal("10.12"));
    }

    @Test
    void theAmountIsRoundedOnceNotPerTerm() {
        // 1 × 0.125 + 0.125 = 0.25 (rounding labor and material first would give 0.13 + 0.13 = 0.26)
        assertThat(usd(rework("1", "0.125", "0.125"), List.of(), List.of()).amount()).isEqualTo(new BigDecimal("0.25"));
    }

    @Test
    void severalBookingsAreValuedEachAtItsOwnRateAndRoundedOnceInTotal() {
        // burden 0.25. A: 2 h at its own 45.00 + 12.50 material: 2 × 45.00 × 1.25 + 12.50 = 125.00.
        // B: 1.5 h at the work center's 40.00: 1.5 × 40.00 × 1.25 = 75.00. Total 200.00.
        ReworkValuation.Result result = ReworkValuation.valueAll(
                List.of(new ReworkValuation.Booking("A", rework("2", "45.00", "12.50"), List.of()),
                        new ReworkValuation.Booking("B", rework("1.5", null, null), WORK_CENTER)),
                PLANT, new BigDecimal("0.25"), "USD", RoundingMode.HALF_UP);

        assertThat(result).isInstanceOfSatisfying(ReworkValuation.ValuedBookings.class, valued -> {
            assertThat(valued.amount()).isEqualTo(new BigDecimal("200.00"));
            assertThat(valued.lines()).extracting(line -> line.get("rate_source")).containsExactly("labor_record",
                    "work_center");
            assertThat(valued.explanation()).containsEntry("arithmetic",
                    "125.000000 + 75.000000 = 200.000000 → 200.00 USD");
        });
    }

    @Test
    void severalBookingsAreRoundedOnceNotPerBooking() {
        // 1 × 0.125 + 1 × 0.125 = 0.25 (rounding each booking first would give 0.13 + 0.13 = 0.26)
        ReworkValuation.Result result = ReworkValuation.valueAll(
                List.of(new ReworkValuation.Booking("A", rework("1", "0.125", null), List.of()),
                        new ReworkValuation.Booking("B", rework("1", "0.125", null), List.of())),
                List.of(), BigDecimal.ZERO, "USD", RoundingMode.HALF_UP);

        assertThat(result).isInstanceOfSatisfying(ReworkValuation.ValuedBookings.class,
                valued -> assertThat(valued.amount()).isEqualTo(new BigDecimal("0.25")));
    }

    @Test
    void oneBookingWithoutARateMakesTheWholeReworkWaitAndIsNamed() {
        ReworkValuation.Result result = ReworkValuation.valueAll(
                List.of(new ReworkValuation.Booking("A", rework("1", "10.00", null), List.of()),
                        new ReworkValuation.Booking("B", rework("1", null, null), List.of())),
                List.of(), BigDecimal.ZERO, "USD", RoundingMode.HALF_UP);

        assertThat(result).isInstanceOfSatisfying(NoLaborRate.class, none -> {
            assertThat(none.reason()).isEqualTo("no_labor_rate");
            assertThat(none.detail()).startsWith("B: ");
        });
    }

    private static Valued usd(Rework rework, List<Rate> workCenter, List<Rate> plant) {
        return valued(ReworkValuation.value(rework, workCenter, plant, BigDecimal.ZERO, "USD", RoundingMode.HALF_UP));
    }

    private static Valued valued(ReworkValuation.Result result) {
        assertThat(result).isInstanceOf(Valued.class);
        return (Valued) result;
    }

    /** Rework in March: {@code hours}, the record's own rate and additional material, each possibly null. */
    private static Rework rework(String hours, String recordRate, String material) {
        return new Rework(new BigDecimal(hours), MARCH, recordRate == null ? null : new BigDecimal(recordRate),
                material == null ? null : new BigDecimal(material));
    }

    /** Two hours of rework on {@code date}, no rate on the record, no material. */
    private static Rework reworkOn(LocalDate date) {
        return new Rework(new BigDecimal("2"), date, null, null);
    }

    private static Rate rate(LocalDate effectiveFrom, String perHour) {
        return new Rate(effectiveFrom, new BigDecimal(perHour));
    }
}
