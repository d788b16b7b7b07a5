package io.scrapline.alert.domain;

import java.util.List;
import java.util.Objects;

import io.scrapline.alert.domain.Notice.Level;

/**
 * What it takes to deliver an alert that has just opened: the alert, its level, the audiences of the level (reached at
 * once), the escalation policy, if any, whose first step's audiences are reached at once too and whose later steps
 * follow while nobody acknowledges, and what the alert says.
 *
 * @param level
 *            the alert's level, which its notice says too
 * @param escalationPolicyId
 *            null for none
 */
public record DeliveryRequest(long alertId, Level level, List<String> audiences, String escalationPolicyId,
        Notice notice) {

    public DeliveryRequest {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(notice, "notice");
        if (notice.level() != level) {
            throw new IllegalArgumentException(
                    "the notice of a " + level.code() + " alert says " + notice.level().code());
        }
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }
}
