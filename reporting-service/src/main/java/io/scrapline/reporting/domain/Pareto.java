package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto of defect codes by cost: ranked, each with its share and cumulative share of the total, and the "vital
 * few" that together make up the threshold share (80 % by default). Each share is the difference of two rounded
 * cumulative shares, and the last cumulative share is 1, so the shares sum to exactly 1.
 */
public final class Pareto {

    /** Decimal places of shares in the report. */
    public static final int SHARE_SCALE = 4;

    /** A defect code's cost; the code is null for rework without a defect record, which still counts in the total. */
    public record Cost(String defectCode, String description, BigDecimal cost) {
    }

    public record Entry(int rank, String defectCode, String description, BigDecimal cost, BigDecimal share,
            BigDecimal cumulativeShare, boolean vitalFew) {
    }

    private Pareto() {
    }

    public static List<Entry> of(List<Cost> costs, BigDecimal threshold) {
        List<Cost> ranked = costs.stream().filter(c -> c.cost().signum() > 0).sorted(Comparator.comparing(Cost::cost)
                .reversed().thenComparing(Cost::defectCode, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        BigDecimal total = ranked.stream().map(Cost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Entry> entries = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal cumulativeShare = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            Cost cost = ranked.get(i);
            // The vital few are the codes needed to reach the threshold: those that start below it.
            boolean vitalFew = cumulativeShare.compareTo(threshold) < 0;
            running = running.add(cost.cost());
            BigDecimal nextCumulative = i == ranked.size() - 1 ? BigDecimal.ONE.setScale(SHARE_SCALE)
                    : running.divide(total, SHARE_SCALE, RoundingMode.HALF_UP);
            BigDecimal share = nextCumulative.subtract(cumulativeShare);
            cumulativeShare = nextCumulative;
            entries.add(new Entry(i + 1, cost.defectCode(), cost.description(), cost.cost(), share, cumulativeShare,
                    vitalFew));
        }
        return entries;
    }
}
