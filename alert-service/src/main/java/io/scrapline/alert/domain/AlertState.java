package io.scrapline.alert.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An alert with what became of it: its level, who acknowledged or resolved it, its escalation and its deliveries.
 *
 * @param level
 *            null for an alert that opened before deliveries were recorded
 * @param acknowledged
 *            null until someone acknowledges it; likewise {@code resolved}
 * @param escalation
 *            null for an alert opened without an escalation policy
 */
public record AlertState(LoggedAlert alert, String level, Response acknowledged, Response resolved,
        Escalation escalation, List<Delivery> deliveries) {

    public AlertState withDeliveries(List<Delivery> all) {
        return new AlertState(alert, level, acknowledged, resolved, escalation, all);
    }

    /** Who acknowledged or resolved the alert, when, and their comment. */
    public record Response(String by, OffsetDateTime at, String comment) {
    }

    /**
     * The escalation's state: {@code waiting} for {@code nextStep} (of {@code steps}) at {@code nextAt},
     * {@code running}, {@code stopped} ({@code stoppedBy} {@code acknowledged}, {@code resolved} or {@code last_step}),
     * or {@code failed}.
     */
    public record Escalation(String policy, int steps, Integer nextStep, String status, OffsetDateTime nextAt,
            String stoppedBy, String lastError) {
    }
}
