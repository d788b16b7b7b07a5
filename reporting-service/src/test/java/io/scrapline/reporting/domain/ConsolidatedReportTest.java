package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Plants converted into the reporting currency at the period's rate, worked by hand. */
class ConsolidatedReportTest {

    /** Dayton in dollars: scrap 1006.93, rework 50.05; internal failure 1023.65, external 33.33. */
    private static final Report DAYTON = report("DAY1", "USD", "1006.93", "50.05",
            new Report.CoqCost("internal_failure", new BigDecimal("1023.65")),
            new Report.CoqCost("external_failure", new BigDecimal("33.33")));
    /** Stuttgart in euros: scrap 500.00, rework 20.00, all internal failure. */
    private static final Report STUTTGART = report("STU1", "EUR", "500.00", "20.00",
            new Report.CoqCost("internal_failure", new BigDecimal("520.00")));
    /** Osaka in yen, which has no minor unit: scrap 12345. */
    private static final Report OSAKA = report("OSA1", "JPY", "12345", "0",
            new Report.CoqCost("internal_failure", new BigDecimal("12345")));
    private static final Map<String, BigDecimal> RATES = Map.of("EUR", new BigDecimal("1.09216"), "JPY",
            new BigDecimal("0.006543"));

    @Test
    void convertsEachPlantAtThePeriodsRateAndSumsTheConvertedAmounts() {
        ConsolidatedReport consolidated = ConsolidatedReport.of("2026-10", "USD", "average", RoundingMode.HALF_UP,
                List.of(DAYTON, STUTTGART, OSAKA), RATES, List.of());

        // Dayton is in dollars already: rate 1, nothing rounded.
        ConsolidatedReport.Plant dayton = consolidated.byPlant().get(0);
        assertThat(dayton.rate()).isEqualByComparingTo("1");
        assertThat(dayton.converted()).isEqualTo(totals("1006.93", "50.05", "1056.98"));
        // 500.00 × 1.09216 = 546.0800 → 546.08; 20.00 × 1.09216 = 21.8432 → 21.84; 546.08 + 21.84 = 567.92
        ConsolidatedReport.Plant stuttgart = consolidated.byPlant().get(1);
        assertThat(stuttgart.totalCost()).isEqualTo("520.00");
        assertThat(stuttgart.converted()).isEqualTo(totals("546.08", "21.84", "567.92"));
        // 12345 × 0.006543 = 80.773335 → 80.77; rework 0 → 0.00
        assertThat(consolidated.byPlant().get(2).converted()).isEqualTo(totals("80.77", "0.00", "80.77"));

        // scrap 1006.93 + 546.08 + 80.77 = 1633.78; rework 50.05 + 21.84 + 0.00 = 71.89; total 1705.67
        assertThat(consolidated.totals()).isEqualTo(totals("1633.78", "71.89", "1705.67"));
        assertThat(consolidated.currency()).isEqualTo("USD");
        assertThat(consolidated.fxKind()).isEqualTo("average");
        // internal failure 1023.65 + (520.00 × 1.09216 = 567.9232 → 567.92) + 80.77 = 1672.34; external 33.33
        assertThat(consolidated.coq()).containsExactly(
                new Report.CoqCost("internal_failure", new BigDecimal("1672.34")),
                new Report.CoqCost("external_failure", new BigDecimal("33.33")));
    }

    @Test
    void roundsEachConvertedAmountOnceWithTheSchemasRounding() {
        // 0.10 × 1.25 = 0.125: half-up 0.13, half-even 0.12
        Report small = report("STU1", "EUR", "0.10", "0.00");
        Map<String, BigDecimal> rate = Map.of("EUR", new BigDecimal("1.25"));
        assertThat(ConsolidatedReport
                .of("2026-10", "USD", "closing", RoundingMode.HALF_UP, List.of(small), rate, List.of()).totals()
                .scrapCost()).isEqualTo("0.13");
        assertThat(ConsolidatedReport
                .of("2026-10", "USD", "closing", RoundingMode.HALF_EVEN, List.of(small), rate, List.of()).totals()
                .scrapCost()).isEqualTo("0.12");
    }

    @Test
    void aMissingRateIsAnErrorNamingEveryMissingPairNeverARateOfOne() {
        Report london = report("LON1", "GBP", "10.00", "0.00");
        assertThatThrownBy(() -> ConsolidatedReport.of("2026-10", "USD", "average", RoundingMode.HALF_UP,
                List.of(DAYTON, STUTTGART, london, OSAKA), Map.of("EUR", new BigDecimal("1.09216")), List.of()))
                        .isInstanceOfSatisfying(ConsolidatedReport.MissingRates.class, missing -> {
                            assertThat(missing.pairs()).containsExactly("GBP→USD", "JPY→USD");
                            assertThat(missing.getMessage()).contains("average", "GBP→USD, JPY→USD", "2026-10");
                        });
    }

    @Test
    void noPlantsIsZeroNotAnError() {
        ConsolidatedReport consolidated = ConsolidatedReport.of("2026-10", "EUR", "average", RoundingMode.HALF_UP,
                List.of(), Map.of(), List.of(new ConsolidatedReport.Excluded("DAY2", "keeps the fiscal calendar")));
        assertThat(consolidated.totals()).isEqualTo(totals("0.00", "0.00", "0.00"));
        assertThat(consolidated.excludedPlants()).extracting(ConsolidatedReport.Excluded::plant)
                .containsExactly("DAY2");
    }

    private static ConsolidatedReport.Totals totals(String scrap, String rework, String total) {
        return new ConsolidatedReport.Totals(new BigDecimal(scrap), new BigDecimal(rework), new BigDecimal(total));
    }

    private static Report report(String plant, String currency, String scrap, String rework, Report.CoqCost... coq) {
        BigDecimal scrapCost = new BigDecimal(scrap);
        BigDecimal reworkCost = new BigDecimal(rework);
        return new Report(plant, plant, "2026-10", currency, "open", 1, "controller",
                new Report.Totals(scrapCost, reworkCost, scrapCost.add(reworkCost), BigDecimal.ONE, 1, 0,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(), List.of(), null, List.of(coq), null, null, null, null, null, null, null, null, null, null);
    }
}
