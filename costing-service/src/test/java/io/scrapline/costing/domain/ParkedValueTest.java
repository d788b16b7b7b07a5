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

/** What an event parked for want of a defect-code cross-reference is worth at standard cost, and when none is told. */
class ParkedValueTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final CostSchema CUMULATIVE = CostSchema.defaults(ScrapMethod.CUMULATIVE_STANDARD,
            RoundingMode.HALF_UP);
    /** C(0010) = 13.00, C(0020) = 23.00. */
    private static final ReferenceData REFERENCE = new ReferenceData(
            Map.of("DAY1", new ReferenceData.Plant("USD", ZoneId.of("America/New_York"))),
            Map.of(key("mes", "MFG-4471"), List.of(new ReferenceData.PartXref(JAN, "100-4471-A"))), Map.of(), Map.of(),
            Map.of(key("DAY1", "100-4471-A"),
                    List.of(line("0010", "10.00", "2.00", "1.00"), line("0020", "5.00", "3.00", "2.00"))));

    @Test
    void anUnmappedCodesEventIsWorthItsScrapValueAtTheSchemasMethodLessSalvage() {
        assertThat(ParkedValue.of(parked("unmapped_defect_code", "MFG-4471", "0010", "3", null), REFERENCE, CUMULATIVE))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("39.00"));
        assertThat(ParkedValue.of(parked("unmapped_defect_code", "MFG-4471", "0010", "3", "1.00"), REFERENCE,
                CostSchema.defaults(ScrapMethod.FULL_STANDARD, RoundingMode.HALF_UP)))
                        .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("66.00"));
        // Without an operation the stage is assumed: full standard cost.
        assertThat(ParkedValue.of(parked("unmapped_defect_code", "MFG-4471", null, "2", null), REFERENCE, CUMULATIVE))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("46.00"));
    }

    @Test
    void noEstimateWithoutAMappedPartACostRollInForceOrItsOperation() {
        assertThat(ParkedValue.of(parked("unmapped_part", "MES-NEW", "0010", "3", null), REFERENCE, CUMULATIVE))
                .isEmpty();
        assertThat(ParkedValue.of(parked("unmapped_defect_code", "MES-NEW", "0010", "3", null), REFERENCE, CUMULATIVE))
                .isEmpty();
        assertThat(ParkedValue.of(parked("unmapped_defect_code", "MFG-4471", "0099", "3", null), REFERENCE, CUMULATIVE))
                .isEmpty();
        assertThat(ParkedValue.of(parked("no_standard_cost", "MFG-4471", "0010", "3", null), REFERENCE, CUMULATIVE))
                .isEmpty();
        Outcome.Uncostable before = new Outcome.Uncostable(
                record("MFG-4471", "0010", "3", null, Instant.parse("2025-12-31T12:00:00Z")), "2025-12",
                "unmapped_defect_code", "");
        assertThat(ParkedValue.of(before, REFERENCE, CUMULATIVE)).isEmpty();
    }

    private static Outcome.Uncostable parked(String reason, String part, String operation, String quantity,
            String salvage) {
        return new Outcome.Uncostable(record(part, operation, quantity, salvage, Instant.parse("2026-05-14T12:00:00Z")),
                "2026-05", reason, "");
    }

    private static DefectRecord record(String part, String operation, String quantity, String salvage,
            Instant occurredAt) {
        return new DefectRecord(1, "mes", "D-1", 1, "DAY1", "L1", "WC-110", part, "D-NEW", new BigDecimal(quantity),
                "scrap", occurredAt, "A", operation, false, salvage == null ? null : new BigDecimal(salvage), null,
                null);
    }

    private static CostRollLine line(String operation, String material, String labor, String overhead) {
        return new CostRollLine(operation, JAN, new BigDecimal(material), new BigDecimal(labor),
                new BigDecimal(overhead), false);
    }
}
