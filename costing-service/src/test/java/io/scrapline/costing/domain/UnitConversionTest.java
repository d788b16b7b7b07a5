package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnitConversionTest {

    private static final List<UnitConversion.Factor> KG_TO_EA = List
            .of(new UnitConversion.Factor("KG", "EA", new BigDecimal("2.5")));

    @Test
    void aQuantityInAnotherUnitIsMultipliedByTheFactorGiven() {
        UnitConversion.Converted converted = UnitConversion
                .convert(new BigDecimal("4.000000"), "kg", UnitConversion.COST_ROLL, "EA", KG_TO_EA).orElseThrow();

        // 4 KG × 2.5 EA per KG = 10 EA
        assertThat(converted.quantity()).isEqualByComparingTo("10");
        assertThat(converted.factor()).isEqualByComparingTo("2.5");
        assertThat(converted.given()).isEqualTo(KG_TO_EA.get(0));
        assertThat(converted.explanation()).containsEntry("arithmetic", "4 kg × 2.5 = 10.000000 EA")
                .containsEntry("factor_source", "the part's factor KG → EA");
    }

    @Test
    void theOtherDirectionUsesTheInverseToTwelvePlacesHalfUp() {
        UnitConversion.Converted converted = UnitConversion
                .convert(new BigDecimal("5"), "EA", UnitConversion.COST_ROLL, "KG", KG_TO_EA).orElseThrow();
        // 1 ÷ 2.5 = 0.4 exactly: 5 EA × 0.4 = 2 KG
        assertThat(converted.factor()).isEqualByComparingTo("0.4");
        assertThat(converted.quantity()).isEqualByComparingTo("2");

        List<UnitConversion.Factor> thirds = List.of(new UnitConversion.Factor("BOX", "EA", new BigDecimal("3")));
        // 1 ÷ 3 = 0.333333333333 (12 places, half-up): 6 EA × 0.333333333333 = 1.999999999998 BOX
        UnitConversion.Converted boxes = UnitConversion
                .convert(new BigDecimal("6"), "EA", UnitConversion.COST_ROLL, "BOX", thirds).orElseThrow();
        assertThat(boxes.factor()).isEqualByComparingTo("0.333333333333");
        assertThat(boxes.quantity()).isEqualByComparingTo("1.999999999998");
        assertThat(boxes.explanation().get("factor_source").toString()).startsWith("the inverse of");
    }

    @Test
    void theSameUnitOrAnUnnamedOneIsNotConverted() {
        assertThat(UnitConversion.convert(BigDecimal.TEN, "ea", UnitConversion.COST_ROLL, "EA", List.of()).orElseThrow()
                .converted()).isFalse();
        assertThat(UnitConversion.convert(BigDecimal.TEN, null, UnitConversion.COST_ROLL, "EA", List.of()).orElseThrow()
                .quantity()).isEqualByComparingTo("10");
        assertThat(UnitConversion.convert(BigDecimal.TEN, "KG", UnitConversion.COST_ROLL, null, List.of()).orElseThrow()
                .converted()).isFalse();
        assertThat(UnitConversion.convert(BigDecimal.TEN, null, UnitConversion.COST_ROLL, null, List.of()).orElseThrow()
                .explanation()).isNull();
    }

    @Test
    void differentUnitsWithoutAFactorCannotBeConverted() {
        assertThat(UnitConversion.convert(BigDecimal.TEN, "LB", UnitConversion.COST_ROLL, "EA", KG_TO_EA)).isEmpty();
        assertThat(UnitConversion.missing("100-4471-A", "lb", UnitConversion.COST_ROLL, "EA"))
                .startsWith("no factor converting LB to EA");
    }
}
