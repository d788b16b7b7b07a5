package io.scrapline.alert.domain;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A subscription as stored ({@code distribution_subscriptions}): {@code weekday} is ISO's 1 (Monday) to 7, set for a
 * weekly cadence only; {@code sendAt} is null at month-end. {@link Subscription} is the subscription it stores.
 */
@Entity
@Table(name = "distribution_subscriptions")
@IdClass(DistributionSubscription.Key.class)
public class DistributionSubscription extends ChangedRow {

    @Id
    @Column(name = "subscription_id")
    private String subscriptionId;

    @Column(name = "audience_id")
    private String audienceId;

    @Column(name = "plant_id")
    private String plantId;

    private String cadence;

    private String[] formats;

    @Column(name = "send_at")
    private LocalTime sendAt;

    private Short weekday;

    private boolean enabled;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getAudienceId() {
        return audienceId;
    }

    public void setAudienceId(String audienceId) {
        this.audienceId = audienceId;
    }

    public String getPlantId() {
        return plantId;
    }

    public void setPlantId(String plantId) {
        this.plantId = plantId;
    }

    public String getCadence() {
        return cadence;
    }

    public void setCadence(String cadence) {
        this.cadence = cadence;
    }

    public String[] getFormats() {
        return formats == null ? null : formats.clone();
    }

    public void setFormats(String[] formats) {
        this.formats = formats == null ? null : formats.clone();
    }

    public LocalTime getSendAt() {
        return sendAt;
    }

    public void setSendAt(LocalTime sendAt) {
        this.sendAt = sendAt;
    }

    public Short getWeekday() {
        return weekday;
    }

    public void setWeekday(Short weekday) {
        this.weekday = weekday;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /** The key: the tenant, then the subscription's id. */
    public record Key(String tenantId, String subscriptionId) implements Serializable {
    }
}
