package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.domain.Notice;

/** Response bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertResponses.Alert.class, AlertResponses.Window.class, AlertResponses.Event.class,
        AlertResponses.Evaluation.class })
public final class AlertResponses {

    private AlertResponses() {
    }

    /**
     * An alert of the log: the rule and level whose threshold the figure ({@code value}, in the {@code metric}'s unit,
     * money in {@code currency}) of a window instance went over, the scope the rule watches, the events behind it, the
     * audiences and addresses it went to, and its sending: {@code pending}, {@code sent}, {@code failed} or
     * {@code acknowledged}, after {@code attempts} sends, the last failed one's error. {@code period} is the plant's
     * period the window falls in.
     */
    public record Alert(long id, String rule, String ruleName, String level, String plant, String line,
            String workCenter, String shift, String period, String defectCode, String defectCategory, String metric,
            Window window, BigDecimal value, BigDecimal threshold, String thresholdBasis, String currency,
            List<String> recipients, List<String> audiences, String escalationPolicy, List<Event> topEvents,
            String status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

        static Alert of(LoggedAlert alert) {
            return new Alert(alert.id(), alert.rule(), alert.ruleName(), alert.level().code(), alert.plant(),
                    alert.line(), alert.workCenter(), alert.shift(), alert.period(), alert.defectCode(),
                    alert.defectCategory(), alert.metric().code(),
                    new Window(alert.windowKind(), alert.windowKey(), alert.windowLabel(), alert.windowStart(),
                            alert.windowEnd()),
                    alert.value(), alert.threshold(), alert.thresholdBasis(), alert.currency(), alert.recipients(),
                    alert.audienceIds(), alert.escalationPolicyId(), alert.topEvents().stream().map(Event::of).toList(),
                    alert.status(), alert.attempts(), alert.lastError(), alert.createdAt(), alert.sentAt());
        }
    }

    /**
     * The window instance: {@code kind} ({@code shift}, {@code day}, {@code week_to_date}, {@code period_to_date},
     * {@code rolling_hours}), the {@code key} that makes the alert unique with the rule and level, a {@code label} (the
     * shift, the period), and its {@code start} and {@code end} (null for alerts of v1).
     */
    public record Window(String kind, String key, String label, OffsetDateTime start, OffsetDateTime end) {
    }

    /** A costed event behind the alert; its explanation is {@code GET /api/v1/costed-events/{id}}. */
    public record Event(long id, Instant occurredAt, String part, String defectCode, BigDecimal quantity,
            BigDecimal amount, String ncr) {

        static Event of(Notice.Event event) {
            return new Event(event.eventId(), event.occurredAt(), event.part(), event.defectCode(), event.quantity(),
                    event.amount(), event.ncr());
        }
    }

    /** What an evaluation did: the alerts it opened ({@code sent} is v1's name of the same count). */
    public record Evaluation(int opened, int sent) {

        static Evaluation of(int opened) {
            return new Evaluation(opened, opened);
        }
    }
}
