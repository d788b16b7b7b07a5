package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartSectionsTest {

    @Test
    void aCutTakesTheLaterEventsOutOfTheirPartAndDropsAPartLeftEmpty() {
        List<PartSections.PartSum> parts = List.of(part("WC-1", "P-1", "scrap", "300.00", 3),
                part("WC-1", "P-2", "scrap", "40.00", 1));
        List<PartSections.PartSum> after = List.of(part("WC-1", "P-1", "scrap", "100.00", 1),
                part("WC-1", "P-2", "scrap", "40.00", 1));

        assertThat(PartSections.less(parts, after)).containsExactly(part("WC-1", "P-1", "scrap", "200.00", 2));
    }

    @Test
    void reworkWithoutADefectRecordHasNoPartAndNoCategoryAndStillCounts() {
        List<PartSections.PartSum> parts = List.of(part("WC-1", "P-1", "scrap", "75.00", 1),
                part("WC-1", "", "rework", "25.00", 1));
        List<ReportBuilder.Sum> sums = List.of(sum("D-1", "scrap", "75.00"), sum("", "rework", "25.00"));

        PartSections sections = PartSections.of(parts, sums, List.of(new PartSections.CodeCategory("D-1", "assembly")),
                line -> true, new BigDecimal("0.80"), "USD");

        assertThat(sections.partPareto()).extracting(PartSections.PartEntry::part).containsExactly("P-1", null);
        assertThat(sections.byPart().get(0).reworkCost()).isEqualByComparingTo("25.00");
        assertThat(sections.categories()).containsExactly(
                new PartSections.CategoryShare("assembly", new BigDecimal("75.00"), new BigDecimal("0.7500"), 1),
                new PartSections.CategoryShare(null, new BigDecimal("25.00"), new BigDecimal("0.2500"), 1));
    }

    private static PartSections.PartSum part(String workCenter, String part, String costType, String amount,
            long events) {
        return new PartSections.PartSum("L1", workCenter, part, costType, new BigDecimal(amount),
                BigDecimal.valueOf(events), events);
    }

    private static ReportBuilder.Sum sum(String code, String costType, String amount) {
        return new ReportBuilder.Sum("L1", "WC-1", code, code, costType, "internal_failure", new BigDecimal(amount),
                BigDecimal.ONE, 1, "A", null, null);
    }
}
