package io.scrapline.alert.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What costing moved, as its prompt says: a plant's booking period, and the lines, work centers, shifts and defect
 * codes of the events, which occurred from {@code from} to {@code to}. A null set or bound is unknown and matches
 * everything; {@link #current()} is the sweep's: every rule, in the windows of now.
 *
 * @param plant
 *            null for every plant of the token
 * @param period
 *            the booking period; null for each plant's period of now
 */
public record Touch(String plant, String period, Set<String> lines, Set<String> workCenters, Set<String> shifts,
        Set<String> codes, Instant from, Instant to) {

    public Touch {
        lines = lines == null ? null : Set.copyOf(lines);
        workCenters = workCenters == null ? null : Set.copyOf(workCenters);
        shifts = shifts == null ? null : Set.copyOf(shifts);
        codes = codes == null ? null : Set.copyOf(codes);
    }

    /** Every rule of every plant, in the windows of now. */
    public static Touch current() {
        return new Touch(null, null, null, null, null, null, null, null);
    }
}
