package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One budget of a plant-period as written; {@code line} null or empty budgets the whole plant. The amounts are text as
 * sent, so that the service names every malformed one with its row.
 */
public record BudgetEntry(String plant, String line, String period, String scrapBudget, String reworkBudget) {

    /** A stored budget; {@code line} is null for the whole plant. */
    public record Stored(String plant, String line, String period, BigDecimal scrapBudget, BigDecimal reworkBudget,
            OffsetDateTime updatedAt) {
    }
}
