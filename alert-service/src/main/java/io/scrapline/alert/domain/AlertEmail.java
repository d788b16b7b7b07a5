package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/**
 * The plain email an alert is sent as until the channels deliver it: the subject names the plant, the window, what the
 * rule watches and the figure against the threshold, e.g. {@code [Scrapline] DAY1 2026-10: MACH-DIM cost 873.60 USD is
 * over its threshold of 500.00}; a critical alert's subject says so first.
 */
public record AlertEmail(String subject, String body) {

    /**
     * @param where
     *            the plant, line and work center as far as the rule narrows them
     * @param what
     *            the defect code, the category, or null for every defect
     */
    public static AlertEmail of(long alertId, Level level, String ruleId, String where, String windowKey, String what,
            Metric metric, BigDecimal figure, BigDecimal threshold, String currency) {
        String window = windowText(windowKey);
        String watched = what == null ? "All defects" : what;
        String amount = switch (metric) {
            case COST -> figure.toPlainString() + " " + currency;
            case QUANTITY -> figure.stripTrailingZeros().toPlainString() + " units";
            case EVENTS -> figure.stripTrailingZeros().toPlainString() + " events";
        };
        String subject = String.format("[Scrapline] %s%s %s: %s %s %s is over its threshold of %s",
                level == Level.CRITICAL ? "CRITICAL " : "", where, window, watched, metric.code(), amount,
                threshold.toPlainString());
        String body = String.format("""
                %s in %s: %s %s in %s, over the %s threshold of %s set by rule %s.

                Alert %d. Acknowledge it with POST /api/v1/alerts/%d/acknowledge.
                """, watched, where, metric.code(), amount, window, level.code(), threshold.toPlainString(), ruleId,
                alertId, alertId);
        return new AlertEmail(subject, body);
    }

    /** Plant, line and work center as far as they are given: {@code DAY1/L2/WC-40}. */
    static String where(String plant, String line, String workCenter) {
        return Stream.of(plant, line, workCenter).filter(Objects::nonNull).collect(Collectors.joining("/"));
    }

    /** The window in words: {@code 2026-10}, {@code 2026-05-14}, {@code week of 2026-05-11}, {@code last 4 hours}. */
    static String windowText(String key) {
        String[] parts = key.split("/", 3);
        return switch (parts[0]) {
            case "week" -> "week of " + parts[1];
            case "shift" -> "shift " + parts[2] + " of " + parts[1];
            case "rolling" -> "last " + parts[1].replace("h", " hours");
            default -> parts[1];
        };
    }
}
