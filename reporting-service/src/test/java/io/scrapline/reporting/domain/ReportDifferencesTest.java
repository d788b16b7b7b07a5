package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.ReportBuilder.Sum;
import io.scrapline.reporting.domain.ReportDifferences.Change;

/**
 * What a restatement changed, worked by hand. Version 1 and version 2 of October:
 *
 * <pre>
 * line WC      code       type    v1 amount  v2 amount
 * L1   WC-110  MACH-DIM   scrap      873.60     873.60
 * L1   WC-120  WELD-POR   scrap      100.00     160.00
 * L2   WC-210  PAINT-RUN  rework      50.05         —
 * L3   WC-310  BURR       scrap          —       25.25
 * v1: scrap 973.60, rework 50.05, total 1023.65, quantity 4 + 2 = 6, events 2 + 2 + 1 = 5
 * v2: scrap 1058.85, rework 0.00, total 1058.85, quantity 4 + 3 + 1 = 8, events 2 + 3 + 1 = 6
 * </pre>
 */
class ReportDifferencesTest {

    private static final Sum MACH_DIM = sum("L1", "WC-110", "MACH-DIM", "scrap", "873.60", "4", 2);

    @Test
    void everyTotalAndEachChangedLineCodeAndClass() {
        Report first = report(MACH_DIM, sum("L1", "WC-120", "WELD-POR", "scrap", "100.00", "2", 2),
                sum("L2", "WC-210", "PAINT-RUN", "rework", "50.05", "5", 1)).closed(1, "controller");
        Report second = report(MACH_DIM, sum("L1", "WC-120", "WELD-POR", "scrap", "160.00", "3", 3),
                sum("L3", "WC-310", "BURR", "scrap", "25.25", "1", 1)).closed(2, "controller");

        ReportDifferences differences = ReportDifferences.between(first, second);

        assertThat(differences.fromVersion()).isEqualTo(1);
        assertThat(differences.totals()).containsExactly(total("scrap_cost", "973.60", "1058.85", "85.25"),
                total("rework_cost", "50.05", "0.00", "-50.05"), total("total_cost", "1023.65", "1058.85", "35.20"),
                total("scrap_quantity", "6", "8", "2"), total("events", "5", "6", "1"));
        // WC-110 did not move, so it is not listed; the three that did sum to the total's 35.20.
        assertThat(differences.byLine()).containsExactly(
                new Change("total_cost", "L1", "WC-120", null, null, new BigDecimal("100.00"), new BigDecimal("160.00"),
                        new BigDecimal("60.00")),
                new Change("total_cost", "L2", "WC-210", null, null, new BigDecimal("50.05"), new BigDecimal("0.00"),
                        new BigDecimal("-50.05")),
                new Change("total_cost", "L3", "WC-310", null, null, new BigDecimal("0.00"), new BigDecimal("25.25"),
                        new BigDecimal("25.25")));
        assertThat(differences.byDefectCode()).extracting(Change::defectCode, Change::difference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BURR", new BigDecimal("25.25")),
                org.assertj.core.groups.Tuple.tuple("PAINT-RUN", new BigDecimal("-50.05")),
                org.assertj.core.groups.Tuple.tuple("WELD-POR", new BigDecimal("60.00")));
        assertThat(differences.coq()).containsExactly(new Change("cost", null, null, null, "internal_failure",
                new BigDecimal("1023.65"), new BigDecimal("1058.85"), new BigDecimal("35.20")));
    }

    @Test
    void anUnchangedRestatementListsTheTotalsWithZeroDifferencesAndNothingElse() {
        Report first = report(MACH_DIM).closed(1, "controller");
        ReportDifferences differences = ReportDifferences.between(first, report(MACH_DIM).closed(2, "controller"));
        assertThat(differences.totals()).extracting(Change::difference).allSatisfy(d -> assertThat(d).isZero());
        assertThat(differences.byLine()).isEmpty();
        assertThat(differences.byDefectCode()).isEmpty();
        assertThat(differences.coq()).isEmpty();
    }

    private static Change total(String figure, String previous, String current, String difference) {
        return new Change(figure, null, null, null, null, new BigDecimal(previous), new BigDecimal(current),
                new BigDecimal(difference));
    }

    private static Report report(Sum... sums) {
        return ReportBuilder.build("DAY1", "Dayton", "2026-10", "USD", "controller", List.of(sums), 0, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.80"), null);
    }

    private static Sum sum(String line, String workCenter, String code, String costType, String amount, String quantity,
            long events) {
        return new Sum(line, workCenter, code, code, costType, "internal_failure", new BigDecimal(amount),
                new BigDecimal(quantity), events, "A", BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
