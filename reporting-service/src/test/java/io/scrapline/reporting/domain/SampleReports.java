package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
 * </pre>
 *
 * The descriptions carry markup, quotes, parentheses and a backslash, which every format must show as text.
 */
final class SampleReports {

    static final String MACH_DESCRIPTION = "Bore <oversize> & \"burr\"";
    static final String WELD_DESCRIPTION = "Weld (porosity) \\ spatter";

    private SampleReports() {
    }

    static Report threeCodes() {
        return ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller",
                List.of(sum("L1", "WC1", "MACH-01", MACH_DESCRIPTION, "scrap", "1000.00", "2", 1),
                        sum("L1", "WC2", "WELD-02", WELD_DESCRIPTION, "scrap", "250.50", "1", 2),
                        sum("L2", "WC3", "PAINT-03", "Paint run", "rework", "49.50", "3", 1)),
                1, new BigDecimal("4"), new BigDecimal("1000.00"), new BigDecimal("0.80"), new BigDecimal("1500"));
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
        return new ReportBuilder.Sum(line, workCenter, code, description, costType, "internal_failure",
                new BigDecimal(amount), new BigDecimal(quantity), events);
    }
}
