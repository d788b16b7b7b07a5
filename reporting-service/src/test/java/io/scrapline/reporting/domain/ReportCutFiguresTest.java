package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportBuilder.WeekCost;
import io.scrapline.reporting.domain.ReportBuilder.YearSum;

/** The arithmetic of a cut: rollup sums less the events after it, key by key. */
class ReportCutFiguresTest {

    @Test
    void theEventsAfterTheCutComeOffTheirRollupKey() {
        List<Sum> rollups = List.of(sum("L1", "MACH-DIM", "A", "655.20", "3", 2, "0"),
                sum("L1", "WELD-POR", "A", "100.00", "2", 1, "0"),
                sum("L2", "MACH-DIM", "B", "33.33", "1", 1, "20.00"));
        List<Sum> after = List.of(sum("L1", "MACH-DIM", "A", "218.40", "1", 1, "0"),
                sum("L2", "MACH-DIM", "B", "33.33", "1", 1, "20.00"));

        List<Sum> cut = ReportCut.less(rollups, after);

        // A key left without events goes, as the rollup reads leave it out.
        assertThat(cut).hasSize(2);
        assertThat(cut.get(0).amount()).isEqualByComparingTo("436.80");
        assertThat(cut.get(0).quantity()).isEqualByComparingTo("2");
        assertThat(cut.get(0).events()).isEqualTo(1);
        assertThat(cut.get(1)).isEqualTo(rollups.get(1));
        assertThat(ReportCut.less(rollups, List.of())).isEqualTo(rollups);
    }

    @Test
    void theYearToDateLosesTheSameEvents() {
        List<YearSum> year = List.of(new YearSum("L1", "scrap", "internal_failure", new BigDecimal("1455.20"), 4));
        List<YearSum> cut = ReportCut.lessYear(year, List.of(sum("L1", "MACH-DIM", "A", "218.40", "1", 1, "0"),
                sum("L1", "WELD-POR", "B", "55.00", "1", 1, "0")));
        assertThat(cut).containsExactly(new YearSum("L1", "scrap", "internal_failure", new BigDecimal("1181.80"), 2));
    }

    @Test
    void aWeeksOwnCostsAreTheTrendsLastWeek() {
        LocalDate monday = LocalDate.parse("2026-11-09");
        List<WeekCost> trend = ReportCut.withWeek(
                List.of(new WeekCost("L1", monday.minusWeeks(1), "MACH-DIM", new BigDecimal("10.00"))), monday,
                List.of(sum("L1", "MACH-DIM", "A", "5.00", "1", 1, "0")));
        assertThat(trend).containsExactly(new WeekCost("L1", monday.minusWeeks(1), "MACH-DIM", new BigDecimal("10.00")),
                new WeekCost("L1", monday, "MACH-DIM", new BigDecimal("5.00")));
        assertThat(ReportCut.weekName(monday)).isEqualTo("2026-W46");
        assertThat(ReportCut.weekName(LocalDate.parse("2026-12-28"))).isEqualTo("2026-W53");
    }

    private static Sum sum(String line, String code, String shift, String amount, String quantity, long events,
            String recoverable) {
        return new Sum(line, "WC-" + line, code, code, "scrap", "internal_failure", new BigDecimal(amount),
                new BigDecimal(quantity), events, shift, new BigDecimal(recoverable), BigDecimal.ZERO);
    }
}
