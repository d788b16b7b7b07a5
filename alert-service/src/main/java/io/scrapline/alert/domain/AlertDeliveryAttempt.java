package io.scrapline.alert.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * An attempt at a delivery as recorded ({@code alert_delivery_attempts}): written once by the worker that made it, in
 * SQL, and never changed, so read-only here. {@link DeliveryAttempt} is the attempt as the API shows it.
 */
@Entity
@Table(name = "alert_delivery_attempts")
@IdClass(AlertDeliveryAttempt.Key.class)
@Immutable
public class AlertDeliveryAttempt extends TenantRow {

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Id
    private Integer attempt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    private String result;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "error_class")
    private String errorClass;

    private String summary;

    private String outcome;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    /** The attempt as the API shows it. */
    public DeliveryAttempt attempt() {
        return new DeliveryAttempt(attempt, startedAt, finishedAt, result, statusCode, providerMessageId, errorClass,
                summary, outcome, nextAttemptAt);
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    /** The key: the tenant, the delivery, the attempt's number. */
    public record Key(String tenantId, Long deliveryId, Integer attempt) implements Serializable {
    }
}
