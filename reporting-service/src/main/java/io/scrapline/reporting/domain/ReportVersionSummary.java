package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One stored version of a closed period's report; {@code differences} is null for version 1. */
public record ReportVersionSummary(String plant, String period, int version, OffsetDateTime createdAt, String createdBy,
        String currency, BigDecimal totalCost, ReportDifferences differences) {
}
