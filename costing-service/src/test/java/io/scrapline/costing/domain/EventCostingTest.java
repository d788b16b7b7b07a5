package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.ReferenceData.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.period.FiscalCalendar;

/** Mapping and valuing one defect record (docs/cost-model.md §2, §3, §4, §8, §9), figures worked by hand. */
class EventCostingTest {

    private static final String SOURCE = "plex-mes";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    /** The headline part ERP-100: C(0010) = 170.00, C(0020) = 218.40, C(0030) = C(last) = 253.40. */
    private static final List<CostRollLine> HEADLINE = List.of(line("0010", JAN, "120.00", "30.00", "20.00"),
            line("0020", JAN, "0.00", "28.40", "20.00"), line("0030", JAN, "15.00", "12.00", "8.00"));

    /** A later version of ERP-100 from 2026-11-01: material at 0010 up by 10.00, so C(0020) = 228.40. */
    private static final List<CostRollLine> NOVEMBER = List.of(line("0010", NOV, "130.00", "30.00", "20.00"),
            line("0020", NOV, "0.00", "28.40", "20.00"), line("0030", NOV, "15.00", "12.00", "8.00"));

    private final EventCosting costing = new EventCosting(ScrapMethod.CUMULATIVE_STANDARD, RoundingMode.HALF_UP);

    @Test
    void theHeadlineScrapIsCostedAtCumulativeStandardCost() {
        // C(0020) = 170.00 + 48.40 = 218.40; 3 × 218.400000 = 655.20
        Outcome.Costed costed = costed(costing.cost(event().build(), reference()));

        assertThat(costed.part()).isEqualTo("ERP-100");
        assertThat(costed.defectCode()).isEqualTo("MACH-01");
        assertThat(costed.coqClass()).isEqualTo("internal_failure");
        assertThat(costed.costType()).isEqualTo("scrap");
        assertThat(costed.unitValue()).isEqualTo(new BigDecimal("218.400000"));
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.currency()).isEqualTo("USD");
        assertThat(costed.period()).isEqualTo("2026-10");
    }

    @Test
    void theCostSchemasMethodIsApplied() {
        // full standard: 3 × 253.40 = 760.20; material only: 3 × (120.00 + 0.00) = 360.00
        assertThat(costed(
                new EventCosting(ScrapMethod.FULL_STANDARD, RoundingMode.HALF_UP).cost(event().build(), reference()))
                        .amount()).isEqualTo(new BigDecimal("760.20"));
        assertThat(costed(
                new EventCosting(ScrapMethod.MATERIAL_ONLY, RoundingMode.HALF_UP).cost(event().build(), reference()))
                        .amount()).isEqualTo(new BigDecimal("360.00"));
    }

    @Test
    void anApprovedSchemaIsAppliedAndNamedInTheExplanation() {
        CostSchema schema = new CostSchema(2, ScrapMethod.FULL_STANDARD, "of_input", CostSchema.Rounding.HALF_UP,
                BigDecimal.ZERO, "average", new BigDecimal("0.80"), null, false);

        Outcome.Costed costed = costed(new EventCosting(schema).cost(event().build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("760.20"));
        assertThat(costed.explanation().get("schema")).asInstanceOf(MAP).containsEntry("version", 2)
                .containsEntry("scrap_method", "full_standard").containsEntry("rounding", "half_up");
        assertThat(costed(costing.cost(event().build(), reference())).explanation()).containsEntry("schema",
                "default (none approved)");
    }

    @Test
    void theCostSchemasRoundingIsApplied() {
        // ERP-400 costs 0.125 a unit: 1 × 0.125 → half-up 0.13, half-even 0.12
        DefectRecord record = event().part("SP-4").operation("0010").quantity("1").build();

        assertThat(costed(costing.cost(record, reference())).amount()).isEqualTo(new BigDecimal("0.13"));
        assertThat(costed(
                new EventCosting(ScrapMethod.CUMULATIVE_STANDARD, RoundingMode.HALF_EVEN).cost(record, reference()))
                        .amount()).isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void anEventWithoutAnOperationIsValuedAtFullStandardWithTheStageAssumed() {
        // no operation: C(last) = 253.40; 3 × 253.40 = 760.20
        Outcome.Costed costed = costed(costing.cost(event().operation(null).build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("760.20"));
        assertThat(costed.explanation()).extractingByKey("valuation").asInstanceOf(MAP)
                .containsEntry("stage_assumed", true).containsEntry("operation", "0030");
    }

    @Test
    void salvageOnTheRecordReducesTheCost() {
        // 3 × 218.40 − 3 × 18.40 = 655.20 − 55.20 = 600.00
        Outcome.Costed costed = costed(costing.cost(event().salvage("18.40").build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("600.00"));
    }

    @Test
    void salvageAboveTheValueLeavesZeroNotANegativeCost() {
        // 3 × 218.40 − 3 × 300.00 = −244.80 → 0.00
        Outcome.Costed costed = costed(costing.cost(event().salvage("300.00").build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void anUnmappedPartIsAnExceptionNotAGuess() {
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().part("SP-404").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("unmapped_part");
        assertThat(uncostable.detail()).contains("SP-404");
        assertThat(uncostable.period()).isEqualTo("2026-10");
    }

    @Test
    void anUnmappedDefectCodeIsAnException() {
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().defectCode("D404").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("unmapped_defect_code");
        assertThat(uncostable.detail()).contains("D404");
    }

    @Test
    void aDefectCodeMappedToAnUncataloguedCodeIsAnException() {
        // D99 maps to GONE-99, which the catalog does not have
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().defectCode("D99").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("unmapped_defect_code");
    }

    @Test
    void aPartWithoutAStandardCostIsAnException() {
        // SP-2 maps to ERP-200, which has no cost roll
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().part("SP-2").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("no_standard_cost");
        assertThat(uncostable.detail()).contains("ERP-200");
    }

    @Test
    void aRecordWhoseTimeCannotBeReadIsParkedInTheCurrentPeriod() {
        // The repository reads infinity and years outside 1..9998 as no time at all.
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().at(null).build(), reference()));

        assertThat(uncostable.reason()).isEqualTo(EventCosting.UNREADABLE_RECORD);
        assertThat(uncostable.detail()).contains("occurred_at is not a time costing can read");
        assertThat(uncostable.period()).isEqualTo(YearMonth.now(ZoneId.of("America/New_York")).toString());
    }

    @Test
    void aRecordWhoseTimeBreaksTheDateArithmeticIsParkedNotThrown() {
        // Instant can hold it; a date in the plant's time zone cannot (DateTimeException).
        Outcome.Uncostable uncostable = uncostable(
                costing.cost(event().at("+1000000000-12-31T23:00:00Z").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo(EventCosting.UNREADABLE_RECORD);
        assertThat(uncostable.detail()).contains("its values cannot be costed");
    }

    @Test
    void anEventBeforeTheFirstCostRollHasNoStandardCost() {
        // the part maps from 2026-01-01 on, but its only cost roll takes effect on 2026-11-01
        ReferenceData reference = reference(NOVEMBER);

        Outcome.Uncostable uncostable = uncostable(costing.cost(event().build(), reference));

        assertThat(uncostable.reason()).isEqualTo("no_standard_cost");
    }

    @Test
    void anOperationNotInTheCostRollIsAnException() {
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().operation("0040").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("unknown_operation");
        assertThat(uncostable.detail()).contains("0040");
    }

    @Test
    void reworkWaitsForItsLaborHours() {
        Outcome.Uncostable uncostable = uncostable(costing.cost(event().disposition("rework").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("no_rework_labor");
    }

    @Test
    void useAsIsIsCountedWithoutCost() {
        Outcome.Costed costed = costed(costing.cost(event().disposition("use_as_is").build(), reference()));

        assertThat(costed.costType()).isEqualTo("use_as_is");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(costed.record().quantity()).isEqualByComparingTo("3");
    }

    @Test
    void useAsIsNeedsNoStandardCost() {
        // ERP-200 has no cost roll, but nothing is valued
        Outcome.Costed costed = costed(
                costing.cost(event().part("SP-2").disposition("use_as_is").build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void returnToVendorCarriesTheScrapCost() {
        // 3 × 218.40 = 655.20, as for scrap
        Outcome.Costed costed = costed(costing.cost(event().disposition("return_to_vendor").build(), reference()));

        assertThat(costed.costType()).isEqualTo("return_to_vendor");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
        // The contract has no recovery figure: the supplier is expected to make good the full scrap cost.
        assertThat(costed.recoverable()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.exposure()).isEqualTo(new BigDecimal("0.00"));
        assertThat(costed.explanation().get("recoverable")).asInstanceOf(MAP).containsEntry("amount", "655.20");
    }

    @Test
    void quarantineCostsNothingYetButCarriesTheScrapValueAtRisk() {
        // exposure 3 × 218.40 = 655.20; cost 0.00 until a final disposition arrives
        Outcome.Costed costed = costed(costing.cost(event().disposition("quarantine").build(), reference()));

        assertThat(costed.costType()).isEqualTo("quarantine");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(costed.exposure()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.recoverable()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void anNcrsDispositionOverridesTheEventsAndIsNamedAsItsProvenance() {
        ReferenceData reference = with(reference(),
                Map.of(key("P1", "NCR-9"), new ReferenceData.Ncr(77, "NCR-9", "use_as_is"), key("P1", "NCR-10"),
                        new ReferenceData.Ncr(78, "NCR-10", null)),
                Map.of(), Map.of(), Map.of());

        // NCR-9 says use as is: counted at 0.00 instead of the scrap's 655.20
        Outcome.Costed overridden = costed(costing.cost(event().ncr("NCR-9").build(), reference));
        assertThat(overridden.costType()).isEqualTo("use_as_is");
        assertThat(overridden.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(overridden.provenance().ncrRecordId()).isEqualTo(77L);
        assertThat(overridden.explanation().get("disposition")).asInstanceOf(MAP).containsEntry("event", "scrap")
                .containsEntry("ncr_disposition", "use_as_is").containsEntry("applied", "use_as_is");

        // NCR-10 has no disposition yet: the event's own applies, 3 × 218.40 = 655.20
        Outcome.Costed kept = costed(costing.cost(event().ncr("NCR-10").build(), reference));
        assertThat(kept.costType()).isEqualTo("scrap");
        assertThat(kept.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(kept.provenance().ncrRecordId()).isEqualTo(78L);
    }

    @Test
    void reworkIsCostedFromAllTheLaborHoursJoinedToItAndRoundedOnce() {
        // burden 0.25. L-1: 2 h, no own rate, WC1's 40.00 in force: 2 × 40.00 × 1.25 = 100.00.
        // L-2: 1.5 h at its own 50.00 plus 12.345 material: 1.5 × 50.00 × 1.25 + 12.345 = 106.095.
        // 100.00 + 106.095 = 206.095 → 206.10; per unit of the 3 reworked: 206.10 / 3 = 68.70
        CostSchema schema = new CostSchema(3, ScrapMethod.CUMULATIVE_STANDARD, "of_input", CostSchema.Rounding.HALF_UP,
                new BigDecimal("0.25"), "average", new BigDecimal("0.80"), null, false);
        ReferenceData reference = with(reference(), Map.of(), Map.of(),
                Map.of(1L, List.of(labor(11, "2", null, null), labor(12, "1.5", "50.00", "12.345"))), RATES);

        Outcome.Costed costed = costed(new EventCosting(schema).cost(event().disposition("rework").build(), reference));

        assertThat(costed.costType()).isEqualTo("rework");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("206.10"));
        assertThat(costed.unitValue()).isEqualTo(new BigDecimal("68.700000"));
        assertThat(costed.provenance().laborRecordIds()).containsExactly(11L, 12L);
        assertThat(costed.provenance().laborRates()).first().asInstanceOf(MAP).containsEntry("labor_record_id", 11L)
                .containsEntry("rate", "40.00").containsEntry("rate_source", "work_center")
                .containsEntry("rate_record_id", 501L);
        assertThat(costed.provenance().laborRates().get(1)).containsEntry("rate_source", "labor_record");
        assertThat(costed.explanation().get("valuation")).asInstanceOf(MAP).containsEntry("arithmetic",
                "100.000000 + 106.095000 = 206.095000 → 206.10 USD");
    }

    @Test
    void reworkHoursWithoutAnyRateAreAnExceptionNotAZeroCost() {
        ReferenceData reference = with(reference(), Map.of(), Map.of(), Map.of(1L, List.of(labor(11, "2", null, null))),
                Map.of());

        Outcome.Uncostable uncostable = uncostable(costing.cost(event().disposition("rework").build(), reference));

        assertThat(uncostable.reason()).isEqualTo("no_labor_rate");
        assertThat(uncostable.detail()).contains("kronos L-11 v1");
    }

    @Test
    void anOrderCostedAtActualValuesItsScrapAtTheOrdersActualUnitCost() {
        // (10000.00 − 500.00 − 6000.00) / (60 + 20) = 43.75; 3 × 43.75 = 131.25
        ReferenceData reference = with(reference(), Map.of(),
                Map.of(key("P1", "WO-1"), order("actual", null, "write_off", "5400-SCRAP")), Map.of(), Map.of());

        Outcome.Costed costed = costed(costing.cost(event().workOrder("WO-1").build(), reference));

        assertThat(costed.unitValue()).isEqualTo(new BigDecimal("43.750000"));
        assertThat(costed.amount()).isEqualTo(new BigDecimal("131.25"));
        assertThat(costed.provenance().scrapAction()).isEqualTo("write_off");
        assertThat(costed.provenance().scrapAccount()).isEqualTo("5400-SCRAP");
        assertThat(costed.provenance().costRollEffectiveFrom()).isNull();
        assertThat(costed.explanation().get("valuation")).asInstanceOf(MAP).containsEntry("method", "order_actual");
    }

    @Test
    void scrapIncludedInCompletionsComesFromTheSchema() {
        // (10000.00 − 500.00 − 6000.00) / 60 = 58.333333; 3 × 58.333333 = 174.999999 → 175.00
        CostSchema schema = new CostSchema(5, ScrapMethod.CUMULATIVE_STANDARD, "of_input", CostSchema.Rounding.HALF_UP,
                BigDecimal.ZERO, "average", new BigDecimal("0.80"), null, true);
        ReferenceData reference = with(reference(), Map.of(),
                Map.of(key("P1", "WO-1"), order("actual", null, null, null)), Map.of(), Map.of());

        assertThat(costed(new EventCosting(schema).cost(event().workOrder("WO-1").build(), reference)).amount())
                .isEqualTo(new BigDecimal("175.00"));
    }

    @Test
    void anOrderCostedAtEstimatedCostUsesTheRemainingWipAndQuantity() {
        // (10000.00 + 4000.00 − 500.00 − 6000.00) / 40 = 187.50; 3 × 187.50 = 562.50
        ReferenceData reference = with(reference(), Map.of(),
                Map.of(key("P1", "WO-1"), order("estimated", null, "no_action", null)), Map.of(), Map.of());

        Outcome.Costed costed = costed(costing.cost(event().workOrder("WO-1").build(), reference));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("562.50"));
        assertThat(costed.explanation().get("valuation")).asInstanceOf(MAP).containsEntry("hidden_in_product_cost",
                true);
    }

    @Test
    void anOrderWithoutAUsableDivisorIsAnException() {
        ReferenceData.WorkOrder empty = new ReferenceData.WorkOrder(9, "WO-0", "actual", null,
                new OrderValuation.OrderFigures(new BigDecimal("100"), null, null, null, BigDecimal.ZERO, null, null),
                null, null);
        ReferenceData reference = with(reference(), Map.of(), Map.of(key("P1", "WO-0"), empty), Map.of(), Map.of());

        Outcome.Uncostable uncostable = uncostable(costing.cost(event().workOrder("WO-0").build(), reference));

        assertThat(uncostable.reason()).isEqualTo("no_order_value");
        assertThat(uncostable.detail()).contains("WO-0");
    }

    @Test
    void aStandardOrderKeepsTheCostRollButItsCloseDateDecidesThePeriod() {
        // closed 2026-11-02: period 2026-11 although the scrap was on 2026-10-14; still 3 × 218.40 = 655.20
        ReferenceData reference = with(reference(), Map.of(),
                Map.of(key("P1", "WO-1"), order("standard", LocalDate.of(2026, 11, 2), "quarantine", "1450-QI")),
                Map.of(), Map.of());

        Outcome.Costed costed = costed(costing.cost(event().workOrder("WO-1").build(), reference));

        assertThat(costed.period()).isEqualTo("2026-11");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.provenance().scrapAccount()).isEqualTo("1450-QI");
        assertThat(costed.explanation().get("period")).asInstanceOf(MAP)
                .containsEntry("work_order_closed_on", "2026-11-02").containsEntry("event_date", "2026-10-14");
    }

    @Test
    void theCostRollLinesUsedAreNamedWithTheirRecordsAndVersions() {
        List<CostRollLine> recorded = List.of(
                new CostRollLine("0010", JAN, new BigDecimal("120.00"), new BigDecimal("30.00"),
                        new BigDecimal("20.00"), false, null, 301L, 1),
                new CostRollLine("0020", JAN, new BigDecimal("0.00"), new BigDecimal("28.40"), new BigDecimal("20.00"),
                        false, null, 302L, 2));

        Outcome.Costed costed = costed(costing.cost(event().build(), reference(recorded)));

        assertThat(costed.provenance().costRollEffectiveFrom()).isEqualTo(JAN);
        assertThat(costed.provenance().costRollLines()).containsExactly(
                Map.of("operation", "0010", "effective_from", "2026-01-01", "record_id", 301L, "version", 1),
                Map.of("operation", "0020", "effective_from", "2026-01-01", "record_id", 302L, "version", 2));
    }

    @Test
    void aConfirmationsScrapIsSplitAtTheOperationsPlannedRateWithTheSchemasConvention() {
        // ERP-900: C(0010) = 100.00, C(0020) = 125.00, planned 2 % at 0020. Yield 98, scrap 5 at 0020.
        // of_input: target = 98 × 0.02 / 0.98 = 2; planned 2, unplanned 3; value 3 × 125.00 = 375.00
        VarianceOutcome ofInput = costing.costConfirmation(confirmation("0020", "98", "5"), confirmations());
        assertThat(ofInput).isInstanceOfSatisfying(VarianceOutcome.Valued.class, valued -> {
            assertThat(valued.period()).isEqualTo("2026-10");
            assertThat(valued.result().plannedQuantity()).isEqualByComparingTo("2");
            assertThat(valued.result().unplannedQuantity()).isEqualByComparingTo("3");
            assertThat(valued.result().value()).isEqualTo(new BigDecimal("375.00"));
            assertThat(valued.result().milestone()).isTrue();
            assertThat(valued.explanation().get("variance")).asInstanceOf(MAP).containsEntry("covers_operations",
                    List.of("0010", "0020"));
        });

        // of_yield: target = 98 × 0.02 = 1.96; unplanned 3.04; value 3.04 × 125.00 = 380.00
        CostSchema ofYield = new CostSchema(6, ScrapMethod.CUMULATIVE_STANDARD, "of_yield", CostSchema.Rounding.HALF_UP,
                BigDecimal.ZERO, "average", new BigDecimal("0.80"), null, false);
        VarianceOutcome yield = new EventCosting(ofYield).costConfirmation(confirmation("0020", "98", "5"),
                confirmations());
        assertThat(yield).isInstanceOfSatisfying(VarianceOutcome.Valued.class, valued -> {
            assertThat(valued.result().unplannedQuantity()).isEqualByComparingTo("3.04");
            assertThat(valued.result().value()).isEqualTo(new BigDecimal("380.00"));
        });
    }

    @Test
    void aConfirmationWithoutItsCostRollOrOperationWaits() {
        assertThat(costing.costConfirmation(confirmation("0030", "10", "1"), confirmations())).isInstanceOfSatisfying(
                VarianceOutcome.Unvalued.class,
                unvalued -> assertThat(unvalued.reason()).isEqualTo("unknown_operation"));
        ConfirmationRecord otherPart = new ConfirmationRecord(8, "sap-erp", "C-8", 1, "P1", "WO-1", "ERP-200", "0010",
                BigDecimal.TEN, BigDecimal.ONE, Instant.parse("2026-10-14T13:30:00Z"));
        assertThat(costing.costConfirmation(otherPart, confirmations())).isInstanceOfSatisfying(
                VarianceOutcome.Unvalued.class,
                unvalued -> assertThat(unvalued.reason()).isEqualTo("no_standard_cost"));
    }

    @Test
    void reworkHoursWithoutADefectRecordAreCostedAgainstTheirWorkCenter() {
        // 2 h at WC1's 40.00: 2 × 40.00 × (1 + 0) = 80.00, on the work center's line L1
        ReferenceData reference = new ReferenceData(reference().plants(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), RATES, Map.of(key("P1", "WC1"), "L1"));

        LaborOutcome outcome = costing.costUnmatched(labor(11, "2", null, null), reference);

        assertThat(outcome).isInstanceOfSatisfying(LaborOutcome.Costed.class, costed -> {
            assertThat(costed.amount()).isEqualTo(new BigDecimal("80.00"));
            assertThat(costed.line()).isEqualTo("L1");
            assertThat(costed.period()).isEqualTo("2026-10");
            assertThat(costed.provenance().laborRecordIds()).containsExactly(11L);
            assertThat(costed.explanation()).containsKey("rework_without_defect_record");
        });
        LaborOutcome withoutRate = costing.costUnmatched(labor(11, "2", null, null),
                new ReferenceData(reference().plants(), Map.of(), Map.of(), Map.of(), Map.of()));
        assertThat(withoutRate).isInstanceOfSatisfying(LaborOutcome.Uncostable.class, uncostable -> {
            assertThat(uncostable.reason()).isEqualTo("no_labor_rate");
            assertThat(uncostable.line()).isEmpty();
        });
    }

    @Test
    void aCustomerReturnIsAnExternalFailureWhateverItsDefectCode() {
        // MACH-01 is catalogued as internal_failure
        Outcome.Costed costed = costed(costing.cost(event().customerReturn(true).build(), reference()));

        assertThat(costed.coqClass()).isEqualTo("external_failure");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
    }

    @Test
    void thePeriodIsTheMonthInThePlantsTimeZone() {
        // 2026-11-01T02:30:00Z is 2026-10-31T22:30 in New York (EDT, UTC−4): October
        Outcome.Costed costed = costed(costing.cost(event().at("2026-11-01T02:30:00Z").build(), reference()));

        assertThat(costed.period()).isEqualTo("2026-10");
        assertThat(costed.explanation()).extractingByKey("period").isEqualTo(Map.of("event_date", "2026-10-31",
                "time_zone", "America/New_York", "fiscal_calendar", "calendar", "period", "2026-10"));
    }

    @Test
    void aPlantWithA445CalendarGetsTheFiscalPeriodOfTheLocalDate() {
        // 2026-01-26T03:00:00Z is 2026-01-25T22:00 in New York (EST, UTC−5); 2026-P01 of the 4-4-5 year from
        // 2025-12-29 runs to 2026-01-25, so the event is in P01 although in UTC it is already P02's first day.
        Outcome.Costed costed = costed(
                costing.cost(event().plant("P3").at("2026-01-26T03:00:00Z").build(), reference()));

        assertThat(costed.period()).isEqualTo("2026-P01");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.explanation()).extractingByKey("period").isEqualTo(Map.of("event_date", "2026-01-25",
                "time_zone", "America/New_York", "fiscal_calendar", "4-4-5@2025-12-29", "period", "2026-P01"));

        // An hour after local midnight, 2026-01-26T06:00:00Z = 01:00 on the 26th in New York, it is P02.
        assertThat(costed(costing.cost(event().plant("P3").at("2026-01-26T06:00:00Z").build(), reference())).period())
                .isEqualTo("2026-P02");
    }

    @Test
    void anUncostableEventOfAFiscalPlantWaitsInItsFiscalPeriod() {
        // SP-2 maps to ERP-200, which has no cost roll at P3; 2026-03-29 is the last day of 2026-P03 (35 days)
        Outcome.Uncostable uncostable = uncostable(
                costing.cost(event().plant("P3").part("SP-2").at("2026-03-29T16:00:00Z").build(), reference()));

        assertThat(uncostable.period()).isEqualTo("2026-P03");
    }

    @Test
    void aLateEventOfAClosedPeriodIsBookedInTheFirstOpenPeriodAfterIt() {
        // October and November of P1 are closed: the October event is booked in December, valued as in October.
        ReferenceData closed = reference().withClosedPeriods(Map.of("P1", Set.of("2026-10", "2026-11")));

        Outcome.Costed costed = costed(costing.cost(event().build(), closed));

        assertThat(costed.period()).isEqualTo("2026-12");
        assertThat(costed.eventPeriod()).isEqualTo("2026-10");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(costed.explanation()).extractingByKey("period").asInstanceOf(MAP).containsEntry("period", "2026-10")
                .containsEntry("booked_in", "2026-12")
                .containsEntry("reason", "period 2026-10 of plant P1 is closed: a late event is booked in the first "
                        + "open period after it");
        // Another plant's closed periods do not matter; an open period is its own booking period.
        assertThat(costed(costing.cost(event().build(), reference().withClosedPeriods(Map.of("P3", Set.of("2026-10")))))
                .period()).isEqualTo("2026-10");
        assertThat(uncostable(costing.cost(event().part("SP-2").build(), closed)).period()).isEqualTo("2026-12");
    }

    @Test
    void aFiscalPlantStepsToItsNextFiscalPeriod() {
        // 2026-P03 of the 4-4-5 year from 2025-12-29 ends on 2026-03-29 (a 5-week period); P04 starts on 03-30.
        ReferenceData closed = reference().withClosedPeriods(Map.of("P3", Set.of("2026-P03")));

        assertThat(closed.bookingPeriod("P3", "2026-P03")).isEqualTo("2026-P04");
        assertThat(closed.bookingPeriod("P3", "2026-P02")).isEqualTo("2026-P02");
    }

    @Test
    void aReversalOfAnEventOfAClosedPeriodIsBookedInTheOpenPeriod() {
        RollupDelta delta = new RollupDelta();
        RollupDelta.Key october = new RollupDelta.Key("P1", "2026-10", "L1", "WC1", "MACH-01", "A", "scrap",
                "internal_failure");
        delta.add(october, new BigDecimal("-655.20"), new BigDecimal("-3"), -1);
        delta.add(new RollupDelta.Key("P1", "2026-11", "L1", "WC1", "MACH-01", "A", "scrap", "internal_failure"),
                new BigDecimal("1092.00"), new BigDecimal("5"), 1);

        RollupDelta booked = delta
                .bookedIn(reference().withClosedPeriods(Map.of("P1", Set.of("2026-10")))::bookingPeriod);

        // 1092.00 − 655.20 = 436.80 in November, one event (+1 − 1 = 0 more); nothing in October.
        assertThat(booked.changes()).singleElement().satisfies(change -> {
            assertThat(change.key().period()).isEqualTo("2026-11");
            assertThat(change.amount()).isEqualByComparingTo("436.80");
            assertThat(change.quantity()).isEqualByComparingTo("2");
            assertThat(change.events()).isZero();
        });
    }

    @Test
    void thePeriodFollowsThePlantNotUtc() {
        // 2026-10-31T15:30:00Z is 2026-11-01T00:30 in Tokyo (UTC+9): November
        Outcome.Costed costed = costed(costing.cost(
                event().plant("P2").operation("0010").quantity("1").at("2026-10-31T15:30:00Z").build(), reference()));

        assertThat(costed.period()).isEqualTo("2026-11");
    }

    @Test
    void theCostRollInForceIsChosenByTheDateInThePlantsTimeZone() {
        ReferenceData reference = reference(concat(HEADLINE, NOVEMBER));

        // 2026-10-31T22:30 New York: October's roll, 3 × 218.40 = 655.20
        assertThat(costed(costing.cost(event().at("2026-11-01T02:30:00Z").build(), reference)).amount())
                .isEqualTo(new BigDecimal("655.20"));
        // 2026-11-01T01:30 New York (EST, UTC−5): November's roll, 3 × 228.40 = 685.20
        assertThat(costed(costing.cost(event().at("2026-11-01T06:30:00Z").build(), reference)).amount())
                .isEqualTo(new BigDecimal("685.20"));
    }

    @Test
    void aLaterCostRollDoesNotChangeTheValueOfAnEarlierEvent() {
        DefectRecord october = event().at("2026-10-14T13:30:00Z").build();

        Outcome.Costed before = costed(costing.cost(october, reference(HEADLINE)));
        Outcome.Costed after = costed(costing.cost(october, reference(concat(HEADLINE, NOVEMBER))));

        // 3 × 218.40 = 655.20 before and after November's roll (3 × 228.40 = 685.20) arrived
        assertThat(before.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(after.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(after.explanation()).extractingByKey("valuation").asInstanceOf(MAP)
                .containsEntry("cost_roll_effective_from", "2026-01-01");
    }

    @Test
    void thePartCrossReferenceInForceOnTheEventDateIsUsed() {
        // SP-7 is ERP-100 from 2026-01-01 and ERP-700 from 2026-09-01; C(0020) of ERP-700 = 40.00 + 10.00 = 50.00
        Outcome.Costed august = costed(
                costing.cost(event().part("SP-7").at("2026-08-31T16:00:00Z").build(), reference()));
        Outcome.Costed september = costed(
                costing.cost(event().part("SP-7").at("2026-09-01T16:00:00Z").build(), reference()));

        assertThat(august.part()).isEqualTo("ERP-100");
        assertThat(august.amount()).isEqualTo(new BigDecimal("655.20"));
        assertThat(september.part()).isEqualTo("ERP-700");
        assertThat(september.amount()).isEqualTo(new BigDecimal("150.00"));
    }

    @Test
    void thePartCrossReferenceIsDatedInThePlantsTimeZone() {
        // 2026-09-01T02:00:00Z is 2026-08-31T22:00 in New York: still ERP-100
        Outcome.Costed costed = costed(
                costing.cost(event().part("SP-7").at("2026-09-01T02:00:00Z").build(), reference()));

        assertThat(costed.part()).isEqualTo("ERP-100");
    }

    @Test
    void aPartCrossReferenceNotYetInForceIsUnmapped() {
        // SP-1 maps from 2026-01-01; 2025-12-31T17:00:00Z is 12:00 on 2025-12-31 in New York
        Outcome.Uncostable uncostable = uncostable(
                costing.cost(event().at("2025-12-31T17:00:00Z").build(), reference()));

        assertThat(uncostable.reason()).isEqualTo("unmapped_part");
        assertThat(uncostable.period()).isEqualTo("2025-12");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        // plant P2 costs ERP-100 at 1234.50 JPY: 1 × 1234.50 → 1235
        Outcome.Costed costed = costed(
                costing.cost(event().plant("P2").operation("0010").quantity("1").build(), reference()));

        assertThat(costed.currency()).isEqualTo("JPY");
        assertThat(costed.amount()).isEqualTo(new BigDecimal("1235"));
    }

    @Test
    void useAsIsInYenIsZeroWholeYen() {
        // docs/cost-model.md §9: an event's amount is in the currency's minor unit; JPY has none, so 0, not 0.00
        Outcome.Costed costed = costed(
                costing.cost(event().plant("P2").operation("0010").disposition("use_as_is").build(), reference()));

        assertThat(costed.amount()).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void theExplanationHoldsTheArithmeticAndTheAmount() {
        Outcome.Costed costed = costed(costing.cost(event().build(), reference()));

        assertThat(costed.explanation()).containsEntry("part", Map.of("source_part", "SP-1", "part", "ERP-100"))
                .containsEntry("record", Map.of("source", SOURCE, "source_id", "D-1", "version", 1));
        assertThat(costed.explanation()).extractingByKey("defect_code").asInstanceOf(MAP)
                .containsEntry("source_code", "D01").containsEntry("defect_code", "MACH-01")
                .containsEntry("coq_class", "internal_failure");
        assertThat(costed.explanation()).extractingByKey("valuation").asInstanceOf(MAP)
                .containsEntry("method", "cumulative_standard").containsEntry("unit_value", "218.400000")
                .containsEntry("amount", "655.20")
                .containsEntry("arithmetic", "3 × 218.400000 = 655.200000 → 655.20 USD");
    }

    @Test
    void theSumOfRoundedEventAmountsIsWhatTheReportFoots() {
        // ERP-300 costs 0.333333 a unit; each 1-unit event: 1 × 0.333333 → 0.33
        // the rollup total is 0.33 + 0.33 + 0.33 = 0.99, not 3 × 0.333333 = 0.999999 → 1.00
        RollupDelta delta = new RollupDelta();
        for (int i = 1; i <= 3; i++) {
            Outcome.Costed costed = costed(costing.cost(
                    event().sourceId("D-" + i).part("SP-3").operation("0010").quantity("1").build(), reference()));
            assertThat(costed.amount()).isEqualTo(new BigDecimal("0.33"));
            delta.add(rollupKey(costed), costed.amount(), costed.record().quantity(), 1);
        }

        assertThat(delta.changes()).singleElement().satisfies(change -> {
            assertThat(change.amount()).isEqualTo(new BigDecimal("0.99"));
            assertThat(change.quantity()).isEqualByComparingTo("3");
            assertThat(change.events()).isEqualTo(3);
        });
    }

    @Test
    void aRollupDeltaKeepsEachKeyApartAndSubtractsSupersededVersions() {
        Outcome.Costed scrap = costed(costing.cost(event().build(), reference()));
        Outcome.Costed returned = costed(
                costing.cost(event().sourceId("D-2").customerReturn(true).build(), reference()));
        RollupDelta delta = new RollupDelta();

        // 655.20 added, then superseded by a new version: 655.20 − 655.20 = 0.00 over 1 − 1 = 0 events
        delta.add(rollupKey(scrap), scrap.amount(), scrap.record().quantity(), 1);
        delta.add(rollupKey(returned), returned.amount(), returned.record().quantity(), 1);
        delta.add(rollupKey(scrap), scrap.amount().negate(), scrap.record().quantity().negate(), -1);

        assertThat(delta.changes()).hasSize(2);
        assertThat(delta.changes()).filteredOn(change -> change.key().coqClass().equals("internal_failure"))
                .singleElement().satisfies(change -> {
                    assertThat(change.amount()).isEqualTo(new BigDecimal("0.00"));
                    assertThat(change.events()).isZero();
                });
        assertThat(delta.changes()).filteredOn(change -> change.key().coqClass().equals("external_failure"))
                .singleElement().satisfies(change -> assertThat(change.amount()).isEqualTo(new BigDecimal("655.20")));
    }

    @Test
    void aNewRollupDeltaIsEmpty() {
        assertThat(new RollupDelta().isEmpty()).isTrue();
        assertThat(new RollupDelta().changes()).isEmpty();
    }

    private static RollupDelta.Key rollupKey(Outcome.Costed costed) {
        DefectRecord record = costed.record();
        return new RollupDelta.Key(record.plant(), costed.period(), record.line(), record.workCenter(),
                costed.defectCode(), record.shift(), costed.costType(), costed.coqClass());
    }

    private static Outcome.Costed costed(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Costed.class);
        return (Outcome.Costed) outcome;
    }

    private static Outcome.Uncostable uncostable(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Uncostable.class);
        return (Outcome.Uncostable) outcome;
    }

    private static ReferenceData reference() {
        return reference(HEADLINE);
    }

    /**
     * <ul>
     * <li>plants P1 (USD, New York), P2 (JPY, Tokyo) and P3 (USD, New York, 4-4-5 from 2025-12-29, ERP-100 costed as at
     * P1);</li>
     * <li>source parts SP-1 → ERP-100, SP-2 → ERP-200 (no cost roll), SP-3 → ERP-300 (0.333333 a unit), SP-4 → ERP-400
     * (0.125 a unit), SP-7 → ERP-100 until 2026-08-31 and ERP-700 (C(0020) = 50.00) from 2026-09-01;</li>
     * <li>source codes D01 → MACH-01 (internal failure) and D99 → GONE-99 (not catalogued).</li>
     * </ul>
     */
    private static ReferenceData reference(List<CostRollLine> erp100) {
        Map<String, ReferenceData.Plant> plants = new HashMap<>();
        plants.put("P1", new ReferenceData.Plant("USD", ZoneId.of("America/New_York")));
        plants.put("P2", new ReferenceData.Plant("JPY", ZoneId.of("Asia/Tokyo")));
        plants.put("P3", new ReferenceData.Plant("USD", ZoneId.of("America/New_York"),
                FiscalCalendar.parse("4-4-5@2025-12-29")));

        Map<String, List<ReferenceData.PartXref>> parts = new HashMap<>();
        parts.put(key(SOURCE, "SP-1"), List.of(new ReferenceData.PartXref(JAN, "ERP-100")));
        parts.put(key(SOURCE, "SP-2"), List.of(new ReferenceData.PartXref(JAN, "ERP-200")));
        parts.put(key(SOURCE, "SP-3"), List.of(new ReferenceData.PartXref(JAN, "ERP-300")));
        parts.put(key(SOURCE, "SP-4"), List.of(new ReferenceData.PartXref(JAN, "ERP-400")));
        parts.put(key(SOURCE, "SP-7"), List.of(new ReferenceData.PartXref(JAN, "ERP-100"),
                new ReferenceData.PartXref(LocalDate.of(2026, 9, 1), "ERP-700")));

        Map<String, String> codes = new HashMap<>();
        codes.put(key(SOURCE, "D01"), "MACH-01");
        codes.put(key(SOURCE, "D99"), "GONE-99");

        Map<String, List<CostRollLine>> rolls = new HashMap<>();
        rolls.put(key("P1", "ERP-100"), erp100);
        rolls.put(key("P1", "ERP-300"), List.of(line("0010", JAN, "0.333333", "0", "0")));
        rolls.put(key("P1", "ERP-400"), List.of(line("0010", JAN, "0.125", "0", "0")));
        rolls.put(key("P1", "ERP-700"),
                List.of(line("0010", JAN, "40.00", "0", "0"), line("0020", JAN, "0", "10.00", "0")));
        rolls.put(key("P3", "ERP-100"), erp100);
        rolls.put(key("P2", "ERP-100"), List.of(line("0010", JAN, "1234.50", "0", "0")));

        return new ReferenceData(plants, parts, codes,
                Map.of("MACH-01", new ReferenceData.DefectCode("MACH-01", "Machining burr", "internal_failure")),
                rolls);
    }

    /**
     * ERP-900 at P1: 0010 material 100.00, planned 5 %; 0020 labor 20.00 and overhead 5.00, planned 2 %, a milestone.
     */
    private static ReferenceData confirmations() {
        return new ReferenceData(reference().plants(), Map.of(), Map.of(), Map.of(),
                Map.of(key("P1", "ERP-900"),
                        List.of(new CostRollLine("0010", JAN, new BigDecimal("100.00"), BigDecimal.ZERO,
                                BigDecimal.ZERO, false, new BigDecimal("0.05"), null, null),
                                new CostRollLine("0020", JAN, BigDecimal.ZERO, new BigDecimal("20.00"),
                                        new BigDecimal("5.00"), true, new BigDecimal("0.02"), null, null))));
    }

    private static ConfirmationRecord confirmation(String operation, String yield, String scrap) {
        return new ConfirmationRecord(7, "sap-erp", "C-7", 1, "P1", "WO-1", "ERP-900", operation, new BigDecimal(yield),
                new BigDecimal(scrap), Instant.parse("2026-10-14T13:30:00Z"));
    }

    /** WC1 of P1 at 40.00 from January (labor-rate record 501); P1's default 30.00 (record 500). */
    private static final Map<String, List<ReworkValuation.Rate>> RATES = Map.of(key("P1", "WC1"),
            List.of(new ReworkValuation.Rate(JAN, new BigDecimal("40.00"), 501L)), key("P1", ""),
            List.of(new ReworkValuation.Rate(JAN, new BigDecimal("30.00"), 500L)));

    private static ReferenceData with(ReferenceData base, Map<String, ReferenceData.Ncr> ncrs,
            Map<String, ReferenceData.WorkOrder> orders, Map<Long, List<LaborRecord>> labor,
            Map<String, List<ReworkValuation.Rate>> rates) {
        return new ReferenceData(base.plants(), base.partXrefs(), base.defectCodeXrefs(), base.defectCodes(),
                base.costRolls(), ncrs, orders, labor, rates, Map.of());
    }

    /** Rework at WC1 of P1 on 2026-10-14, from source kronos. */
    private static LaborRecord labor(long recordId, String hours, String rate, String material) {
        return new LaborRecord(recordId, "kronos", "L-" + recordId, 1, "P1", "WC1", new BigDecimal(hours),
                Instant.parse("2026-10-14T15:00:00Z"), null, "D-1", null, null,
                rate == null ? null : new BigDecimal(rate), material == null ? null : new BigDecimal(material));
    }

    /**
     * WIP 10000.00 with 4000.00 still to come, 500.00 scrap posted, 6000.00 moved; 60 completed, 20 scrapped, 40 to go.
     */
    private static ReferenceData.WorkOrder order(String method, LocalDate closedOn, String action, String account) {
        return new ReferenceData.WorkOrder(9, "WO-1", method, closedOn,
                new OrderValuation.OrderFigures(new BigDecimal("10000.00"), new BigDecimal("4000.00"),
                        new BigDecimal("500.00"), new BigDecimal("6000.00"), new BigDecimal("60"), new BigDecimal("20"),
                        new BigDecimal("40")),
                action, account);
    }

    private static CostRollLine line(String operation, LocalDate effectiveFrom, String material, String labor,
            String overhead) {
        return new CostRollLine(operation, effectiveFrom, new BigDecimal(material), new BigDecimal(labor),
                new BigDecimal(overhead), false);
    }

    private static List<CostRollLine> concat(List<CostRollLine> first, List<CostRollLine> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static EventBuilder event() {
        return new EventBuilder();
    }

    /** The headline event by default: 3 units of SP-1 scrapped at 0020 in plant P1 on 2026-10-14 for D01. */
    private static final class EventBuilder {

        private String sourceId = "D-1";
        private String plant = "P1";
        private String part = "SP-1";
        private String defectCode = "D01";
        private String quantity = "3";
        private String disposition = "scrap";
        private String occurredAt = "2026-10-14T13:30:00Z";
        private String operation = "0020";
        private boolean customerReturn;
        private String salvage;
        private String workOrder;
        private String ncr;

        EventBuilder sourceId(String value) {
            sourceId = value;
            return this;
        }

        EventBuilder plant(String value) {
            plant = value;
            return this;
        }

        EventBuilder part(String value) {
            part = value;
            return this;
        }

        EventBuilder defectCode(String value) {
            defectCode = value;
            return this;
        }

        EventBuilder quantity(String value) {
            quantity = value;
            return this;
        }

        EventBuilder disposition(String value) {
            disposition = value;
            return this;
        }

        EventBuilder at(String value) {
            occurredAt = value;
            return this;
        }

        EventBuilder operation(String value) {
            operation = value;
            return this;
        }

        EventBuilder customerReturn(boolean value) {
            customerReturn = value;
            return this;
        }

        EventBuilder salvage(String value) {
            salvage = value;
            return this;
        }

        EventBuilder workOrder(String value) {
            workOrder = value;
            return this;
        }

        EventBuilder ncr(String value) {
            ncr = value;
            return this;
        }

        DefectRecord build() {
            return new DefectRecord(1, SOURCE, sourceId, 1, plant, "L1", "WC1", part, defectCode,
                    new BigDecimal(quantity), disposition, occurredAt == null ? null : Instant.parse(occurredAt), "A",
                    operation, customerReturn, salvage == null ? null : new BigDecimal(salvage), workOrder, ncr);
        }
    }
}
