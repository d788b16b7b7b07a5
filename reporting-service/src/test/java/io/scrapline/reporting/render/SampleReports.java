package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.scrapline.reporting.domain.Pareto;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;

/**
 * Reports for the format tests, worked by hand:
 *
 * <pre>
 * line WC   code      type    amount   qty events
 * L1   WC1  MACH-01   scrap   1000.00  2   1
 * L1   WC2  WELD-02   scrap    250.50  1   2
 * L2   WC3  PAINT-03  rework    49.50  3   1
 * scrap 1250.50 + rework 49.50 = total 1300.00; prior period 1000.00: +0.3000; budget 1500: −0.1333
 * Pareto: 1000.00 / 1300.00 = 0.7692; 1250.50 / 1300.00 = 0.9619, share 0.1927; last 1.0000, share 0.0381
 * shifts: A = MACH-01 1000.00 + PAINT-03 49.50 = 1049.50 (2 events), B = WELD-02 250.50 (2 events)
 * thresholds: MACH-01 900.00 (1000.00 is over), WELD-02 300.00 (250.50 is not)
 *
 * scrap variance  part    op    planned  unplanned  variance  value   confirmations
 *                 PART-1  0010  2        3           1         40.00  2
 *                 PART-2  0020  1        0          -1        -12.50  1
 *                 total         3        3 (6 in all) 0         27.50
 *
 * year to date 2026-01..2026-10: L1 scrap 5000.00 (7 events), L2 rework 300.00 (3), L1 return_to_vendor 200.00 (1)
 *   scrap 5200.00 + rework 300.00 = 5500.00, 11 events; internal_failure 5300.00, external_failure 200.00
 *
 * trend, the 13 weeks from Monday 2026-08-03 to Monday 2026-10-26 (the week of Saturday 2026-10-31):
 *   MACH-01 600.00 in the week of 2026-10-05 + 400.00 in that of 2026-10-26 = 1000.00
 *   WELD-02 250.50 in the week of 2026-10-12; PAINT-03 49.50 in that of 2026-09-28
 *
 * NCRs of MACH-01: 2 in_progress (1 open), 1 without a corrective action (open): 3 NCRs, 2 open; WELD-02: none
 * </pre>
 *
 * The descriptions carry markup, quotes, parentheses and a backslash, which every format must show as text.
 */
final class SampleReports {

    static final String MACH_DESCRIPTION = "Bore <oversize> & \"burr\"";
    static final String WELD_DESCRIPTION = "Weld (porosity) \\ spatter";

    private SampleReports() {
    }

    static final List<LocalDate> WEEKS = IntStream.range(0, 13).mapToObj(i -> LocalDate.of(2026, 8, 3).plusWeeks(i))
            .toList();

    static Report threeCodes() {
        return ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "full",
                List.of(sum("L1", "WC1", "MACH-01", MACH_DESCRIPTION, "scrap", "1000.00", "2", 1, "A"),
                        sum("L1", "WC2", "WELD-02", WELD_DESCRIPTION, "scrap", "250.50", "1", 2, "B"),
                        sum("L2", "WC3", "PAINT-03", "Paint run", "rework", "49.50", "3", 1, "A")),
                1, new BigDecimal("4"), new BigDecimal("1000.00"), new BigDecimal("0.80"), new BigDecimal("1500"),
                new ReportBuilder.Sections(
                        List.of(new Report.ScrapVariance("PART-1", "0010", new BigDecimal("2"), new BigDecimal("3"),
                                BigDecimal.ONE, new BigDecimal("40.00"), 2),
                                new Report.ScrapVariance("PART-2", "0020", BigDecimal.ONE, BigDecimal.ZERO,
                                        new BigDecimal("-1"), new BigDecimal("-12.50"), 1)),
                        "2026-01",
                        List.of(new ReportBuilder.YearSum("L1", "scrap", "internal_failure", new BigDecimal("5000.00"),
                                7),
                                new ReportBuilder.YearSum("L2", "rework", "internal_failure", new BigDecimal("300.00"),
                                        3),
                                new ReportBuilder.YearSum(
                                        "L1", "return_to_vendor", "external_failure", new BigDecimal("200.00"), 1)),
                        WEEKS,
                        List.of(week("L1", "2026-10-05", "MACH-01", "600.00"),
                                week("L1", "2026-10-26", "MACH-01", "400.00"),
                                week("L1", "2026-10-12", "WELD-02", "250.50"),
                                week("L2", "2026-09-28", "PAINT-03", "49.50")),
                        List.of(new ReportBuilder.NcrCount("MACH-01", "in_progress", 2, 1),
                                new ReportBuilder.NcrCount("MACH-01", null, 1, 1)),
                        List.of(new ReportBuilder.Threshold("MACH-01", new BigDecimal("900.00")),
                                new ReportBuilder.Threshold("WELD-02", new BigDecimal("300.00")))));
    }

    /** A period without a budget and without a prior period: the variances are missing, not zero. */
    static Report withoutBudget() {
        return ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller",
                List.of(sum("L1", "WC1", "MACH-01", "Bore", "scrap", "10.00", "1", 1)), 0, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.80"), null);
    }

    /** Many codes, each 1.00 more than the next, so that the tables run over more than one page. */
    static Report manyCodes(int codes) {
        List<ReportBuilder.Sum> sums = new ArrayList<>();
        for (int i = 1; i <= codes; i++) {
            sums.add(sum("L1", "WC1", String.format("D-%03d", i), "Defect number " + i, "scrap", codes - i + 1 + ".00",
                    "1", 1));
        }
        return ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller", sums, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.80"), null);
    }

    private static ReportBuilder.Sum sum(String line, String workCenter, String code, String description,
            String costType, String amount, String quantity, long events) {
        return sum(line, workCenter, code, description, costType, amount, quantity, events, "A");
    }

    private static ReportBuilder.Sum sum(String line, String workCenter, String code, String description,
            String costType, String amount, String quantity, long events, String shift) {
        return new ReportBuilder.Sum(line, workCenter, code, description, costType, "internal_failure",
                new BigDecimal(amount), new BigDecimal(quantity), events, shift, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static ReportBuilder.WeekCost week(String line, String monday, String code, String amount) {
        return new ReportBuilder.WeekCost(line, LocalDate.parse(monday), code, new BigDecimal(amount));
    }
}
