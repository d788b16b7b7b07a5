package io.scrapline.alert.domain;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * An alert a digest holds ({@code alert_digest_alerts}): added by the queue's SQL as the alert opens, read-only here,
 * where the deliveries of an alert include the digests that hold it.
 */
@Entity
@Table(name = "alert_digest_alerts")
@IdClass(AlertDigestAlert.Key.class)
@Immutable
public class AlertDigestAlert extends TenantRow {

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Id
    @Column(name = "alert_id")
    private Long alertId;

    public Long getDeliveryId() {
        return deliveryId;
    }

    public Long getAlertId() {
        return alertId;
    }

    /** The key: the tenant, the digest's delivery, the alert. */
    public record Key(String tenantId, Long deliveryId, Long alertId) implements Serializable {
    }
}
