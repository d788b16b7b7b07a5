package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An exception of costing (not a Java exception): a record version that waits for data, the reason, and whether it is
 * open or closed since; {@code estimatedAmount} what an event whose part maps but whose defect code does not is worth
 * at standard cost (null otherwise).
 */
public record ExceptionEntry(long id, String source, String sourceId, String plant, String period, BigDecimal quantity,
        String reason, String detail, String status, OffsetDateTime createdAt, OffsetDateTime closedAt,
        BigDecimal estimatedAmount) {
}
