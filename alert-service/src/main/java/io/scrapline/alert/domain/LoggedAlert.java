package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An alert in the log: the rule whose threshold the defect code's cost in a plant's period went over, who it went to,
 * and how its sending went ({@code pending}, {@code sent}, {@code failed} or {@code acknowledged}).
 */
public record LoggedAlert(long id, String rule, String plant, String period, String defectCode, BigDecimal value,
        BigDecimal threshold, String currency, List<String> recipients, String status, int attempts, String lastError,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
