package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An exception of costing (not a Java exception): a record version that waits for data, the reason, and whether it is
 * open or closed since; {@code estimatedAmount} what an event whose part maps but whose defect code does not is worth
 * at standard cost (null otherwise). An exception of reason {@link #SCRAP_QUANTITY_MISMATCH} is no stored record's: a
 * work order and operation whose MES scrap disagrees with the ERP's confirmations, open while it does; it has no id.
 */
public record ExceptionEntry(Long id, String source, String sourceId, String plant, String period, BigDecimal quantity,
        String reason, String detail, String status, OffsetDateTime createdAt, OffsetDateTime closedAt,
        BigDecimal estimatedAmount) {

    /** The reason of MES scrap that disagrees with the ERP's confirmations of a work order and operation. */
    public static final String SCRAP_QUANTITY_MISMATCH = "scrap_quantity_mismatch";

    /** The source named by a scrap quantity mismatch, which compares two sources. */
    public static final String MES_AGAINST_ERP = "mes-against-erp";
}
