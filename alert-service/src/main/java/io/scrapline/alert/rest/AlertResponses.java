package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.LoggedAlert;

/** Response bodies of the alert endpoints. */
@RegisterForReflection(targets = { AlertResponses.Alert.class })
public final class AlertResponses {

    private AlertResponses() {
    }

    /**
     * An alert of the log: the rule, the plant-period and defect code whose cost ({@code value}, in {@code currency})
     * went over the rule's threshold, the addresses it went to, and its sending: {@code pending}, {@code sent},
     * {@code failed} or {@code acknowledged}, after {@code attempts} sends, the last failed one's error.
     */
    public record Alert(long id, String rule, String plant, String period, String defectCode, BigDecimal value,
            BigDecimal threshold, String currency, List<String> recipients, String status, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

        static Alert of(LoggedAlert alert) {
            return new Alert(alert.id(), alert.rule(), alert.plant(), alert.period(), alert.defectCode(), alert.value(),
                    alert.threshold(), alert.currency(), alert.recipients(), alert.status(), alert.attempts(),
                    alert.lastError(), alert.createdAt(), alert.sentAt());
        }
    }
}
