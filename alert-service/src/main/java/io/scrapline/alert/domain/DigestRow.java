package io.scrapline.alert.domain;

import java.util.Map;

/**
 * One line of the digest of open exceptions: the open exceptions of one plant with the same reason and source (and, for
 * an unmapped part or defect code, the same source value), and what waits on them.
 *
 * @param value
 *            the source's part number or defect code of an unmapped value; null for any other reason
 */
public record DigestRow(String reason, String source, String value, WaitingFigures figures) {

    private static final Map<String, String> REASONS = Map.of("no_standard_cost", "no standard cost in force",
            "unknown_operation", "operation not in the part's cost roll", "no_rework_labor",
            "rework whose hours have not arrived", "no_labor_rate", "no labor rate", "no_order_value",
            "work order gives no unit value", "unreadable_record", "records costing cannot read");

    /** The unmapped value the line is about, or null. */
    public UnmappedValue unmapped() {
        return value == null ? null : new UnmappedValue(reason, source, value);
    }

    /** {@code part MES-4471 of plex-mes has no cross-reference: 2 events, 7 units (no estimate: ...)}. */
    public String describe() {
        UnmappedValue unmapped = unmapped();
        if (unmapped != null) {
            return unmapped.noun() + " " + value + " of " + source + " has no cross-reference: "
                    + figures.describe(unmapped.whyNoEstimate());
        }
        return REASONS.getOrDefault(reason, reason) + " (" + source + "): " + figures.describe(null);
    }
}
