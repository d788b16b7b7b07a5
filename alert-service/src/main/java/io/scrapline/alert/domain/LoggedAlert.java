package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/**
 * An alert in the log: the rule and level whose threshold the figure ({@code value}) of a window instance went over,
 * the scope, whom it went to, and how its sending went ({@code pending}, {@code sent}, {@code failed} or
 * {@code acknowledged}). Alerts logged before rules had windows have no window start and end.
 */
public record LoggedAlert(long id, String rule, String ruleName, Level level, String plant, String line,
        String workCenter, String shift, String period, String defectCode, String defectCategory, Metric metric,
        String windowKind, String windowKey, String windowLabel, OffsetDateTime windowStart, OffsetDateTime windowEnd,
        BigDecimal value, BigDecimal threshold, String thresholdBasis, String currency, List<String> recipients,
        List<String> audienceIds, String escalationPolicyId, List<Event> topEvents, String status, int attempts,
        String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public LoggedAlert {
        recipients = List.copyOf(recipients);
        audienceIds = List.copyOf(audienceIds);
        topEvents = List.copyOf(topEvents);
    }

    /** The email it is sent as. */
    public AlertEmail email() {
        return AlertEmail.of(id, level, rule, AlertEmail.where(plant, line, workCenter), windowKey,
                defectCode != null ? defectCode : defectCategory, metric, value, threshold, currency);
    }
}
