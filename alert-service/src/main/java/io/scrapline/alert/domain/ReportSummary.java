package io.scrapline.alert.domain;

import java.math.BigDecimal;

/** The headline of a report a distribution sends, as reporting's JSON gives it: for the message's text. */
public record ReportSummary(String currency, String status, int version, BigDecimal scrapCost, BigDecimal reworkCost,
        BigDecimal totalCost, long events) {
}
