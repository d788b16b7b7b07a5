package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Measure;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;

/**
 * An alert the evaluation has just opened (its row in {@code alert_log} written, in the transaction it is handed over
 * in): everything a {@link Notice} says, and whom the level notifies. Before its row is written (with {@link #opened})
 * it has no id (0), time or recipients.
 *
 * @param alertId
 *            the row's id, as the API shows it
 * @param raisedAt
 *            when the row was written
 * @param line
 *            the scope the rule watches: null where it does not narrow (likewise work center, defect code and
 *            category); {@code shift} is also that of a shift instance
 * @param figure
 *            the figure in the metric's unit (money in {@code currency}, the plant's); {@code threshold} the one it
 *            crossed, {@code thresholdBasis} how a relative one was found (null for an absolute one)
 * @param windowKey
 *            the instance's key, unique with the rule and level ({@code shift/2026-05-14/B}, {@code day/2026-05-14},
 *            {@code week/2026-05-11}, {@code period/2026-05}, {@code rolling/4h/2026-05-14T12:00:00Z})
 * @param period
 *            the plant's period the window falls in
 * @param topEvents
 *            the events behind the figure, largest first (at most five)
 * @param audienceIds
 *            the audiences of the level, in the rule's order; {@code escalationPolicyId} its escalation policy, or null
 * @param recipients
 *            the email addresses of the audiences' members when the alert was opened, each once
 */
public record OpenedAlert(long alertId, Instant raisedAt, Level level, String ruleId, String ruleName, String plant,
        String plantName, String line, String workCenter, String shift, String defectCode, String defectCategory,
        Metric metric, BigDecimal figure, BigDecimal threshold, String thresholdBasis, String currency, Window window,
        String windowKey, String period, List<Event> topEvents, List<String> audienceIds, String escalationPolicyId,
        List<String> recipients) {

    public OpenedAlert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(window, "window");
        topEvents = List.copyOf(topEvents);
        audienceIds = List.copyOf(audienceIds);
        recipients = List.copyOf(recipients);
    }

    /** This alert as opened: its row's id and time, and the recipients the row resolved. */
    public OpenedAlert opened(long id, Instant at, List<String> addresses) {
        return new OpenedAlert(id, at, level, ruleId, ruleName, plant, plantName, line, workCenter, shift, defectCode,
                defectCategory, metric, figure, threshold, thresholdBasis, currency, window, windowKey, period,
                topEvents, audienceIds, escalationPolicyId, addresses);
    }

    /** What the alert says, for any channel's renderer. */
    public Notice notice() {
        return new Notice(String.valueOf(alertId), raisedAt, level, ruleId, ruleName, plant, plantName, line,
                workCenter, shift, defectCode, defectCategory, new Measure(metric, figure, threshold), currency,
                thresholdBasis, window, topEvents, List.of());
    }

    /** The email it is sent as. */
    public AlertEmail email() {
        return AlertEmail.of(alertId, level, ruleId, AlertEmail.where(plant, line, workCenter), windowKey,
                defectCode != null ? defectCode : defectCategory, metric, figure, threshold, currency);
    }
}
