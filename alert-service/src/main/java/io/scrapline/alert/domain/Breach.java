package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.platform.money.Money;

/**
 * A window instance of a rule whose figure is over the threshold of a level, and that has no alert of that level yet. A
 * relative threshold was crossed by the figure against {@code factor} times the average of {@code windows} trailing
 * windows whose figures sum to {@code total} (the comparison is exact: figure × windows > factor × total).
 *
 * @param target
 *            the evaluation that found it
 * @param firstAt
 *            when the first event of the instance occurred; {@code lastAt} the last
 */
public record Breach(WindowTarget target, Level level, String windowKey, BigDecimal figure, Instant firstAt,
        Instant lastAt, BigDecimal value, BigDecimal factor, long windows, BigDecimal total, List<String> audienceIds,
        String escalationPolicy) {

    /** Digits kept of a relative threshold of quantity or events. */
    private static final int QUANTITY_SCALE = 6;

    public Breach {
        audienceIds = List.copyOf(audienceIds);
    }

    public CandidateRule rule() {
        return target.rule();
    }

    /** The figure in the metric's unit: money as summed, a quantity or a count without trailing zeros. */
    public BigDecimal shownFigure() {
        return rule().metric() == Metric.COST ? figure : plain(figure);
    }

    /**
     * The threshold crossed: the absolute value, or the relative threshold in the metric's unit, a cost cut to the
     * currency's minor unit (rounded down, so that the figure shown is always above it).
     */
    public BigDecimal threshold() {
        if (value != null) {
            return value;
        }
        boolean money = rule().metric() == Metric.COST;
        BigDecimal exact = factor.multiply(total).divide(BigDecimal.valueOf(windows),
                money ? Money.minorUnits(rule().currency()) : QUANTITY_SCALE, RoundingMode.DOWN);
        if (money) {
            return exact;
        }
        return plain(exact);
    }

    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * How a relative threshold was found, e.g. {@code 2× the average of the last 20 shifts}; null for an absolute one.
     */
    public String basis() {
        if (factor == null) {
            return null;
        }
        String plural = rule().window().plural(rule().windowHours());
        String windowsText = windows == 1 ? plural.substring(0, plural.length() - 1) : windows + " " + plural;
        return factor.stripTrailingZeros().toPlainString() + "× the average of the last " + windowsText;
    }
}
