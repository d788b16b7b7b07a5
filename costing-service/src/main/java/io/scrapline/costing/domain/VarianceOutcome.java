package io.scrapline.costing.domain;

import java.util.Map;

/** What costing made of one confirmation: its planned and unplanned scrap valued, or why it cannot be valued yet. */
public sealed interface VarianceOutcome {

    ConfirmationRecord record();

    String period();

    record Valued(ConfirmationRecord record, String period, ScrapVariance.Result result, String currency,
            Map<String, Object> explanation) implements VarianceOutcome {
    }

    record Unvalued(ConfirmationRecord record, String period, String reason, String detail) implements VarianceOutcome {
    }
}
