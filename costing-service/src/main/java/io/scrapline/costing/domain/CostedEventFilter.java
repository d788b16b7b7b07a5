package io.scrapline.costing.domain;

import java.util.List;

/**
 * Filters of the costed-events list; null means any. {@code plants} and {@code lines} are the caller's scope; empty
 * means every plant or line.
 */
public record CostedEventFilter(String plant, String period, String line, String defectCode, String part,
        List<String> plants, List<String> lines) {
}
