package io.scrapline.alert.domain;

import java.util.Objects;

/**
 * A source value costing parks events of because no cross-reference maps it: a source system's part number
 * ({@link #UNMAPPED_PART}) or defect code ({@link #UNMAPPED_DEFECT_CODE}), named by the exception's reason.
 */
public record UnmappedValue(String reason, String source, String value) {

    public static final String UNMAPPED_PART = "unmapped_part";
    public static final String UNMAPPED_DEFECT_CODE = "unmapped_defect_code";

    public UnmappedValue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        if (!UNMAPPED_PART.equals(reason) && !UNMAPPED_DEFECT_CODE.equals(reason)) {
            throw new IllegalArgumentException("not an unmapped value's reason: " + reason);
        }
    }

    public boolean part() {
        return UNMAPPED_PART.equals(reason);
    }

    /** {@code part} or {@code defect code}. */
    public String noun() {
        return part() ? "part" : "defect code";
    }

    /** Where the cross-reference is written (costing-service): {@code PUT /api/v1/sources/{source}/part-xref}. */
    public String crossReferencePath() {
        return "/api/v1/sources/" + source + (part() ? "/part-xref" : "/defect-code-xref");
    }

    /** Why its events have no estimate: an unmapped part has no standard cost to tell. */
    public String whyNoEstimate() {
        return part() ? "the part's standard cost is known once it is mapped"
                : "the part has no cost roll in force, or the event's operation is not in it";
    }
}
