package io.scrapline.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Bodies of the budget endpoints (contract.md, "Reports"). */
@RegisterForReflection(targets = { BudgetRequests.Budget.class, BudgetRequests.StoredBudget.class })
public final class BudgetRequests {

    private BudgetRequests() {
    }

    /**
     * One budget of a plant-period; {@code line} null or empty budgets the whole plant. The amounts are strings so that
     * every malformed one is named with its row, which a failed conversion to a number would not do.
     */
    public record Budget(String plant, String line, String period, String scrapBudget, String reworkBudget) {
    }

    /** A stored budget; {@code line} is null for the whole plant. */
    public record StoredBudget(String plant, String line, String period, BigDecimal scrapBudget,
            BigDecimal reworkBudget, OffsetDateTime updatedAt) {
    }
}
