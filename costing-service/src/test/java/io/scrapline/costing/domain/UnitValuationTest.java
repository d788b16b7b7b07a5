package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.ReferenceData.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Units of measure in valuation (docs/cost-model.md §11): scrap at a cost roll, at the work order's own cost and the
 * scrap of confirmations, each in another unit than its basis; figures worked by hand.
 */
class UnitValuationTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final Instant OCTOBER_14 = Instant.parse("2026-10-14T13:30:00Z");
    private static final List<UnitConversion.Factor> KG_TO_EA = List
            .of(new UnitConversion.Factor("KG", "EA", new BigDecimal("2.5")));

    private final EventCosting costing = new EventCosting(ScrapMethod.CUMULATIVE_STANDARD, RoundingMode.HALF_UP);

    @Test
    void scrapInKilogramsIsValuedPerEachOfTheCostRoll() {
        // 4 KG × 2.5 = 10 EA; 10 × C(0020) 218.40 = 2,184.00
        Outcome.Costed costed = (Outcome.Costed) costing.cost(scrap("4", "KG", null), reference(KG_TO_EA, null));
        assertThat(costed.amount()).isEqualByComparingTo("2184.00");
        assertThat(costed.unitValue()).isEqualByComparingTo("218.40");
        assertThat(costed.provenance().uomConversion()).isEqualTo(KG_TO_EA.get(0));

        Outcome.Uncostable parked = (Outcome.Uncostable) costing.cost(scrap("4", "KG", null),
                reference(List.of(), null));
        assertThat(parked.reason()).isEqualTo("no_uom_factor");
        assertThat(parked.detail()).startsWith("no factor converting KG to EA for part ERP-100 (the cost roll's unit)");
    }

    @Test
    void scrapValuedAtTheWorkOrdersCostIsConvertedIntoTheOrdersUnit() {
        // Actual: (10000.00 − 500.00 − 6000.00) / (60 + 20) = 43.75 per EA. 4 KG × 2.5 = 10 EA × 43.75 = 437.50, less
        // salvage 4 KG × 1.00 = 4.00: 433.50
        Outcome.Costed costed = (Outcome.Costed) costing.cost(scrap("4", "KG", "1.00"),
                reference(KG_TO_EA, order("EA")));
        assertThat(costed.amount()).isEqualByComparingTo("433.50");
        assertThat(costed.explanation()).extractingByKey("valuation").asString().contains("basis=work order")
                .contains("converted_quantity=10.000000");

        Outcome.Uncostable parked = (Outcome.Uncostable) costing.cost(scrap("4", "LB", null),
                reference(KG_TO_EA, order("EA")));
        assertThat(parked.reason()).isEqualTo("no_uom_factor");
        assertThat(parked.detail()).contains("(the work order's unit)");

        // An order that names no unit keeps today's valuation: 4 × 43.75 = 175.00
        assertThat(((Outcome.Costed) costing.cost(scrap("4", "KG", null), reference(List.of(), order(null)))).amount())
                .isEqualByComparingTo("175.00");
    }

    @Test
    void confirmedScrapInKilogramsIsConvertedBeforeItsVarianceIsValued() {
        // No planned rate: all scrap is unplanned. Scrap 2 KG × 2.5 = 5 EA; yield 40 KG × 2.5 = 100 EA;
        // 5 × C(0020) 218.40 = 1,092.00
        VarianceOutcome.Valued valued = (VarianceOutcome.Valued) costing.costConfirmation(confirmation("KG"),
                reference(KG_TO_EA, null));
        assertThat(valued.result().unplannedQuantity()).isEqualByComparingTo("5");
        assertThat(valued.result().value()).isEqualByComparingTo("1092.00");

        VarianceOutcome.Unvalued parked = (VarianceOutcome.Unvalued) costing.costConfirmation(confirmation("KG"),
                reference(List.of(), null));
        assertThat(parked.reason()).isEqualTo("no_uom_factor");
    }

    /** P1 (USD), SP-1 → ERP-100 per EA: C(0010) = 170.00, C(0020) = 218.40; D01 → MACH-01; WO-1 when given. */
    private static ReferenceData reference(List<UnitConversion.Factor> factors, ReferenceData.WorkOrder order) {
        List<CostRollLine> roll = List.of(line("0010", "120.00", "30.00"), line("0020", "0.00", "28.40"));
        return new ReferenceData(Map.of("P1", new ReferenceData.Plant("USD", ZoneId.of("America/New_York"))),
                Map.of(key("plex-mes", "SP-1"), List.of(new ReferenceData.PartXref(JAN, "ERP-100"))),
                Map.of(key("plex-mes", "D01"), "MACH-01"),
                Map.of("MACH-01", new ReferenceData.DefectCode("MACH-01", "Burr", "internal_failure")),
                Map.of(key("P1", "ERP-100"), roll), Map.of(),
                order == null ? Map.of() : Map.of(key("P1", "WO-1"), order), Map.of(), Map.of(), Map.of())
                        .withUomFactors(Map.of("ERP-100", factors));
    }

    private static CostRollLine line(String operation, String material, String labor) {
        return new CostRollLine(operation, JAN, new BigDecimal(material), new BigDecimal(labor),
                new BigDecimal("20.00"), false, null, null, null, "EA");
    }

    /** WIP 10000.00, 500.00 scrap posted, 6000.00 moved; 60 completed, 20 scrapped; costed at actual. */
    private static ReferenceData.WorkOrder order(String uom) {
        return new ReferenceData.WorkOrder(9, "WO-1", "actual", null,
                new OrderValuation.OrderFigures(new BigDecimal("10000.00"), null, new BigDecimal("500.00"),
                        new BigDecimal("6000.00"), new BigDecimal("60"), new BigDecimal("20"), null),
                "write_off", "5100", uom);
    }

    private static DefectRecord scrap(String quantity, String uom, String salvage) {
        return new DefectRecord(1, "plex-mes", "D-1", 1, "P1", "L1", "WC1", "SP-1", "D01", new BigDecimal(quantity),
                "scrap", OCTOBER_14, "A", "0020", false, salvage == null ? null : new BigDecimal(salvage), "WO-1", null,
                uom);
    }

    private static ConfirmationRecord confirmation(String uom) {
        return new ConfirmationRecord(7, "sap-erp", "C-7", 1, "P1", "WO-1", "ERP-100", "0020", new BigDecimal("40"),
                new BigDecimal("2"), OCTOBER_14, uom);
    }
}
